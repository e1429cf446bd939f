import type { PaymentTerms } from '../../contracts/common';
import type { Money } from '../../domain/money';
import type { Quote } from '../../domain/quote';

/**
 * What the buyer sees of a quote (email, acceptance page, proforma), and nothing else: built field by
 * field from the current revision, never by copying it, so a field added to the quote later stays
 * off the buyer's view until someone chooses to put it here. No costs, margins, list prices,
 * discounts' reasons, approvals, history or staff; the rates used are shown (the buyer is owed them).
 */
export interface BuyerQuoteView {
  quoteId: string;
  revision: number;
  currency: string;
  lines: { sku: string; quantity: number; unitPrice: Money; amount: Money }[];
  total: Money;
  /** What the unit prices include, when more than zero. */
  included: { freight?: Money; insurance?: Money; duties?: Money };
  exchangeRates: { pair: string; effectiveFrom: string }[];
  incoterm: { code: string; place: string };
  shipTo: { city: string; country: string };
  paymentTerms: PaymentTerms;
  leadTimeDays: number;
  terms: string;
  notes?: string;
  buyerPo?: string;
  /** ISO date-time; absent until sent. */
  validUntil?: string;
}

export function buyerQuoteView(quote: Quote): BuyerQuoteView {
  const { pricing, terms, template, sent } = quote.current;
  const positive = (money: Money) => (money.minor > 0 ? money : undefined);
  const freight = positive(pricing.freightTotal);
  const insurance = positive(pricing.insuranceTotal);
  const duties = positive(pricing.dutiesTotal);
  return {
    quoteId: quote.quoteId,
    revision: quote.current.revision,
    currency: pricing.currency,
    lines: pricing.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
    })),
    total: pricing.total,
    included: {
      ...(freight ? { freight } : {}),
      ...(insurance ? { insurance } : {}),
      ...(duties ? { duties } : {}),
    },
    exchangeRates: pricing.exchangeRates.map((rate) => ({
      pair: rate.inverted
        ? `1 ${rate.to} = ${rate.rate} ${rate.from}`
        : `1 ${rate.from} = ${rate.rate} ${rate.to}`,
      effectiveFrom: rate.effectiveFrom,
    })),
    incoterm: { code: terms.incoterm.code, place: terms.incoterm.place },
    shipTo: { city: terms.shippingAddress.city, country: terms.shippingAddress.country },
    paymentTerms: terms.paymentTerms,
    leadTimeDays: template.leadTimeDays,
    terms: template.terms,
    ...(template.notes ? { notes: template.notes } : {}),
    ...(terms.buyerPo ? { buyerPo: terms.buyerPo } : {}),
    ...(sent ? { validUntil: sent.validUntil } : {}),
  };
}
