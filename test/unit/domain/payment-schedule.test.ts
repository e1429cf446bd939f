import type { PaymentTerms } from '../../../shared/contracts/common';
import { parseAmount } from '../../../shared/domain/money';
import {
  amountDueBy,
  applyPayment,
  asksForPaymentBy,
  balanceCovered,
  depositCovered,
  describeInstallment,
  dueDate,
  fullyPaid,
  isCovered,
  paymentSchedule,
} from '../../../shared/domain/payment-schedule';
import { InvalidInputError } from '../../../shared/errors';

const usd = (amount: string) => parseAmount(amount, 'USD');
const jpy = (amount: string) => parseAmount(amount, 'JPY');

describe('payment schedule from terms', () => {
  it('splits TT 30/70 into a deposit on confirmation and a balance before shipment', () => {
    // Act
    const schedule = paymentSchedule({ type: 'TT', depositPercent: 30 }, usd('10000'));

    // Assess
    expect(schedule).toEqual({
      total: usd('10000'),
      installments: [
        { kind: 'deposit', amount: usd('3000'), dueOn: 'confirmation', label: '30% deposit on confirmation' },
        {
          kind: 'balance',
          amount: usd('7000'),
          dueOn: 'before-shipment',
          label: '70% balance before shipment',
        },
      ],
    });
    expect(describeInstallment(schedule.installments[0])).toBe('30% deposit on confirmation: USD 3000.00');
  });

  it.each([
    ['100.01', '30.00', '70.01'], // 30.003 rounds down
    ['100.05', '30.02', '70.03'], // 30.015 rounds half up
    ['0.05', '0.02', '0.03'], // 0.015 rounds half up
    ['333.33', '100.00', '233.33'], // 99.999 rounds up
  ])('rounds a 30%% deposit of USD %s half up to %s and leaves %s', (total, deposit, balance) => {
    // Act
    const { installments } = paymentSchedule({ type: 'TT', depositPercent: 30 }, usd(total));

    // Assess
    expect(installments.map((i) => i.amount)).toEqual([usd(deposit), usd(balance)]);
    expect(installments[0].amount.minor + installments[1].amount.minor).toBe(usd(total).minor);
  });

  it.each([
    ['1001', '300', '701'], // 300.3
    ['1005', '302', '703'], // 301.5 rounds half up
    ['1', '0', '1'], // 0.3: the deposit rounds to nothing and is left out below
  ])('rounds JPY (no minor unit) %s into %s + %s', (total, deposit, balance) => {
    // Act
    const schedule = paymentSchedule({ type: 'TT', depositPercent: 30 }, jpy(total));

    // Assess
    expect(amountDueBy(schedule, 'deposit')).toEqual(jpy(deposit));
    expect(amountDueBy(schedule, 'balance')).toEqual(jpy(total));
    expect(schedule.installments.find((i) => i.kind === 'balance')?.amount).toEqual(jpy(balance));
  });

  it('leaves out an installment that rounds to zero', () => {
    // Act
    const schedule = paymentSchedule({ type: 'TT', depositPercent: 30 }, usd('0.01'));

    // Assess
    expect(schedule.installments).toEqual([
      expect.objectContaining({ kind: 'balance', amount: usd('0.01') }),
    ]);
    expect(asksForPaymentBy(schedule, 'deposit')).toBe(false);
  });

  it('keeps three-decimal currencies exact', () => {
    // Act
    const { installments } = paymentSchedule(
      { type: 'TT', depositPercent: 30 },
      parseAmount('10.005', 'KWD'),
    );

    // Assess: 3.0015 → 3.002
    expect(installments.map((i) => i.amount.minor)).toEqual([3002, 7003]);
  });

  it('asks no deposit for TT 0 and no balance for TT 100', () => {
    // Act
    const none = paymentSchedule({ type: 'TT', depositPercent: 0 }, usd('500'));
    const all = paymentSchedule({ type: 'TT', depositPercent: 100 }, usd('500'));

    // Assess
    expect(none.installments).toEqual([
      {
        kind: 'balance',
        amount: usd('500'),
        dueOn: 'before-shipment',
        label: '100% balance before shipment',
      },
    ]);
    expect(all.installments).toEqual([
      { kind: 'deposit', amount: usd('500'), dueOn: 'confirmation', label: '100% deposit on confirmation' },
    ]);
  });

  it.each<[PaymentTerms, unknown, RegExp]>([
    [{ type: 'LC' }, 'before-shipment', /^Letter of credit at sight/],
    [{ type: 'DP' }, 'delivery', /^Documents against payment/],
    [{ type: 'DA', days: 60 }, { daysAfterDelivery: 60 }, /due 60 days after acceptance/],
    [{ type: 'OA', netDays: 90 }, { daysAfterDelivery: 90 }, /^Open account, net 90 days after delivery/],
    [{ type: 'PREPAID' }, 'confirmation', /^Paid in full before production/],
  ])('asks %o in full, due %o', (terms, dueOn, label) => {
    // Act
    const schedule = paymentSchedule(terms, usd('1234.56'));

    // Assess
    expect(schedule.installments).toHaveLength(1);
    expect(schedule.installments[0]).toEqual({
      kind: 'full',
      amount: usd('1234.56'),
      dueOn,
      label: expect.stringMatching(label),
    });
  });

  it.each<[PaymentTerms, boolean, boolean, boolean]>([
    // terms, deposit wait, balance wait, still owed after delivery when nothing was paid early
    [{ type: 'TT', depositPercent: 30 }, true, true, false],
    [{ type: 'TT', depositPercent: 0 }, false, true, false],
    [{ type: 'LC' }, false, true, false],
    [{ type: 'PREPAID' }, true, true, false],
    [{ type: 'DP' }, false, false, true],
    [{ type: 'DA', days: 30 }, false, false, true],
    [{ type: 'OA', netDays: 60 }, false, false, true],
  ])('decides the optional waits for %o', (terms, deposit, beforeShipment, afterDelivery) => {
    // Prepare
    const schedule = paymentSchedule(terms, usd('100'));

    // Act & Assess
    expect(asksForPaymentBy(schedule, 'deposit')).toBe(deposit);
    expect(asksForPaymentBy(schedule, 'balance')).toBe(beforeShipment);
    // Paying what the workflow waited for before shipment leaves something owed only on credit terms.
    expect(!fullyPaid(schedule, amountDueBy(schedule, 'balance'))).toBe(afterDelivery);
  });

  it('refuses a negative total', () => {
    expect(() => paymentSchedule({ type: 'LC' }, usd('-1'))).toThrow(InvalidInputError);
  });
});

