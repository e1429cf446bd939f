import type { PaymentTerms } from '../../../shared/contracts/common';
import { describeTerms, extendsCredit } from '../../../shared/domain/payment-terms';

describe('payment terms', () => {
  it.each<[PaymentTerms, string, boolean]>([
    [{ type: 'TT', depositPercent: 30 }, 'TT 30/70', false],
    [{ type: 'TT', depositPercent: 0 }, 'TT, 100% before shipment', false],
    [{ type: 'TT', depositPercent: 100 }, 'TT, 100% in advance', false],
    [{ type: 'LC' }, 'LC at sight', false],
    [{ type: 'DP' }, 'D/P (documents against payment)', true],
    [{ type: 'DA', days: 60 }, 'D/A 60 days (documents against acceptance)', true],
    [{ type: 'OA', netDays: 90 }, 'OA net 90', true],
    [{ type: 'PREPAID' }, 'prepaid', false],
  ])('%o reads "%s" (credit: %s)', (terms, words, credit) => {
    expect(describeTerms(terms)).toBe(words);
    expect(extendsCredit(terms)).toBe(credit);
  });
});
