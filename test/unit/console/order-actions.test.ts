import {
  amountDueNow,
  availableActions,
  ORDER_ACTIONS,
} from '../../../console/src/pages/orders/order-actions';
import { routes } from '../../../infra/topology/routes';

describe("the order page's actions", () => {
  it.each(Object.entries(ORDER_ACTIONS))('%s names the roles the API lets make it', (_action, spec) => {
    // Act
    const route = routes.find(
      (candidate) => candidate.method === spec.method && candidate.path === spec.path,
    );
    // Assess
    expect(route).toBeDefined();
    expect([...spec.roles].sort()).toEqual([...(route?.callers.staff ?? [])].sort());
  });

  it.each([
    ['CREDIT_HOLD', 'credit-decision', ['credit-decision', 'cancel']],
    ['AWAITING_DEPOSIT', 'deposit', ['payment', 'cancel']],
    ['AWAITING_STOCK', 'stock', ['stock-receipt', 'cancel']],
    ['IN_PRODUCTION', 'packing', ['packing', 'promised-date', 'cancel']],
    ['IN_PRODUCTION', 'documents', ['documents-retry', 'cancel']],
    ['AWAITING_BALANCE', 'balance', ['payment', 'cancel']],
    ['READY_TO_SHIP', 'shipment', ['shipment', 'cancel']],
    ['IN_TRANSIT', 'delivery', ['tracking-event', 'delivery', 'cancel']],
    ['AWAITING_PAYMENT', 'payment', ['payment', 'cancel']],
    ['RECEIVED', undefined, ['cancel']],
    ['COMPLETED', undefined, []],
    ['CANCELLED', undefined, []],
  ])('offers what the wait of %s (%s) allows', (status, waitingFor, expected) => {
    // Act
    const actions = availableActions({ status, waitingFor });
    // Assess
    expect(actions).toEqual(expected);
  });

  it('offers the documents retry while documents are held, whatever the wait', () => {
    // Act
    const actions = availableActions({
      status: 'AWAITING_DEPOSIT',
      waitingFor: 'deposit',
      documentTasks: [{ set: 'confirmation', summary: 'no HS code', problems: [], since: '2026-11-20' }],
    });
    // Assess
    expect(actions).toEqual(['payment', 'documents-retry', 'cancel']);
  });

  it('prefills a payment with what is due now, exactly', () => {
    // Prepare
    const schedule = (covered: boolean[]) => ({
      installments: [
        { kind: 'deposit', label: 'Deposit 30%', amount: '1829.88', covered: covered[0] },
        { kind: 'balance', label: 'Balance 70%', amount: '4269.72', covered: covered[1] },
      ],
    });
    // Act + Assess
    expect(
      amountDueNow({ paymentSchedule: schedule([false, false]), paid: '0.00', outstanding: '6099.60' }),
    ).toBe('1829.88');
    expect(
      amountDueNow({ paymentSchedule: schedule([false, false]), paid: '1000.00', outstanding: '5099.60' }),
    ).toBe('829.88');
    expect(
      amountDueNow({ paymentSchedule: schedule([true, false]), paid: '1829.88', outstanding: '4269.72' }),
    ).toBe('4269.72');
    expect(
      amountDueNow({ paymentSchedule: schedule([true, true]), paid: '6099.60', outstanding: '0.00' }),
    ).toBe('0.00');
    expect(amountDueNow({ paid: '0', outstanding: '1000' })).toBe('1000');
  });
});