describe('payments against the schedule', () => {
  const tt = paymentSchedule({ type: 'TT', depositPercent: 30 }, usd('1000'));

  it('adds partial payments until the deposit is covered', () => {
    // Act
    const first = applyPayment(tt, usd('0'), usd('100'));
    const second = applyPayment(tt, first.paid, usd('200'));

    // Assess
    expect(first).toMatchObject({
      paid: usd('100'),
      covered: [],
      newlyCovered: [],
      next: { installment: tt.installments[0], missing: usd('200') },
      outstanding: usd('900'),
      overpayment: usd('0'),
    });
    expect(depositCovered(tt, first.paid)).toBe(false);
    expect(second.newlyCovered).toEqual([tt.installments[0]]);
    expect(second.next).toEqual({ installment: tt.installments[1], missing: usd('700') });
    expect(depositCovered(tt, second.paid)).toBe(true);
    expect(balanceCovered(tt, second.paid)).toBe(false);
  });

  it('covers deposit and balance with one early payment', () => {
    // Act
    const result = applyPayment(tt, usd('0'), usd('1000'));

    // Assess
    expect(result.newlyCovered).toEqual(tt.installments);
    expect(result.next).toBeUndefined();
    expect(result.outstanding).toEqual(usd('0'));
    expect(balanceCovered(tt, result.paid)).toBe(true);
    expect(fullyPaid(tt, result.paid)).toBe(true);
  });

  it('keeps and reports an overpayment after a partial one', () => {
    // Act
    const partial = applyPayment(tt, usd('0'), usd('299.99'));
    const over = applyPayment(tt, partial.paid, usd('750.01'));

    // Assess
    expect(partial.next?.missing).toEqual(usd('0.01'));
    expect(over.paid).toEqual(usd('1050'));
    expect(over.newlyCovered).toEqual(tt.installments);
    expect(over.overpayment).toEqual(usd('50'));
    expect(over.outstanding).toEqual(usd('0'));
  });

  it('counts a payment after full settlement as overpayment only', () => {
    // Act
    const result = applyPayment(tt, usd('1000'), usd('5'));

    // Assess
    expect(result.newlyCovered).toEqual([]);
    expect(result.covered).toEqual(tt.installments);
    expect(result.overpayment).toEqual(usd('5'));
  });

  it('covers an open-account installment only once it is all paid', () => {
    // Prepare
    const oa = paymentSchedule({ type: 'OA', netDays: 60 }, jpy('150000'));

    // Act
    const partial = applyPayment(oa, jpy('0'), jpy('149999'));
    const rest = applyPayment(oa, partial.paid, jpy('1'));

    // Assess
    expect(balanceCovered(oa, jpy('0'))).toBe(true);
    expect(fullyPaid(oa, partial.paid)).toBe(false);
    expect(rest.newlyCovered).toEqual(oa.installments);
    expect(isCovered(oa, rest.paid, 'full')).toBe(true);
  });

  it('refuses money in another currency, zero or negative amounts', () => {
    expect(() => applyPayment(tt, usd('0'), parseAmount('10', 'EUR'))).toThrow(
      expect.objectContaining({ field: 'currency', message: 'the payment is in EUR; the order is in USD' }),
    );
    expect(() => applyPayment(tt, usd('0'), usd('0'))).toThrow(expect.objectContaining({ field: 'amount' }));
    expect(() => applyPayment(tt, usd('0'), usd('-5'))).toThrow(InvalidInputError);
    expect(() => isCovered(tt, jpy('1'), 'deposit')).toThrow(InvalidInputError);
  });
});

describe('due dates after delivery', () => {
  it('dates installments that fall due at or after delivery', () => {
    // Prepare
    const deliveredAt = '2025-01-31T10:00:00.000Z';
    const [oa] = paymentSchedule({ type: 'OA', netDays: 30 }, usd('1')).installments;
    const [dp] = paymentSchedule({ type: 'DP' }, usd('1')).installments;
    const [deposit] = paymentSchedule({ type: 'TT', depositPercent: 30 }, usd('10')).installments;

    // Act & Assess
    expect(dueDate(oa, deliveredAt)).toBe('2025-03-02T10:00:00.000Z');
    expect(dueDate(dp, deliveredAt)).toBe(deliveredAt);
    expect(dueDate(deposit, deliveredAt)).toBeUndefined();
    expect(() => dueDate(oa, 'yesterday')).toThrow(InvalidInputError);
  });
});
