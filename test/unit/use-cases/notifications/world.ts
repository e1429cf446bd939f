import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { makeInMemoryOnceLog, makeRecordingMailer } from '../../../../shared/adapters/in-memory/side-effects';
import { makeInMemoryTrackingTokens } from '../../../../shared/adapters/in-memory/tracking-tokens';
import type { DomainEvent, EventDetail, EventType } from '../../../../shared/contracts/events';
import type { Customer } from '../../../../shared/domain/customer';
import { newOrder, type Order } from '../../../../shared/domain/order';
import { paymentSchedule } from '../../../../shared/domain/payment-schedule';
import { trackingPageUrls } from '../../../../shared/tracking-page/links';
import { makeNotifyBuyer } from '../../../../shared/use-cases/notify-buyer';
import { makeNotifyDepartment } from '../../../../shared/use-cases/notify-department';

/** Notification fixtures: one confirmed EUR order (TT 30/70, FOB Shanghai) and its buyer. */

export const ORDER_ID = 'ord_01JNOTIFY0000000000000000';
export const CUSTOMER_ID = 'cus_01JNOTIFY0000000000000000';
const AT = '2026-11-27T10:00:00.000Z';
/** The order's tracking-page token (32 base64url characters) and the API the links are on. */
export const TRACKING_TOKEN = 'TrackNotify0000000000000000000aB';
export const API_BASE = 'https://api.tradeflow.example.com/v1';

