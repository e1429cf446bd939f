import type { BankTransaction } from '../bank/bank-transaction';
import type { Money } from './money';

/**
 * Proposes which open receivable each incoming bank credit pays. Pure and deterministic: the same
 * transactions and receivables give the same proposals, whatever order they come in.
 *
 * 1. References: order ids and invoice numbers found in the remittance, the end-to-end id and the
 *    bank's additional text. Text is compared in a compact form (upper case, no spaces, dashes,
 *    underscores, dots or slashes), so `inv 2026 000123`, `INV2026-000123` and a reference split
 *    across two remittance lines all read as INV-2026-000123.
 * 2. Otherwise amount, currency and customer: the payer's IBAN or name identifies the customer, and
 *    exactly one of that customer's open receivables in the currency must be within the tolerance.
 * Anything else is queued for finance: ambiguous (candidates listed) or unmatched.
 */

/** One receivable; (orderId, invoiceNumber) must be unique, since allocations name it by them. */
export interface OpenReceivable {
  orderId: string;
  invoiceNumber?: string;
  customerId: string;
  outstanding: Money;
  /** ISO date or instant; orders several receivables of one order when a payment fills them. */
  dueAt: string;
  /** Names the customer pays under (legal name, trading names), compared loosely. */
  customerNames?: string[];
  customerIbans?: string[];
}

export interface Tolerance {
  /** Minor units per currency, e.g. { USD: 2500 } for up to USD 25 of wire fees. */
  absoluteMinor?: Record<string, number>;
  /** Basis points of the outstanding amount (50 = 0.5%). The larger of the two applies. */
  basisPoints?: number;
}

export interface ReconciliationOptions {
  /** Bank references already applied or queued earlier: skipped, which makes re-imports harmless. */
  alreadyApplied?: ReadonlySet<string>;
  tolerance?: Tolerance;
  /** Patterns on the compact text (see above); the match is compared with the compact ids. */
  referencePatterns?: RegExp[];
}

/** `ord_` + a ULID, and INV-yyyy-nnnnnn, as they look once compacted. */
export const DEFAULT_REFERENCE_PATTERNS: RegExp[] = [/ORD[0-9A-HJKMNP-TV-Z]{26}/, /INV\d{4}\d{6}/];

export interface ReceivableRef {
  orderId: string;
  invoiceNumber?: string;
  customerId: string;
}

export interface Allocation extends ReceivableRef {
  /** What this payment puts on the receivable (an over payment puts all of it). */
  amount: Money;
  outstandingBefore: Money;
}

export type Settlement = 'full' | 'partial' | 'over';

export type ReconciliationResult =
  | {
      kind: 'matched';
      transaction: BankTransaction;
      by: 'reference' | 'amount-and-customer';
      allocations: Allocation[];
      settlement: Settlement;
      /** Still open after it (partial) or paid beyond what was open (over); zero when full. */
      remainder: Money;
      /** For partial and over: the difference is within the tolerance (bank fees, rounding). */
      withinTolerance: boolean;
    }
  | {
      kind: 'ambiguous';
      transaction: BankTransaction;
      by: 'reference' | 'amount-and-customer';
      candidates: ReceivableRef[];
      reason: string;
    }
  | {
      kind: 'unmatched';
      transaction: BankTransaction;
      /** References found that point to nothing open (already paid, mistyped, someone else's). */
      references: string[];
      /** The identified customer's open receivables, to help finance decide. */
      candidates: ReceivableRef[];
      reason: string;
    }
  | {
      kind: 'skipped';
      transaction: BankTransaction;
      reason: 'already-applied' | 'duplicate-in-import' | 'not-a-credit' | 'reversal' | 'not-booked';
    };

export function reconcile(
  transactions: BankTransaction[],
  receivables: OpenReceivable[],
  options: ReconciliationOptions = {},
): ReconciliationResult[] {
  const patterns = options.referencePatterns ?? DEFAULT_REFERENCE_PATTERNS;
  // Outstanding amounts change as payments in this run are applied (two partials on one invoice).
  const open = receivables.map((r) => ({ ...r, outstanding: { ...r.outstanding } }));
  const seen = new Set<string>();
  const ordered = [...transactions].sort(
    (a, b) => compare(a.bookingDate, b.bookingDate) || compare(a.bankReference, b.bankReference),
  );
  return ordered.map((tx) => {
    const skip = skipReason(tx, options.alreadyApplied, seen);
    seen.add(tx.bankReference);
    if (skip) return { kind: 'skipped', transaction: tx, reason: skip };
    const result = matchOne(tx, open, patterns, options.tolerance ?? {});
    if (result.kind === 'matched') {
      for (const allocation of result.allocations) {
        const receivable = open.find((r) => sameReceivable(r, allocation));
        if (receivable)
          receivable.outstanding.minor -= Math.min(
            allocation.amount.minor,
            allocation.outstandingBefore.minor,
          );
      }
    }
    return result;
  });
}

