import type { PaymentTerms } from '../../../shared/contracts/common';
import { orderExposure, reviewCredit } from '../../../shared/domain/credit';
import { parseAmount } from '../../../shared/domain/money';

const usd = (amount: string) => parseAmount(amount, 'USD');

const CREDIT_TERMS: PaymentTerms[] = [{ type: 'OA', netDays: 60 }, { type: 'DA', days: 90 }, { type: 'DP' }];
const SECURED_TERMS: PaymentTerms[] = [
  { type: 'PREPAID' },
  { type: 'LC' },
  { type: 'TT', depositPercent: 30 },
  { type: 'TT', depositPercent: 0 },
  { type: 'TT', depositPercent: 100 },
];

describe('credit review', () => {
  it.each(CREDIT_TERMS)('counts the whole order as exposure on $type terms', (terms) => {
    expect(orderExposure(terms, usd('10000'))).toEqual(usd('10000'));
  });

  it.each(SECURED_TERMS)('counts nothing on $type terms, paid before the goods leave', (terms) => {
    expect(orderExposure(terms, usd('10000'))).toEqual(usd('0'));
  });

  it.each(SECURED_TERMS)('approves $type terms without a limit on file, keeping the numbers', (terms) => {
    // Act
    const review = reviewCredit({ orderTotal: usd('50000'), paymentTerms: terms, outstanding: usd('900') });

    // Assess
    expect(review).toMatchObject({
      decision: 'approve',
      creditNeeded: false,
      orderExposure: usd('0'),
      outstanding: usd('900'),
    });
    expect(review.reason).toMatch(/^no credit needed: .* is paid before the goods leave$/);
    expect(review.limit).toBeUndefined();
  });

  it.each(CREDIT_TERMS)('approves $type terms within the limit, with the numbers behind it', (terms) => {
    // Act
    const review = reviewCredit({
      orderTotal: usd('10000'),
      paymentTerms: terms,
      creditLimit: usd('50000'),
      outstanding: usd('15000.50'),
    });

    // Assess
    expect(review).toEqual({
      decision: 'approve',
      reason:
        'within the credit limit: exposure USD 25000.50 (outstanding USD 15000.50 + this order USD 10000.00)' +
        ' against a limit of USD 50000.00',
      terms: expect.any(String),
      creditNeeded: true,
      limit: usd('50000'),
      outstanding: usd('15000.50'),
      orderExposure: usd('10000'),
      totalExposure: usd('25000.50'),
      headroom: usd('24999.50'),
    });
  });

  it('approves exactly at the limit', () => {
    // Act
    const review = reviewCredit({
      orderTotal: usd('10000'),
      paymentTerms: { type: 'OA', netDays: 30 },
      creditLimit: usd('25000'),
      outstanding: usd('15000'),
    });

    // Assess
    expect(review.decision).toBe('approve');
    expect(review.headroom).toEqual(usd('0'));
  });

  it('holds one cent over the limit and says by how much', () => {
    // Act
    const review = reviewCredit({
      orderTotal: usd('10000.01'),
      paymentTerms: { type: 'DA', days: 60 },
      creditLimit: usd('25000'),
      outstanding: usd('15000'),
    });

    // Assess
    expect(review.decision).toBe('hold');
    expect(review.headroom).toEqual(usd('-0.01'));
    expect(review.totalExposure).toEqual(usd('25000.01'));
    expect(review.reason).toMatch(/^over the credit limit by USD 0.01: exposure USD 25000.01/);
  });

  it('holds when the order alone is within the limit but the outstanding pushes it over', () => {
    // Act
    const review = reviewCredit({
      orderTotal: usd('8000'),
      paymentTerms: { type: 'DP' },
      creditLimit: usd('10000'),
      outstanding: usd('2500'),
    });

    // Assess
    expect(review.decision).toBe('hold');
    expect(review.reason).toContain('by USD 500.00');
  });

  it('holds credit terms when no limit is on file', () => {
    // Act
    const review = reviewCredit({
      orderTotal: usd('100'),
      paymentTerms: { type: 'OA', netDays: 90 },
      outstanding: usd('0'),
    });

    // Assess
    expect(review).toMatchObject({ decision: 'hold', creditNeeded: true, orderExposure: usd('100') });
    expect(review.reason).toBe('OA net 90 needs credit and no credit limit is on file');
    expect(review.totalExposure).toBeUndefined();
  });

  it('holds a zero limit', () => {
    expect(
      reviewCredit({
        orderTotal: usd('1'),
        paymentTerms: { type: 'OA', netDays: 30 },
        creditLimit: usd('0'),
        outstanding: usd('0'),
      }).decision,
    ).toBe('hold');
  });

  it('holds when the limit is in another currency, without converting', () => {
    // Act
    const review = reviewCredit({
      orderTotal: usd('100'),
      paymentTerms: { type: 'OA', netDays: 30 },
      creditLimit: parseAmount('1000000', 'EUR'),
      outstanding: parseAmount('0', 'EUR'),
    });

    // Assess
    expect(review.decision).toBe('hold');
    expect(review.reason).toBe('limit in EUR, order in USD');
    expect(review.headroom).toBeUndefined();
    expect(review.limit).toEqual(parseAmount('1000000', 'EUR'));
  });

  it('holds when the outstanding is reported in another currency than the limit', () => {
    // Act
    const review = reviewCredit({
      orderTotal: usd('100'),
      paymentTerms: { type: 'OA', netDays: 30 },
      creditLimit: usd('1000'),
      outstanding: parseAmount('5', 'EUR'),
    });

    // Assess
    expect(review.decision).toBe('hold');
    expect(review.reason).toBe('outstanding in EUR, limit in USD');
  });

  it('does not mind the limit currency when no credit is needed', () => {
    expect(
      reviewCredit({
        orderTotal: usd('100'),
        paymentTerms: { type: 'LC' },
        creditLimit: parseAmount('10', 'EUR'),
        outstanding: parseAmount('0', 'EUR'),
      }).decision,
    ).toBe('approve');
  });

  it('works in currencies without minor units', () => {
    // Act
    const review = reviewCredit({
      orderTotal: parseAmount('1500000', 'JPY'),
      paymentTerms: { type: 'OA', netDays: 60 },
      creditLimit: parseAmount('2000000', 'JPY'),
      outstanding: parseAmount('499999', 'JPY'),
    });

    // Assess
    expect(review.decision).toBe('approve');
    expect(review.headroom).toEqual(parseAmount('1', 'JPY'));
    expect(review.reason).toContain('JPY 1999999');
  });
});
