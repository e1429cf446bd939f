import { createHash, randomBytes } from 'node:crypto';
import type { SendQuoteBody } from '../../contracts/quotes';
import { formatAmount } from '../../domain/money';
import type { Actor } from '../../domain/order';
import { type Quote, validityOf, withStatus } from '../../domain/quote';
import { quoteEmail } from '../../email/quotes/quote-email';
import { ConflictError, NotFoundError } from '../../errors';
import type { CustomerRepository } from '../../ports/customers';
import type { Mailer } from '../../ports/mailer';
import type { PricingSettingsStore } from '../../ports/pricing-settings';
import { type QuoteActionDeps, runQuoteAction } from './quote-action';

export interface SendQuoteDeps extends QuoteActionDeps {
  customers: Pick<CustomerRepository, 'get'>;
  pricing: Pick<PricingSettingsStore, 'get'>;
  /** The buyer mailer (suppressions, communication history). */
  mailer: Mailer;
  /** The links in the email: acceptance (required) and the proforma PDF. */
  links: (quoteId: string, token: string) => { accept: string; proforma?: string };
  /** Local demos compress days (TRADEFLOW_TIME_SCALE); 1 on AWS. */
  timeScale?: number;
  newToken?: () => string;
}

/** 128 random bits: the acceptance link's token. Only its hash is kept. */
export const newAcceptanceToken = () => randomBytes(16).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * POST /quotes/{id}/send (sales): emails the buyer the quote (the proforma's figures and link) with
 * an acceptance link, and announces QuoteSent. A DRAFT is sent; PENDING_APPROVAL is refused (409)
 * until a manager approves it. Sending a SENT quote again resends it with a new link (the old one stops
 * working) and the same validity: the way to recover an email that did not arrive, or a send whose
 * email failed after the quote was marked SENT.
 */
export function makeSendQuote(deps: SendQuoteDeps) {
  const newToken = deps.newToken ?? newAcceptanceToken;
  return async (quoteId: string, body: SendQuoteBody, _by: Actor): Promise<Quote> => {
    const token = newToken();
    const reminderDays = (await deps.pricing.get()).expiryReminderDays;
    return runQuoteAction(
      deps,
      quoteId,
      (quote, now) => {
        const { current } = quote;
        if (quote.status === 'PENDING_APPROVAL') {
          throw new ConflictError(
            `quote ${quoteId} has lines below the margin floor: a sales manager approves it first (POST /quotes/${quoteId}/approve)`,
            quote.status,
          );
        }
        if (quote.status === 'SENT' && current.sent && now >= current.sent.validUntil) {
          throw new ConflictError(
            `quote ${quoteId} expired at ${current.sent.validUntil}: revise it to send it again`,
            'EXPIRED',
          );
        }
        if (quote.status !== 'DRAFT' && quote.status !== 'SENT') {
          throw new ConflictError(
            `quote ${quoteId} is ${quote.status}: ${quote.status === 'EXPIRED' ? 'revise it to send it again' : 'it is not sent again'}`,
            quote.status,
          );
        }
        const validity =
          current.sent ?? validityOf(now, current.template.validityDays, reminderDays, deps.timeScale);
        const sent = {
          at: now,
          validUntil: validity.validUntil,
          reminderAt: validity.reminderAt,
          tokenHash: tokenHash(token),
        };
        const next = withStatus(quote, 'SENT', now, {
          current: { ...current, sent },
          remindedAt: quote.remindedAt,
        });
        return {
          kind: 'changed',
          quote: next,
          events: [
            {
              type: 'QuoteSent',
              detail: {
                version: 1,
                // One per revision: a resend announces nothing new.
                changeId: `${quoteId}:QuoteSent:${current.revision}`,
                occurredAt: now,
                quoteId,
                ...(quote.inquiryId ? { inquiryId: quote.inquiryId } : {}),
                customerId: quote.customerId,
                revision: current.revision,
                total: formatAmount(current.pricing.total),
                currency: current.pricing.currency,
                validUntil: sent.validUntil,
              },
            },
          ],
        };
      },
      async (quote) => {
        const customer = await deps.customers.get(quote.customerId);
        if (!customer) throw new NotFoundError(`the quote's customer ${quote.customerId} is not there`);
        const sent = quote.current.sent!;
        const email = quoteEmail(quote, deps.links(quoteId, token), {
          buyerName: customer.name,
          ...(customer.language ? { language: customer.language } : {}),
          ...(body.message ? { message: body.message } : {}),
        });
        await deps.mailer.send({
          ...email,
          to: [customer.email],
          tags: { quoteId, change: 'QuoteSent' },
          customer: {
            customerId: customer.customerId,
            entryId: `email:quote:${quoteId}:v${quote.current.revision}:${sent.at}`,
            at: sent.at,
            kind: 'quote',
            summary: `quote v${quote.current.revision}: ${formatAmount(quote.current.pricing.total)} ${quote.current.pricing.currency}, valid until ${sent.validUntil.slice(0, 10)}`,
            refs: { quoteId, ...(quote.inquiryId ? { inquiryId: quote.inquiryId } : {}) },
          },
        });
      },
    );
  };
}