function skipReason(
  tx: BankTransaction,
  alreadyApplied: ReadonlySet<string> | undefined,
  seen: Set<string>,
): (ReconciliationResult & { kind: 'skipped' })['reason'] | undefined {
  if (alreadyApplied?.has(tx.bankReference)) return 'already-applied';
  if (seen.has(tx.bankReference)) return 'duplicate-in-import';
  if (tx.creditDebit !== 'CRDT') return 'not-a-credit';
  if (tx.reversal) return 'reversal';
  if (tx.status !== 'BOOK') return 'not-booked';
  return undefined;
}

type Open = OpenReceivable;

function matchOne(
  tx: BankTransaction,
  open: Open[],
  patterns: RegExp[],
  tolerance: Tolerance,
): ReconciliationResult {
  const text = compact([tx.remittance, tx.endToEndId ?? '', tx.additionalInfo ?? ''].join(' '));
  const references = findReferences(text, patterns);
  if (references.length > 0) return byReference(tx, open, references, tolerance);

  const customers = payerCustomers(tx, open);
  if (customers.size === 0) {
    return unmatched(tx, [], [], 'no order or invoice reference, and the payer is not a known customer');
  }
  const theirs = open.filter((r) => customers.has(r.customerId) && r.outstanding.minor > 0);
  const sameCurrency = theirs.filter((r) => r.outstanding.currency === tx.currency);
  const fits = sameCurrency.filter(
    (r) => Math.abs(r.outstanding.minor - tx.amount.minor) <= allowed(r.outstanding, tolerance),
  );
  if (fits.length === 1) return matched(tx, 'amount-and-customer', fits, tolerance);
  if (fits.length > 1) {
    return {
      kind: 'ambiguous',
      transaction: tx,
      by: 'amount-and-customer',
      candidates: sortByDue(fits).map(ref),
      reason: `${fits.length} open receivables of the customer fit the amount`,
    };
  }
  return unmatched(
    tx,
    [],
    sortByDue(theirs).map(ref),
    sameCurrency.length === 0
      ? `the customer has nothing open in ${tx.currency}`
      : 'no reference, and no open receivable of the customer fits the amount',
  );
}

function byReference(
  tx: BankTransaction,
  open: Open[],
  references: string[],
  tolerance: Tolerance,
): ReconciliationResult {
  // Only what is still open: a second payment quoting a settled invoice is for finance to look at.
  const hits = open.filter(
    (r) =>
      r.outstanding.minor > 0 &&
      (references.includes(compact(r.orderId)) ||
        (r.invoiceNumber !== undefined && references.includes(compact(r.invoiceNumber)))),
  );
  if (hits.length === 0) {
    return unmatched(tx, references, [], 'the references found match no open receivable');
  }
  const wrongCurrency = hits.filter((r) => r.outstanding.currency !== tx.currency);
  if (wrongCurrency.length > 0) {
    return {
      kind: 'ambiguous',
      transaction: tx,
      by: 'reference',
      candidates: sortByDue(hits).map(ref),
      reason: `paid in ${tx.currency}; the referenced receivable is in ${wrongCurrency[0].outstanding.currency}`,
    };
  }
  const orders = new Set(hits.map((r) => r.orderId));
  // One order's receivables fill in due order, as the payment schedule does; across orders the
  // payment must cover them all (within the tolerance) to know how to split it.
  const total = hits.reduce((sum, r) => sum + r.outstanding.minor, 0);
  const totalMoney = { currency: tx.currency, minor: total };
  if (orders.size === 1 || Math.abs(total - tx.amount.minor) <= allowed(totalMoney, tolerance)) {
    return matched(tx, 'reference', hits, tolerance);
  }
  return {
    kind: 'ambiguous',
    transaction: tx,
    by: 'reference',
    candidates: sortByDue(hits).map(ref),
    reason: `it names ${orders.size} orders and does not cover them all, so how to split it is unclear`,
  };
}

