import type { DomainEvent } from '../../contracts/events';
import { isPastValidity, type Quote, withStatus } from '../../domain/quote';
import { type QuoteActionDeps, runQuoteAction } from './quote-action';

export type ExpireQuotesDeps = QuoteActionDeps;

export interface ExpirySweepResult {
  checked: number;
  reminded: number;
  expired: number;
}

/**
 * The `expire-quotes` schedule: the sent quotes whose next check is due (the sparse dueChecks index).
 * Past its validity a quote becomes EXPIRED (QuoteExpired); before that, `expiryReminderDays` ahead,
 * QuoteExpiring is announced once per revision (`remindedAt` is written with it; a rerun publishes
 * the same changeId), and sales hears of it through its department notices (next-steps.ts). Each
 * quote is written on the version read.
 */
export function makeExpireQuotes(deps: ExpireQuotesDeps) {
  return async (): Promise<ExpirySweepResult> => {
    const result: ExpirySweepResult = { checked: 0, reminded: 0, expired: 0 };
    const due = await deps.quotes.listDue(deps.clock.now().toISOString());
    for (const quoteId of due) {
      result.checked++;
      type Outcome = 'reminded' | 'expired' | 'none';
      let outcome = 'none' as Outcome;
      await runQuoteAction(deps, quoteId, async (quote, now) => {
        outcome = 'none';
        if (quote.status !== 'SENT' || !quote.current.sent) return { kind: 'repeated', quote, events: [] };
        const { validUntil } = quote.current.sent;
        if (isPastValidity(quote, now)) {
          outcome = 'expired';
          const next = withStatus(quote, 'EXPIRED', now, { expiredAt: now });
          return {
            kind: 'changed',
            quote: next,
            events: [quoteEvent('QuoteExpired', next, now, validUntil)],
          };
        }
        if (quote.remindedAt) return { kind: 'repeated', quote, events: [] };
        const reminder = quoteEvent('QuoteExpiring', quote, now, validUntil);
        outcome = 'reminded';
        return {
          kind: 'changed',
          quote: { ...quote, remindedAt: now, updatedAt: now, version: quote.version + 1 },
          events: [reminder],
        };
      });
      if (outcome === 'expired') result.expired++;
      if (outcome === 'reminded') result.reminded++;
    }
    return result;
  };
}

function quoteEvent(
  type: 'QuoteExpired' | 'QuoteExpiring',
  quote: Quote,
  now: string,
  validUntil: string,
): DomainEvent {
  return {
    type,
    detail: {
      version: 1,
      changeId: `${quote.quoteId}:${type}:${quote.current.revision}`,
      occurredAt: now,
      quoteId: quote.quoteId,
      ...(quote.inquiryId ? { inquiryId: quote.inquiryId } : {}),
      customerId: quote.customerId,
      revision: quote.current.revision,
      validUntil,
    },
  };
}
