import { makeInMemoryCreditTermsStore } from '../../../../shared/adapters/in-memory/credit-terms';
import { makeInMemoryExchangeRateSettings } from '../../../../shared/adapters/in-memory/exchange-rate-settings';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../../shared/errors';
import { makeListCreditHolds } from '../../../../shared/use-cases/finance/credit-holds';
import {
  makeGetCustomerCredit,
  makePutCustomerCredit,
} from '../../../../shared/use-cases/finance/customer-credit';
import { makePutExchangeRates } from '../../../../shared/use-cases/finance/exchange-rates';
import { anOrder, staff } from '../../../fixtures/orders';
import { aCustomer, eur, financeWorld, NOW, owing } from './finance-world';

const clock = { now: () => new Date(NOW) };

describe("a customer's credit terms", () => {
  it('keeps every change with who, when, why and what it was before', async () => {
    // Prepare
    const credit = makeInMemoryCreditTermsStore([
      aCustomer('cus_1', 'Hamburg Tools GmbH', { creditLimit: eur('50000.00') }),
    ]);
    const put = makePutCustomerCredit({ credit, clock });

    // Act
    await put(
      'cus_1',
      { version: 1, creditLimit: { amount: '80000', currency: 'EUR' }, note: 'annual review' },
      staff.finance,
    );
    const saved = await put(
      'cus_1',
      { version: 2, creditLimit: null, paymentTerms: { type: 'OA', netDays: 60 } },
      staff.finance,
    );

    // Assess
    expect(saved.customer).toMatchObject({ version: 3, paymentTerms: { type: 'OA', netDays: 60 } });
    expect(saved.customer.creditLimit).toBeUndefined();
    expect(saved.history).toEqual([
      {
        version: 3,
        at: NOW,
        by: staff.finance,
        before: { creditLimit: eur('80000.00') },
        after: { paymentTerms: { type: 'OA', netDays: 60 } },
      },
      {
        version: 2,
        at: NOW,
        by: staff.finance,
        before: { creditLimit: eur('50000.00') },
        after: { creditLimit: eur('80000.00') },
        note: 'annual review',
      },
    ]);
    expect((await makeGetCustomerCredit({ credit })('cus_1')).history).toHaveLength(2);
  });

  it('refuses a change over a version read before another, and answers a repeat of an applied one', async () => {
    // Prepare
    const credit = makeInMemoryCreditTermsStore([aCustomer('cus_1', 'Hamburg Tools GmbH')]);
    const put = makePutCustomerCredit({ credit, clock });
    const change = { version: 1, creditLimit: { amount: '1000', currency: 'EUR' } };
    await put('cus_1', change, staff.finance);

    // Act
    const repeat = await put('cus_1', change, staff.finance);
    const stale = put(
      'cus_1',
      { version: 1, creditLimit: { amount: '2000', currency: 'EUR' } },
      staff.finance,
    );

    // Assess
    expect(repeat.customer.version).toBe(2);
    expect(repeat.history).toHaveLength(1);
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(put('cus_x', change, staff.finance)).rejects.toThrow(NotFoundError);
  });
});

describe("GET /credit/holds: the credit controller's queue", () => {
  it('shows each held order with its exposure, limit, headroom, reason, overdue money and limit now', async () => {
    // Prepare: a held order on OA terms, and an older order of the same customer overdue
    const held = anOrder('CREDIT_HOLD', {
      orderId: 'ord_01JQHELD000000000000000001',
      terms: { type: 'OA', netDays: 30 },
      paymentSchedule: undefined,
      timeline: [
        {
          at: '2026-04-15T08:00:00.000Z',
          what: 'Held',
          status: 'CREDIT_HOLD',
          by: { kind: 'system', id: 'workflow' },
        },
      ],
    });
    const review = {
      ...held.creditReview!,
      decision: 'hold' as const,
      limit: eur('5000.00'),
      headroom: eur('-1099.60'),
      reason: 'over the credit limit by EUR 1099.60',
    };
    const overdue = owing('ord_01JQOLD0000000000000000001', 'cus_1', '250.00', {
      terms: { type: 'OA', netDays: 10 },
      status: 'AWAITING_PAYMENT',
      deliveredAt: '2026-03-01T00:00:00.000Z',
    });
    const w = financeWorld(
      [
        { ...held, creditReview: review },
        overdue,
        anOrder('AWAITING_DEPOSIT', { orderId: 'ord_01JQOTHER00000000000000001' }),
      ],
      [aCustomer('cus_1', 'Hamburg Tools GmbH', { creditLimit: eur('7500.00') })],
    );

    // Act
    const queue = await makeListCreditHolds(w.deps)({ limit: 50 });

    // Assess
    expect(queue.items).toEqual([
      {
        orderId: 'ord_01JQHELD000000000000000001',
        customerId: 'cus_1',
        total: eur('6099.60'),
        heldSince: '2026-04-15T08:00:00.000Z',
        review: expect.objectContaining({
          decision: 'hold',
          reason: 'over the credit limit by EUR 1099.60',
          limit: eur('5000.00'),
          headroom: eur('-1099.60'),
          orderExposure: eur('6099.60'),
        }),
        overdue: [eur('250.00')],
        current: { creditLimit: eur('7500.00') },
      },
    ]);
  });
});

describe('PUT /settings/exchange-rates', () => {
  it('keeps the dated rates as the next version and refuses a stale or contradictory table', async () => {
    // Prepare
    const settings = makeInMemoryExchangeRateSettings();
    const put = makePutExchangeRates({ settings, clock });
    const rate = (effectiveFrom: string, value: string) => ({
      from: 'EUR',
      to: 'USD',
      rate: value,
      effectiveFrom,
    });

    // Act
    const saved = await put(
      { version: 0, companyCurrency: 'EUR', rates: [rate('2026-04-01', '1.08'), rate('2026-01-01', '1.05')] },
      'stf_fin',
    );

    // Assess
    expect(saved).toMatchObject({ version: 1, updatedBy: 'stf_fin', updatedAt: NOW });
    expect(saved.rates.map((r) => r.effectiveFrom)).toEqual(['2026-01-01', '2026-04-01']);
    await expect(put({ version: 0, companyCurrency: 'EUR', rates: [] }, 'stf_fin')).rejects.toThrow(
      ConflictError,
    );
    await expect(
      put(
        {
          version: 1,
          companyCurrency: 'EUR',
          rates: [rate('2026-04-01', '1.08'), rate('2026-04-01', '1.09')],
        },
        'stf_fin',
      ),
    ).rejects.toThrow(InvalidInputError);
    expect((await settings.get()).version).toBe(1);
  });
});
