import type { OrderStatus, TimelineEntry } from '../../../shared/domain/order';
import { receivableOf } from '../../../shared/domain/receivables';
import { anOrder } from '../../fixtures/orders';

const at = (status: OrderStatus, when: string): TimelineEntry => ({
  at: when,
  what: status,
  status,
  by: { kind: 'system', id: 'workflow' },
});
const eur = (minor: number) => ({ currency: 'EUR', minor });

describe('an order receivable', () => {
  it('is none before confirmation, when void, or when paid exactly', () => {
    // Assess
    expect(receivableOf(anOrder('CREDIT_HOLD', { paymentSchedule: undefined }))).toBeUndefined();
    expect(receivableOf(anOrder('CANCELLED'))).toBeUndefined();
    expect(receivableOf(anOrder('COMPLETED', { paid: eur(609960) }))).toBeUndefined();
  });

  it('dates the deposit at confirmation and the balance when the order began waiting for it', () => {
    // Prepare
    const order = anOrder('AWAITING_BALANCE', {
      paid: eur(100000),
      timeline: [
        at('CONFIRMED', '2026-11-20T09:00:00.000Z'),
        at('AWAITING_BALANCE', '2026-11-25T09:00:00.000Z'),
      ],
    });

    // Act
    const receivable = receivableOf(order);

    // Assess
    expect(receivable?.open).toEqual([
      expect.objectContaining({
        kind: 'deposit',
        outstanding: eur(82988),
        dueAt: '2026-11-20T09:00:00.000Z',
      }),
      expect.objectContaining({
        kind: 'balance',
        outstanding: eur(426972),
        dueAt: '2026-11-25T09:00:00.000Z',
      }),
    ]);
  });

  it('dates open-account terms from delivery, and keeps an over payment as credit', () => {
    // Prepare
    const delivered = { deliveredAt: '2026-12-01T00:00:00.000Z', recordedAt: '2026-12-01T00:00:00.000Z' };

    // Act
    const owed = receivableOf(
      anOrder('AWAITING_PAYMENT', { terms: { type: 'OA', netDays: 60 }, delivery: delivered }),
    );
    const over = receivableOf(anOrder('COMPLETED', { paid: eur(610000) }));

    // Assess
    expect(owed?.open).toEqual([
      expect.objectContaining({ kind: 'full', dueAt: '2027-01-30T00:00:00.000Z' }),
    ]);
    expect(over).toMatchObject({ open: [], credit: eur(40) });
  });
});
