import type { PaymentTerms } from '../contracts/common';
import type { IncotermCode } from './incoterms';
import type { Money } from './money';
import type { Actor, Address } from './order';
import type { PricedQuote } from './pricing/price-quote';
import type { QuoteTemplate } from './pricing/pricing-settings';

/**
 * A quote and its revisions. The quote's status is its current revision's:
 *
 *   DRAFT ─(a line below the margin floor)→ PENDING_APPROVAL ─approve→ DRAFT ─send→ SENT
 *   SENT → ACCEPTED (the buyer, by the link) | EXPIRED (past validity, by the sweep)
 *
 * A revision (v2, v3…) of a quote not yet accepted replaces its terms and pricing: the revision it
 * replaces is SUPERSEDED (its acceptance link stops working) and the quote is DRAFT or
 * PENDING_APPROVAL again, to be sent anew.
 */
export const QUOTE_STATUSES = ['DRAFT', 'PENDING_APPROVAL', 'SENT', 'ACCEPTED', 'EXPIRED'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export type RevisionStatus = QuoteStatus | 'SUPERSEDED';

/** What sales asked for in a revision (prices are the engine's, unless a line gives its own). */
export interface QuoteTerms {
  currency: string;
  incoterm: { code: IncotermCode; place: string };
  shippingAddress: Address;
  paymentTerms: PaymentTerms;
  template: string;
  lines: { sku: string; quantity: number; unitPrice?: string }[];
  buyerPo?: string;
}

export interface QuoteRevision {
  revision: number;
  createdAt: string;
  createdBy: Actor;
  terms: QuoteTerms;
  /** The template's values with the quote's own overrides applied. */
  template: QuoteTemplate;
  pricing: PricedQuote;
  /** What changed from the revision before ("created" for v1). */
  changes: string[];
  approval?: { by: Actor; at: string; note?: string };
  /** Set when sent: until when it may be accepted, and the hash of its link's token. */
  sent?: { at: string; validUntil: string; tokenHash: string; reminderAt: string };
}

/** A line of the quote's history: every revision, what changed and how it ended. */
export interface RevisionSummary {
  revision: number;
  createdAt: string;
  createdBy: Actor;
  total: Money;
  changes: string[];
  status: RevisionStatus;
  sentAt?: string;
}

export interface Quote {
  quoteId: string;
  customerId: string;
  inquiryId?: string;
  status: QuoteStatus;
  current: QuoteRevision;
  history: RevisionSummary[];
  acceptance?: { at: string; orderId: string; revision: number };
  expiredAt?: string;
  /** When sales was reminded that the sent revision is about to expire. */
  remindedAt?: string;
  createdAt: string;
  createdBy: Actor;
  createdUnder?: { idempotencyKey: string; requestHash: string };
  updatedAt: string;
  /** Optimistic-concurrency counter: every write expects the version it read. */
  version: number;
}

export const initialStatus = (pricing: PricedQuote): QuoteStatus =>
  pricing.needsApproval ? 'PENDING_APPROVAL' : 'DRAFT';

export function summaryOf(revision: QuoteRevision, status: RevisionStatus): RevisionSummary {
  return {
    revision: revision.revision,
    createdAt: revision.createdAt,
    createdBy: revision.createdBy,
    total: revision.pricing.total,
    changes: revision.changes,
    status,
    ...(revision.sent ? { sentAt: revision.sent.at } : {}),
  };
}

/** The quote with its current revision's status (and the history line of it) set to `status`. */
export function withStatus(
  quote: Quote,
  status: QuoteStatus,
  now: string,
  change: Partial<Quote> = {},
): Quote {
  const current = change.current ?? quote.current;
  return {
    ...quote,
    ...change,
    status,
    current,
    history: quote.history.map((line) =>
      line.revision === current.revision ? summaryOf(current, status) : line,
    ),
    updatedAt: now,
    version: quote.version + 1,
  };
}

/** A new revision replaces the current one, which is superseded. */
export function withRevision(quote: Quote, next: QuoteRevision, now: string): Quote {
  const status = initialStatus(next.pricing);
  return {
    ...quote,
    status,
    current: next,
    history: [
      ...quote.history.map((line) =>
        line.revision === quote.current.revision ? { ...line, status: 'SUPERSEDED' as const } : line,
      ),
      summaryOf(next, status),
    ],
    remindedAt: undefined,
    expiredAt: undefined,
    updatedAt: now,
    version: quote.version + 1,
  };
}

/**
 * What the expiry sweep looks at next for a sent quote: the reminder, then the expiry. Undefined
 * once nothing is due (not sent, or accepted, or expired): the quote leaves the sweep's index.
 */
export function nextCheckAt(quote: Quote): string | undefined {
  const sent = quote.current.sent;
  if (quote.status !== 'SENT' || !sent) return undefined;
  return quote.remindedAt ? sent.validUntil : sent.reminderAt;
}

/** Whether the sent revision is past its validity at `now`. */
export const isPastValidity = (quote: Quote, now: string): boolean =>
  quote.current.sent !== undefined && now >= quote.current.sent.validUntil;

/**
 * When a quote sent at `sentAt` stops being valid, and when sales is reminded (`reminderDays` before,
 * not before it is sent). `timeScale` compresses days on the local runtime (demos and tests), as
 * the SLA clocks are compressed; 1 on AWS.
 */
export function validityOf(
  sentAt: string,
  validityDays: number,
  reminderDays: number,
  timeScale = 1,
): { validUntil: string; reminderAt: string } {
  const day = 86_400_000 / timeScale;
  const sent = Date.parse(sentAt);
  const until = sent + validityDays * day;
  return {
    validUntil: new Date(until).toISOString(),
    reminderAt: new Date(Math.max(sent, until - reminderDays * day)).toISOString(),
  };
}

/** What a revision changed, in words for people: terms, template values, lines (added, removed, quantities, prices). */
export function describeChanges(before: QuoteRevision, after: QuoteRevision): string[] {
  const changes: string[] = [];
  const was = before.terms;
  const now = after.terms;
  if (was.currency !== now.currency) changes.push(`currency ${was.currency} → ${now.currency}`);
  if (was.incoterm.code !== now.incoterm.code || was.incoterm.place !== now.incoterm.place) {
    changes.push(
      `Incoterm ${was.incoterm.code} ${was.incoterm.place} → ${now.incoterm.code} ${now.incoterm.place}`,
    );
  }
  if (JSON.stringify(was.shippingAddress) !== JSON.stringify(now.shippingAddress))
    changes.push('shipping address changed');
  if (JSON.stringify(was.paymentTerms) !== JSON.stringify(now.paymentTerms)) {
    changes.push(`payment terms ${termsText(was.paymentTerms)} → ${termsText(now.paymentTerms)}`);
  }
  if (was.template !== now.template) changes.push(`template ${was.template} → ${now.template}`);
  for (const key of ['validityDays', 'leadTimeDays'] as const) {
    if (before.template[key] !== after.template[key])
      changes.push(`${key} ${before.template[key]} → ${after.template[key]}`);
  }
  if (before.template.terms !== after.template.terms) changes.push('terms text changed');
  if ((before.template.notes ?? '') !== (after.template.notes ?? '')) changes.push('notes changed');
  const skus = [...new Set([...was.lines, ...now.lines].map((line) => line.sku))];
  for (const sku of skus) {
    const old = before.pricing.lines.filter((line) => line.sku === sku);
    const neu = after.pricing.lines.filter((line) => line.sku === sku);
    if (!old.length) changes.push(`${sku} added`);
    else if (!neu.length) changes.push(`${sku} removed`);
    else {
      const qty = (lines: typeof old) => lines.map((line) => line.quantity).join('+');
      const price = (lines: typeof old) => lines.map((line) => line.unitPrice.minor).join('+');
      if (qty(old) !== qty(neu)) changes.push(`${sku} quantity ${qty(old)} → ${qty(neu)}`);
      if (price(old) !== price(neu) || old[0].unitPrice.currency !== neu[0].unitPrice.currency)
        changes.push(`${sku} unit price changed`);
    }
  }
  if (
    before.pricing.total.minor !== after.pricing.total.minor ||
    before.pricing.total.currency !== after.pricing.total.currency
  )
    changes.push('total changed');
  return changes.length ? changes : ['repriced, nothing changed'];
}

function termsText(terms: PaymentTerms): string {
  switch (terms.type) {
    case 'TT':
      return `TT ${terms.depositPercent}% deposit`;
    case 'DA':
      return `DA ${terms.days} days`;
    case 'OA':
      return `OA net ${terms.netDays}`;
    default:
      return terms.type;
  }
}

/** What listings need of a quote, kept in the indexes (the quote item grows with its pricing). */
export interface QuoteSummary {
  quoteId: string;
  customerId: string;
  inquiryId?: string;
  status: QuoteStatus;
  revision: number;
  total: Money;
  validUntil?: string;
  orderId?: string;
  createdAt: string;
  updatedAt: string;
}

export function summarizeQuote(quote: Quote): QuoteSummary {
  return {
    quoteId: quote.quoteId,
    customerId: quote.customerId,
    ...(quote.inquiryId ? { inquiryId: quote.inquiryId } : {}),
    status: quote.status,
    revision: quote.current.revision,
    total: quote.current.pricing.total,
    ...(quote.current.sent ? { validUntil: quote.current.sent.validUntil } : {}),
    ...(quote.acceptance ? { orderId: quote.acceptance.orderId } : {}),
    createdAt: quote.createdAt,
    updatedAt: quote.updatedAt,
  };
}
