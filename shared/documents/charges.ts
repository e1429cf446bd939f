import type { Charge } from './trade-document';

type Bearer = { freight: 'buyer' | 'included'; insurance: 'buyer' | 'included' | 'seller-risk' };

/** Who pays the main carriage and the cargo insurance under each Incoterms® 2020 rule. */
const BEARERS: Record<string, Bearer> = {
  EXW: { freight: 'buyer', insurance: 'buyer' },
  FCA: { freight: 'buyer', insurance: 'buyer' },
  FAS: { freight: 'buyer', insurance: 'buyer' },
  FOB: { freight: 'buyer', insurance: 'buyer' },
  CFR: { freight: 'included', insurance: 'buyer' },
  CPT: { freight: 'included', insurance: 'buyer' },
  CIF: { freight: 'included', insurance: 'included' },
  CIP: { freight: 'included', insurance: 'included' },
  DAP: { freight: 'included', insurance: 'seller-risk' },
  DPU: { freight: 'included', insurance: 'seller-risk' },
  DDP: { freight: 'included', insurance: 'seller-risk' },
};

/**
 * Freight and insurance, shown apart from the goods: when they are not invoiced as amounts of their
 * own (an order's prices are all-in), the document says who bears them under the Incoterm.
 */
export function chargesFor(incoterm: { code: string; place: string }): {
  freight: Charge;
  insurance: Charge;
} {
  const term = `${incoterm.code} ${incoterm.place}`;
  const bearer = BEARERS[incoterm.code] ?? { freight: 'buyer', insurance: 'buyer' };
  return {
    freight: {
      note:
        bearer.freight === 'buyer'
          ? `Main carriage for the buyer's account (${term})`
          : `Included in the prices above (${term})`,
    },
    insurance: {
      note:
        bearer.insurance === 'buyer'
          ? `For the buyer's account (${term})`
          : bearer.insurance === 'included'
            ? `Included in the prices above (${term}; minimum cover, 110% of value)`
            : `Seller's risk to ${incoterm.place}; not invoiced (${term})`,
    },
  };
}
