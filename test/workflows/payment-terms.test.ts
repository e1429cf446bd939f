import type { PaymentTerms } from '../../shared/contracts/common';
import type { OrderStatus, WaitKind } from '../../shared/domain/order';
import { startWorkflowHarness, type WorkflowHarness } from './support/workflow-harness';

/**
 * The happy path of each payment-terms type, through the real ASL and use cases: every wait the terms
 * ask for is entered (its status shown) and ended by the department owning it, to COMPLETED.
 */

interface TermsCase {
  name: string;
  terms: PaymentTerms;
  waits: WaitKind[];
  statuses: OrderStatus[];
  events: string[];
  states: string[];
}

const SHIP_AND_DELIVER_STATES = [
  'WaitForShipment',
  'DispatchStock',
  'ReissueShippingDocuments',
  'WaitForDelivery',
  'MarkDelivered',
];

const cases: TermsCase[] = [
  {
    name: 'TT 30/70: deposit before production, balance before shipment',
    terms: { type: 'TT', depositPercent: 30 },
    waits: ['deposit', 'packing', 'balance', 'shipment', 'delivery'],
    statuses: [
      'RECEIVED',
      'CONFIRMED',
      'AWAITING_DEPOSIT',
      'IN_PRODUCTION',
      'AWAITING_BALANCE',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ],
    events: [
      'OrderReceived',
      'OrderConfirmed',
      'DocumentsIssued',
      'PaymentReceived',
      'DepositReceived',
      'StockAllocated',
      'OrderPacked',
      'DocumentsIssued',
      'PaymentDue',
      'PaymentReceived',
      'OrderReadyToShip',
      'ShipmentDispatched',
      'DocumentsIssued',
      'OrderDelivered',
      'OrderCompleted',
    ],
    states: [
      'ScreenOrder',
      'Screened',
      'IssueConfirmationDocuments',
      'NeedsDeposit',
      'WaitForDeposit',
      'AllocateStock',
      'StockComplete',
      'WaitForPacking',
      'IssueShippingDocuments',
      'NeedsBalance',
      'WaitForBalance',
      ...SHIP_AND_DELIVER_STATES,
      'StillOwed',
      'Completed',
    ],
  },
  {
    name: 'LC at sight: the whole amount before shipment, no deposit',
    terms: { type: 'LC' },
    waits: ['packing', 'balance', 'shipment', 'delivery'],
    statuses: [
      'RECEIVED',
      'CONFIRMED',
      'IN_PRODUCTION',
      'AWAITING_BALANCE',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ],
    events: [
      'OrderReceived',
      'OrderConfirmed',
      'DocumentsIssued',
      'StockAllocated',
      'OrderPacked',
      'DocumentsIssued',
      'PaymentDue',
      'PaymentReceived',
      'OrderReadyToShip',
      'ShipmentDispatched',
      'DocumentsIssued',
      'OrderDelivered',
      'OrderCompleted',
    ],
    states: [
      'ScreenOrder',
      'Screened',
      'IssueConfirmationDocuments',
      'NeedsDeposit',
      'AllocateStock',
      'StockComplete',
      'WaitForPacking',
      'IssueShippingDocuments',
      'NeedsBalance',
      'WaitForBalance',
      ...SHIP_AND_DELIVER_STATES,
      'StillOwed',
      'Completed',
    ],
  },
  ...(['DP', 'DA', 'OA'] as const).map(
    (type): TermsCase => ({
      name: `${type}: on credit, paid after delivery`,
      terms: type === 'DA' ? { type, days: 30 } : type === 'OA' ? { type, netDays: 60 } : { type },
      waits: ['packing', 'shipment', 'delivery', 'payment'],
      statuses: [
        'RECEIVED',
        'CONFIRMED',
        'IN_PRODUCTION',
        'READY_TO_SHIP',
        'IN_TRANSIT',
        'DELIVERED',
        'AWAITING_PAYMENT',
        'COMPLETED',
      ],
      events: [
        'OrderReceived',
        'OrderConfirmed',
        'DocumentsIssued',
        'StockAllocated',
        'OrderPacked',
        'DocumentsIssued',
        'OrderReadyToShip',
        'ShipmentDispatched',
        'DocumentsIssued',
        'OrderDelivered',
        'PaymentDue',
        'PaymentReceived',
        'OrderCompleted',
      ],
      states: [
        'ScreenOrder',
        'Screened',
        'IssueConfirmationDocuments',
        'NeedsDeposit',
        'AllocateStock',
        'StockComplete',
        'WaitForPacking',
        'IssueShippingDocuments',
        'NeedsBalance',
        ...SHIP_AND_DELIVER_STATES,
        'StillOwed',
        'WaitForPayment',
        'CompleteOrder',
        'Completed',
      ],
    }),
  ),
  {
    name: 'PREPAID: everything before production; the balance wait ends at once',
    terms: { type: 'PREPAID' },
    waits: ['deposit', 'packing', 'shipment', 'delivery'],
    statuses: [
      'RECEIVED',
      'CONFIRMED',
      'AWAITING_DEPOSIT',
      'IN_PRODUCTION',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ],
    // The prepayment is a 'full' installment, so no DepositReceived, although the order showed
    // AWAITING_DEPOSIT (see the report).
    events: [
      'OrderReceived',
      'OrderConfirmed',
      'DocumentsIssued',
      'PaymentReceived',
      'StockAllocated',
      'OrderPacked',
      'DocumentsIssued',
      'OrderReadyToShip',
      'ShipmentDispatched',
      'DocumentsIssued',
      'OrderDelivered',
      'OrderCompleted',
    ],
    states: [
      'ScreenOrder',
      'Screened',
      'IssueConfirmationDocuments',
      'NeedsDeposit',
      'WaitForDeposit',
      'AllocateStock',
      'StockComplete',
      'WaitForPacking',
      'IssueShippingDocuments',
      'NeedsBalance',
      'WaitForBalance',
      ...SHIP_AND_DELIVER_STATES,
      'StillOwed',
      'Completed',
    ],
  },
];