export function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    customerId: CUSTOMER_ID,
    name: 'Ana Buyer',
    email: 'ana@hamburg-tools.example',
    country: 'DE',
    language: 'en',
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...overrides,
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  const base = newOrder({
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    placedBy: { kind: 'storefront', id: 'sf_a' },
    currency: 'EUR',
    incoterm: { code: 'FOB', place: 'Shanghai' },
    paymentTerms: { type: 'TT', depositPercent: 30 },
    lines: [
      { sku: 'VALVE-DN50', quantity: 200, unitPrice: '12.50' },
      { sku: 'PUMP-3KW', quantity: 4, unitPrice: '899.90' },
    ],
    shippingAddress: { name: 'Hamburg Tools', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
    buyerPo: 'PO-2026-0042',
    now: AT,
  });
  return { ...base, paymentSchedule: paymentSchedule(base.paymentTerms, base.total), ...overrides };
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** A valid detail of every type, for ORDER_ID; `changeId` is `<orderId>:<type>`. */
const DETAILS: { [T in EventType]: Omit<EventDetail<T>, 'version' | 'changeId' | 'occurredAt' | 'orderId'> } =
  {
    OrderReceived: {
      customerId: CUSTOMER_ID,
      currency: 'EUR',
      total: '6099.60',
      lineCount: 2,
      incoterm: 'FOB',
      shipToCountry: 'DE',
    },
    OrderRejected: {
      customerId: CUSTOMER_ID,
      reasons: ['sku VALVE-DN50 is not sold', 'ship-to country is embargoed'],
    },
    OrderStalled: {
      status: 'AWAITING_DEPOSIT',
      since: '2026-11-24T08:00:00.000Z',
      level: 2,
      reason: 'the deposit wait ran past its time',
      wait: 'deposit',
    },
    CreditHeld: {
      customerId: CUSTOMER_ID,
      reason: 'over the credit limit by EUR 1099.60',
      orderExposure: eur('6099.60'),
      limit: eur('5000.00'),
      headroom: eur('-1099.60'),
    },
    OrderConfirmed: {
      customerId: CUSTOMER_ID,
      total: eur('6099.60'),
      paymentTerms: 'TT 30/70',
      installments: [
        {
          kind: 'deposit',
          amount: eur('1829.88'),
          dueOn: 'confirmation',
          label: '30% deposit on confirmation',
        },
        {
          kind: 'balance',
          amount: eur('4269.72'),
          dueOn: 'before-shipment',
          label: '70% balance before shipment',
        },
      ],
    },
    PaymentReceived: {
      customerId: CUSTOMER_ID,
      amount: eur('2000.00'),
      reference: 'BANK-REF-77',
      paid: eur('2000.00'),
      outstanding: eur('4099.60'),
    },
    DepositReceived: { customerId: CUSTOMER_ID, paid: eur('1829.88') },
    ProcurementRequested: { sku: 'PUMP-3KW', quantityShort: 3 },
    ReplenishmentRequested: {
      requestId: 'rpl_01JD0000000000000000000001',
      sku: 'PUMP-3KW',
      warehouse: 'MAIN',
      quantity: 40,
      available: 4,
      incoming: 0,
      reorderPoint: 5,
      maxStock: 44,
    },
    StockAllocated: {
      lines: [
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ],
    },
    OrderPacked: { packageCount: 3, grossWeightKg: 412.5, volumeM3: 1.92 },
    OrderReadyToShip: { customerId: CUSTOMER_ID },
    OrderWaiting: { wait: 'deposit', status: 'AWAITING_DEPOSIT', since: '2026-11-20T10:00:00.000Z' },
    ShipmentDispatched: {
      customerId: CUSTOMER_ID,
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: 'MAEU123456789',
      trackingNumber: 'MSKU7654321',
      trackingUrl: 'https://track.example/MSKU7654321?lang=en&x=1',
      etd: '2026-12-01',
      eta: '2027-01-05',
    },
    TrackingUpdated: {
      status: 'DEPARTED',
      at: '2026-12-01T06:00:00.000Z',
      location: 'Shanghai',
      eta: '2027-01-05',
    },
    ShipmentExceptionOpened: {
      customerId: CUSTOMER_ID,
      exception: 'DELAYED',
      location: 'Port Klang',
      eta: '2027-01-19',
    },
    ShipmentExceptionResolved: { exception: 'DELAYED', eta: '2027-01-19' },
    OrderDelivered: { customerId: CUSTOMER_ID, deliveredAt: '2027-01-20T14:30:00.000Z' },
    ShipmentDelivered: { customerId: CUSTOMER_ID, shipmentNo: 1, deliveredAt: '2027-01-20T14:30:00.000Z' },
    PaymentDue: { customerId: CUSTOMER_ID, outstanding: eur('4269.72'), dueAt: '2026-12-20T00:00:00.000Z' },
    PaymentOverdue: {
      customerId: CUSTOMER_ID,
      level: 3,
      since: '2026-11-20T08:00:00.000Z',
      dueAt: '2026-12-20T00:00:00.000Z',
      outstanding: eur('4269.72'),
    },
    BankTransactionMatched: {
      transactionId: 'btx_0123456789abcdef01234567',
      bookingDate: '2026-11-26',
      amount: eur('1829.88'),
      matchedBy: 'reference',
      settlement: 'partial',
      remainder: eur('4269.72'),
      withinTolerance: false,
      allocations: [{ orderId: ORDER_ID, customerId: CUSTOMER_ID, amount: eur('1829.88') }],
    },
    BankTransactionUnmatched: {
      transactionId: 'btx_0123456789abcdef01234567',
      bookingDate: '2026-11-26',
      amount: eur('990.00'),
      reason: 'no order or invoice reference, and the payer is not a known customer',
      candidateOrderIds: [],
    },
    InquiryOverdue: {
      inquiryId: 'inq_01JNOTIFY0000000000000000',
      level: 1,
      since: '2026-11-26T08:00:00.000Z',
      dueAt: '2026-11-27T08:00:00.000Z',
    },
    QuoteSent: {
      quoteId: 'quo_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      revision: 1,
      total: '6099.60',
      currency: 'EUR',
      validUntil: '2026-12-27T10:00:00.000Z',
    },
    QuoteAccepted: {
      quoteId: 'quo_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      revision: 1,
      total: '6099.60',
      currency: 'EUR',
    },
    QuoteExpiring: {
      quoteId: 'quo_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      revision: 1,
      validUntil: '2026-12-27T10:00:00.000Z',
    },
    QuoteApprovalRequested: {
      quoteId: 'quo_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      revision: 1,
      total: '6099.60',
      currency: 'EUR',
      linesBelowFloor: 1,
      marginFloorPercent: 15,
    },
    QuoteExpired: {
      quoteId: 'quo_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      revision: 1,
      validUntil: '2026-12-27T10:00:00.000Z',
    },
    InquiryReceived: {
      inquiryId: 'inq_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      channel: 'storefront',
      lineCount: 2,
      hasText: true,
      targetPrice: eur('5500.00'),
      destinationCountry: 'DE',
      incoterm: 'CIF',
    },
    InquiryReplied: {
      inquiryId: 'inq_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      replyId: 'rpl_1',
      replyCount: 1,
    },
    InquiryLost: {
      inquiryId: 'inq_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      replyCount: 1,
      quoteCount: 0,
    },
    InquiryWon: {
      inquiryId: 'inq_01JNOTIFY0000000000000000',
      customerId: CUSTOMER_ID,
      quoteId: 'quo_01JNOTIFY0000000000000000',
    },
    CustomerUpdated: { customerId: CUSTOMER_ID, fields: ['creditLimit', 'owner'], customerVersion: 2 },
    OrderCompleted: { customerId: CUSTOMER_ID, total: eur('6099.60') },
    DocumentsIssued: {
      customerId: CUSTOMER_ID,
      set: 'shipping',
      documents: [{ kind: 'commercial-invoice', number: 'CI-2026-000123', version: 1 }],
    },
    DocumentChecksFailed: {
      customerId: CUSTOMER_ID,
      set: 'shipping',
      summary: '1 line has no HS code',
      problems: ['1 line has no HS code: 1 VALVE-DN50'],
      problemCount: 1,
    },
    OrderCancelled: {
      customerId: CUSTOMER_ID,
      reason: 'buyer withdrew',
      statusWhenCancelled: 'IN_PRODUCTION',
      refundDue: eur('1829.88'),
      released: [{ sku: 'VALVE-DN50', quantity: 200 }],
    },
    StorefrontOrderReceived: {
      storefrontId: 'sf_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N',
      platform: 'shopify',
      deliveryId: 'evt-1',
      topic: 'orders/create',
      externalRef: '820982911946154508',
    },
    StorefrontOrderUnprocessable: {
      storefrontId: 'sf_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N',
      platform: 'shopify',
      deliveryId: 'evt-2',
      topic: 'orders/create',
      externalRef: '820982911946154508',
      problems: ['line "Blue valve" has no SKU'],
    },
    BuyerEmailSuppressed: { customerId: CUSTOMER_ID, reason: 'bounce', detail: 'General' },
    DormantCustomersFound: { owner: 'rep_anna', week: '2026-W48', count: 1, customerIds: [CUSTOMER_ID] },
    StaffMemberUpdated: {
      staffId: 'rep_anna',
      fields: ['role', 'active'],
      staffVersion: 2,
      role: 'sales-manager',
      active: true,
    },
  };

export function event<T extends EventType>(type: T, overrides: Partial<EventDetail<T>> = {}): DomainEvent<T> {
  const detail = {
    version: 1,
    changeId: `${ORDER_ID}:${type}`,
    occurredAt: '2026-11-27T12:30:00.000Z',
    orderId: ORDER_ID,
    ...DETAILS[type],
    ...overrides,
  };
  return { type, detail } as unknown as DomainEvent<T>;
}

export function world(options: { order?: Order; customer?: Customer } = {}) {
  const orders = makeInMemoryOrderRepository([options.order ?? order()]);
  const customers = makeInMemoryCustomerRepository([options.customer ?? customer()]);
  const mailer = makeRecordingMailer();
  const once = makeInMemoryOnceLog();
  const trackingTokens = makeInMemoryTrackingTokens({ [ORDER_ID]: TRACKING_TOKEN });
  const trackingUrls = trackingPageUrls(API_BASE);
  return {
    orders,
    customers,
    mailer,
    once,
    trackingTokens,
    trackingUrls,
    notifyBuyer: makeNotifyBuyer({
      orders,
      customers,
      mailer,
      once,
      trackingTokens,
      trackingUrls,
    }),
    notifyDepartment: (department: Parameters<typeof makeNotifyDepartment>[0]['department']) =>
      makeNotifyDepartment({ department, to: `${department}@tradeflow.example.com`, mailer, once }),
  };
}

/** The last email sent, asserting there is one. */
export function lastSent(mailer: ReturnType<typeof makeRecordingMailer>) {
  const email = mailer.sent.at(-1);
  if (!email) throw new Error('no email was sent');
  return email;
}