/** Fills the receivables in due order; what is left over goes on the last one. */
function matched(
  tx: BankTransaction,
  by: 'reference' | 'amount-and-customer',
  hits: Open[],
  tolerance: Tolerance,
): ReconciliationResult {
  const targets = sortByDue(hits);
  let left = tx.amount.minor;
  const allocations: Allocation[] = targets
    .map((r, i) => {
      const before = Math.max(r.outstanding.minor, 0);
      const amount = i === targets.length - 1 ? left : Math.min(left, before);
      left -= amount;
      return {
        ...ref(r),
        amount: { currency: tx.currency, minor: amount },
        outstandingBefore: { currency: tx.currency, minor: before },
      };
    })
    .filter((a, i) => a.amount.minor > 0 || i === 0);
  const open = targets.reduce((sum, r) => sum + Math.max(r.outstanding.minor, 0), 0);
  const difference = tx.amount.minor - open;
  const settlement: Settlement = difference === 0 ? 'full' : difference < 0 ? 'partial' : 'over';
  return {
    kind: 'matched',
    transaction: tx,
    by,
    allocations,
    settlement,
    remainder: { currency: tx.currency, minor: Math.abs(difference) },
    withinTolerance: Math.abs(difference) <= allowed({ currency: tx.currency, minor: open }, tolerance),
  };
}

function unmatched(
  tx: BankTransaction,
  references: string[],
  candidates: ReceivableRef[],
  reason: string,
): ReconciliationResult {
  return { kind: 'unmatched', transaction: tx, references, candidates, reason };
}

/** The larger of the absolute and the relative tolerance, in minor units; relative rounds down. */
export function allowed(outstanding: Money, tolerance: Tolerance): number {
  const absolute = tolerance.absoluteMinor?.[outstanding.currency] ?? 0;
  const bp = tolerance.basisPoints ?? 0;
  const relative = Number((BigInt(Math.abs(outstanding.minor)) * BigInt(bp)) / 10000n);
  return Math.max(absolute, relative);
}

/** Upper case, letters and digits only: what survives banks retyping a reference. */
export function compact(text: string): string {
  return text
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Every pattern match at every position (overlapping), deduplicated, in order of appearance. */
function findReferences(text: string, patterns: RegExp[]): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'y');
    for (let i = 0; i < text.length; i++) {
      sticky.lastIndex = i;
      const match = sticky.exec(text)?.[0];
      if (match && !found.includes(match)) found.push(match);
    }
  }
  return found;
}

/** Customers the payer is: by IBAN first (exact); by name only when the IBAN says nothing. */
function payerCustomers(tx: BankTransaction, open: Open[]): Set<string> {
  const iban = tx.counterpartyIban;
  const byIban = new Set(
    open
      .filter((r) => iban && r.customerIbans?.some((i) => compact(i) === compact(iban)))
      .map((r) => r.customerId),
  );
  if (byIban.size > 0) return byIban;
  const name = tx.counterpartyName ? comparableName(tx.counterpartyName) : '';
  if (!name) return new Set();
  return new Set(
    open
      .filter((r) => r.customerNames?.some((n) => sameName(comparableName(n), name)))
      .map((r) => r.customerId),
  );
}

const LEGAL_FORMS = new Set(
  'AG BV CO CORP CORPORATION COMPANY GMBH INC KG LIMITED LLC LTD NV OY PLC PTE PTY SA SARL SAS SL SPA SRL'.split(
    ' ',
  ),
);

/** Upper case, no accents or punctuation, legal forms dropped: "Müller GmbH & Co. KG" → "MULLER". */
function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => !LEGAL_FORMS.has(word))
    .join(' ');
}

/** Equal, or one a prefix of the other of at least 12 characters (banks cut names at 35 or 70). */
function sameName(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 12 && long.startsWith(short);
}

function sortByDue(receivables: Open[]): Open[] {
  return [...receivables].sort(
    (a, b) =>
      compare(a.dueAt, b.dueAt) ||
      compare(a.orderId, b.orderId) ||
      compare(a.invoiceNumber ?? '', b.invoiceNumber ?? ''),
  );
}

function ref(r: Open): ReceivableRef {
  return {
    orderId: r.orderId,
    ...(r.invoiceNumber ? { invoiceNumber: r.invoiceNumber } : {}),
    customerId: r.customerId,
  };
}

function sameReceivable(a: ReceivableRef, b: ReceivableRef): boolean {
  return a.orderId === b.orderId && (a.invoiceNumber ?? '') === (b.invoiceNumber ?? '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