describe('workflow: the happy path of each payment-terms type', () => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it.each(cases)('$name', async ({ terms, waits, statuses, events, states }) => {
    // Prepare
    const placed = await h.placeOrder({ terms });
    const [valve, pump] = placed.skus;

    // Act
    const { ended } = await h.runTo(placed.orderId, 'end');

    // Assess
    const execution = await h.waitForExecution(placed.orderId);
    const order = await h.order(placed.orderId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(ended).toEqual(waits);
    expect(order.status).toBe('COMPLETED');
    expect(await h.statuses(placed.orderId)).toEqual(statuses);
    expect(h.typesOf(placed.orderId).filter((type) => type !== 'OrderWaiting')).toEqual(events);
    // Every wait begun is announced once: the shipment and balance waits by their own events (and
    // the payment wait by PaymentDue, as each of these orders has a schedule), the others OrderWaiting
    expect(h.eventsOf(placed.orderId, 'OrderWaiting').map((event) => event.detail.wait)).toEqual(
      waits.filter((wait) => !['shipment', 'balance', 'payment'].includes(wait)),
    );
    expect(await h.statesEntered(placed.orderId)).toEqual(states);
    expect(order.paid).toEqual(order.total);
    expect(order.pendingWait).toBeUndefined();
    expect(order.failure).toBeUndefined();
    // The goods left: on hand went down by what was ordered, nothing stays reserved.
    expect(await h.inventory.getStock(valve)).toMatchObject({ onHand: 0, available: 0, reservations: {} });
    expect(await h.inventory.getStock(pump)).toMatchObject({ onHand: 0, available: 0, reservations: {} });
    expect(h.eventsOf(placed.orderId, 'OrderCompleted')[0].detail).toMatchObject({
      total: { amount: '6099.60', currency: 'EUR' },
    });
  });

  it('TT 30/70 asks for the exact deposit and balance, and announces the deposit once', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: { type: 'TT', depositPercent: 30 } });

    // Act
    await h.runTo(orderId, 'end');

    // Assess
    const order = await h.order(orderId);
    expect(order.payments?.map((payment) => payment.amount.minor)).toEqual([182988, 426972]);
    expect(h.eventsOf(orderId, 'DepositReceived')).toHaveLength(1);
    expect(h.eventsOf(orderId, 'PaymentDue')[0].detail).toMatchObject({
      outstanding: { amount: '4269.72', currency: 'EUR' },
    });
  });

  it.each([
    ['DP', 0, { type: 'DP' }],
    ['DA 30', 30, { type: 'DA', days: 30 }],
    ['OA 60', 60, { type: 'OA', netDays: 60 }],
  ] as const)('%s: the payment falls due %i days after delivery', async (_name, days, terms) => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms });
    await h.runTo(orderId, 'AWAITING_PAYMENT');

    // Act
    const waiting = await h.waitForWait(orderId, 'payment');

    // Assess
    const deliveredAt = Date.parse(waiting.delivery!.deliveredAt);
    expect(Date.parse(waiting.paymentDueAt!)).toBe(deliveredAt + days * 86_400_000);
    expect(h.eventsOf(orderId, 'PaymentDue')[0].detail).toMatchObject({
      outstanding: { amount: '6099.60', currency: 'EUR' },
      dueAt: waiting.paymentDueAt,
    });
    await h.payFor(orderId, 'full');
    await h.waitForStatus(orderId, 'COMPLETED');
  });

  it('TT paid in full at the deposit skips AWAITING_BALANCE: the balance wait ends at once', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: { type: 'TT', depositPercent: 30 } });
    await h.waitForWait(orderId, 'deposit');

    // Act
    await h.pay(orderId, '6099.60');
    await h.runTo(orderId, 'end');

    // Assess
    expect(await h.statuses(orderId)).not.toContain('AWAITING_BALANCE');
    expect(await h.statesEntered(orderId)).toContain('WaitForBalance');
    expect((await h.order(orderId)).status).toBe('COMPLETED');
    expect(h.typesOf(orderId).filter((type) => type === 'DepositReceived')).toHaveLength(1);
  });

  it('partial payments add up: the payment wait ends only when the whole amount is covered', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: { type: 'OA', netDays: 60 } });
    await h.runTo(orderId, 'AWAITING_PAYMENT');
    const waiting = await h.waitForWait(orderId, 'payment');

    // Act
    await h.pay(orderId, '1000.00', 'PART-1');
    const stillWaiting = await h.waitForWait(orderId, 'payment');
    await h.pay(orderId, '5099.60', 'PART-2');
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(stillWaiting.pendingWait?.token).toBe(waiting.pendingWait?.token);
    expect(stillWaiting.paid).toEqual({ currency: 'EUR', minor: 100000 });
    expect(execution.status).toBe('SUCCEEDED');
    expect((await h.order(orderId)).status).toBe('COMPLETED');
    expect(h.eventsOf(orderId, 'PaymentReceived').map((event) => event.detail.outstanding.amount)).toEqual([
      '5099.60',
      '0.00',
    ]);
  });

  it('OA paid in full before delivery completes at delivery, with no AWAITING_PAYMENT', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: { type: 'OA', netDays: 60 } });
    await h.waitForWait(orderId, 'packing');

    // Act
    await h.pay(orderId, '6099.60');
    await h.runTo(orderId, 'end');

    // Assess
    expect(await h.statuses(orderId)).toEqual([
      'RECEIVED',
      'CONFIRMED',
      'IN_PRODUCTION',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ]);
    expect(await h.statesEntered(orderId)).not.toContain('WaitForPayment');
  });
});
