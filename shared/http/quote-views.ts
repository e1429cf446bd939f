import { formatAmount, type Money } from '../domain/money';
import type { PricedLine } from '../domain/pricing/price-quote';
import type { Quote, QuoteSummary, RevisionSummary } from '../domain/quote';

const amount = (money: Money) => ({ amount: formatAmount(money), currency: money.currency });

function lineView(line: PricedLine) {
  return {
    lineNo: line.lineNo,
    sku: line.sku,
    quantity: line.quantity,
    basis: line.basis,
    ...(line.unitCost ? { unitCost: amount(line.unitCost) } : {}),
    ...(line.listUnitPrice ? { listUnitPrice: amount(line.listUnitPrice) } : {}),
    ...(line.tierDiscountPercent !== undefined ? { tierDiscountPercent: line.tierDiscountPercent } : {}),
    ...(line.customerDiscountPercent !== undefined
      ? { customerDiscountPercent: line.customerDiscountPercent }
      : {}),
    goodsUnitPrice: amount(line.goodsUnitPrice),
    freightUnit: amount(line.freightUnit),
    insuranceUnit: amount(line.insuranceUnit),
    dutiesUnit: amount(line.dutiesUnit),
    unitPrice: amount(line.unitPrice),
    amount: amount(line.amount),
    ...(line.marginPercent !== undefined ? { marginPercent: line.marginPercent } : {}),
    needsApproval: line.needsApproval,
    ...(line.approvalReason ? { approvalReason: line.approvalReason } : {}),
  };
}

const historyView = (line: RevisionSummary) => ({ ...line, total: amount(line.total) });

/** A quote as staff see it: the current revision in full (costs and margins too), and its history. */
export function quoteView(quote: Quote) {
  const { current } = quote;
  const { pricing } = current;
  return {
    quoteId: quote.quoteId,
    customerId: quote.customerId,
    ...(quote.inquiryId ? { inquiryId: quote.inquiryId } : {}),
    status: quote.status,
    revision: current.revision,
    currency: pricing.currency,
    total: amount(pricing.total),
    incoterm: current.terms.incoterm,
    shippingAddress: current.terms.shippingAddress,
    paymentTerms: current.terms.paymentTerms,
    ...(current.terms.buyerPo ? { buyerPo: current.terms.buyerPo } : {}),
    template: { name: current.terms.template, ...current.template },
    pricing: {
      pricedOn: pricing.pricedOn,
      destinationCountry: pricing.destinationCountry,
      ...(pricing.zone ? { zone: pricing.zone } : {}),
      exchangeRates: pricing.exchangeRates,
      targetMarginPercent: pricing.targetMarginPercent,
      marginFloorPercent: pricing.marginFloorPercent,
      freightTotal: amount(pricing.freightTotal),
      insuranceTotal: amount(pricing.insuranceTotal),
      dutiesTotal: amount(pricing.dutiesTotal),
      needsApproval: pricing.needsApproval,
    },
    lines: pricing.lines.map(lineView),
    changes: current.changes,
    ...(current.approval ? { approval: current.approval } : {}),
    ...(current.sent ? { sentAt: current.sent.at, validUntil: current.sent.validUntil } : {}),
    ...(quote.acceptance ? { acceptance: quote.acceptance } : {}),
    ...(quote.expiredAt ? { expiredAt: quote.expiredAt } : {}),
    ...(quote.remindedAt ? { remindedAt: quote.remindedAt } : {}),
    history: quote.history.map(historyView),
    createdAt: quote.createdAt,
    updatedAt: quote.updatedAt,
  };
}

export const quoteSummaryView = (summary: QuoteSummary) => ({ ...summary, total: amount(summary.total) });

/** What the buyer's link shows after accepting: no costs, margins or staff. */
export function acceptedView(quote: Quote, orderId: string) {
  return {
    quoteId: quote.quoteId,
    status: quote.status,
    revision: quote.current.revision,
    total: amount(quote.current.pricing.total),
    orderId,
  };
}
