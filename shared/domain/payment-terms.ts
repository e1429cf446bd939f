import type { PaymentTerms } from '../contracts/common';

/** Payment terms in the words finance and buyers use ("TT 30/70", "OA net 60"). */
export function describeTerms(terms: PaymentTerms): string {
  switch (terms.type) {
    case 'TT':
      if (terms.depositPercent === 0) return 'TT, 100% before shipment';
      if (terms.depositPercent === 100) return 'TT, 100% in advance';
      return `TT ${terms.depositPercent}/${100 - terms.depositPercent}`;
    case 'LC':
      return 'LC at sight';
    case 'DP':
      return 'D/P (documents against payment)';
    case 'DA':
      return `D/A ${terms.days} days (documents against acceptance)`;
    case 'OA':
      return `OA net ${terms.netDays}`;
    case 'PREPAID':
      return 'prepaid';
  }
}

/**
 * Whether the goods leave before they are paid, i.e. whether we give the buyer credit. TT (balance
 * before shipment), LC at sight (the bank pays against the documents) and PREPAID are paid before
 * the goods are released; DP, DA and OA are not.
 */
export function extendsCredit(terms: PaymentTerms): boolean {
  return terms.type === 'DP' || terms.type === 'DA' || terms.type === 'OA';
}
