/**
 * Quotes as staff read them (`GET /quotes/{id}`, shared/http/quote-views.ts): each line's pricing
 * explained step by step, the revisions with what changed, the approval and acceptance state, and the
 * actions the caller may try. Pure, for the pages and their tests; the API checks every action again.
 */

import type { Money } from '../../ui/format';

export interface PricedLine {
  lineNo: number;
  sku: string;
  quantity: number;
  basis: string;
  unitCost?: Money;
  listUnitPrice?: Money;
  tierDiscountPercent?: number;
  customerDiscountPercent?: number;
  goodsUnitPrice: Money;
  freightUnit: Money;
  insuranceUnit: Money;
  dutiesUnit: Money;
  unitPrice: Money;
  amount: Money;
  marginPercent?: string;
  needsApproval: boolean;
  approvalReason?: string;
}

export interface Revision {
  revision: number;
  createdAt: string;
  createdBy: { kind: string; id: string; role?: string };
  total: Money;
  changes: string[];
  status: string;
  sentAt?: string;
}

export interface Quote {
  quoteId: string;
  customerId: string;
  inquiryId?: string;
  status: string;
  revision: number;
  currency: string;
  total: Money;
  incoterm: { code: string; place: string };
  shippingAddress?: { name: string; line1: string; line2?: string; city: string; country: string };
  paymentTerms?: { type: string; depositPercent?: number; days?: number; netDays?: number };
  template?: { name: string; validityDays?: number; leadTimeDays?: number; notes?: string };
  pricing: {
    pricedOn: string;
    destinationCountry: string;
    zone?: string;
    exchangeRates: { from: string; to: string; rate: string; effectiveFrom: string; inverted?: boolean }[];
    targetMarginPercent: number;
    marginFloorPercent: number;
    freightTotal: Money;
    insuranceTotal: Money;
    dutiesTotal: Money;
    needsApproval: boolean;
  };
  lines: PricedLine[];
  changes: string[];
  approval?: { by: { id: string; role?: string }; at: string; note?: string };
  sentAt?: string;
  validUntil?: string;
  acceptance?: { at: string; orderId: string; revision: number };
  expiredAt?: string;
  history: Revision[];
  createdAt: string;
  updatedAt: string;
}

export interface QuoteSummary {
  quoteId: string;
  customerId: string;
  inquiryId?: string;
  status: string;
  revision?: number;
  total: Money;
  validUntil?: string;
  orderId?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** One step of how a line's unit price came about; `step` names its message (`quotes.explain.<step>`). */
export interface ExplainStep {
  step:
    | 'manual'
    | 'price-list-fixed'
    | 'cost'
    | 'list'
    | 'tier'
    | 'customer'
    | 'goods'
    | 'freight'
    | 'insurance'
    | 'duties'
    | 'unit'
    | 'margin';
  money?: Money;
  percent?: number;
}

const isZero = (money: Money) => Number(money.amount) === 0;

/** The line's price, step by step, as the pricing engine built it; adders that are zero are left out. */
export function explainLine(line: PricedLine): ExplainStep[] {
  const steps: ExplainStep[] = [];
  if (line.basis === 'manual') steps.push({ step: 'manual', money: line.goodsUnitPrice });
  if (line.basis === 'price-list-fixed') steps.push({ step: 'price-list-fixed', money: line.goodsUnitPrice });
  if (line.unitCost) steps.push({ step: 'cost', money: line.unitCost });
  if (line.listUnitPrice) steps.push({ step: 'list', money: line.listUnitPrice });
  if (line.tierDiscountPercent !== undefined) steps.push({ step: 'tier', percent: line.tierDiscountPercent });
  if (line.customerDiscountPercent !== undefined)
    steps.push({ step: 'customer', percent: line.customerDiscountPercent });
  steps.push({ step: 'goods', money: line.goodsUnitPrice });
  if (!isZero(line.freightUnit)) steps.push({ step: 'freight', money: line.freightUnit });
  if (!isZero(line.insuranceUnit)) steps.push({ step: 'insurance', money: line.insuranceUnit });
  if (!isZero(line.dutiesUnit)) steps.push({ step: 'duties', money: line.dutiesUnit });
  steps.push({ step: 'unit', money: line.unitPrice });
  if (line.marginPercent !== undefined) steps.push({ step: 'margin', percent: Number(line.marginPercent) });
  return steps;
}

export type ApprovalState = 'not-needed' | 'awaiting' | 'approved';

export function approvalState(quote: Pick<Quote, 'status' | 'approval' | 'pricing'>): ApprovalState {
  if (quote.approval) return 'approved';
  if (quote.status === 'PENDING_APPROVAL' || quote.pricing.needsApproval) return 'awaiting';
  return 'not-needed';
}

/** The lines a manager must look at before approving, with the engine's reason for each. */
export const linesNeedingApproval = (quote: Pick<Quote, 'lines'>) =>
  quote.lines.filter((line) => line.needsApproval);

const SELLERS = ['sales', 'admin', 'sales-manager'];
const APPROVERS = ['admin', 'sales-manager'];

/** What the page offers the caller for the quote in its status (the API decides; this only hides). */
export function quoteActions(
  status: string,
  role: string,
): { approve: boolean; send: boolean; revise: boolean } {
  const sells = SELLERS.includes(role);
  return {
    approve: status === 'PENDING_APPROVAL' && APPROVERS.includes(role),
    send: (status === 'DRAFT' || status === 'SENT') && sells,
    revise: status !== 'ACCEPTED' && sells,
  };
}

export type AcceptanceState =
  | { state: 'not-sent' }
  | { state: 'awaiting'; sentAt?: string; validUntil?: string }
  | { state: 'accepted'; at: string; orderId: string; revision: number }
  | { state: 'expired'; at?: string };

/** Where the buyer's acceptance stands: not sent, sent and open until a day, accepted (the order), expired. */
export function acceptanceState(
  quote: Pick<Quote, 'status' | 'sentAt' | 'validUntil' | 'acceptance' | 'expiredAt'>,
): AcceptanceState {
  if (quote.acceptance) return { state: 'accepted', ...quote.acceptance };
  if (quote.status === 'EXPIRED') return { state: 'expired', at: quote.expiredAt };
  if (quote.status === 'SENT')
    return { state: 'awaiting', sentAt: quote.sentAt, validUntil: quote.validUntil };
  return { state: 'not-sent' };
}

/** The revisions, newest first, with what each changed from the one before. */
export const revisionRows = (history: readonly Revision[]): Revision[] =>
  [...history].sort((a, b) => b.revision - a.revision);
