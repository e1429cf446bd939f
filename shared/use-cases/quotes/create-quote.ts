import type { CreateQuoteBody } from '../../contracts/quotes';
import type { Actor } from '../../domain/order';
import { initialStatus, type Quote, type QuoteRevision, summaryOf } from '../../domain/quote';
import { InvalidInputError } from '../../errors';
import type { IdGenerator } from '../../ids';
import type { Clock } from '../../ports/clock';
import type { CustomerRepository } from '../../ports/customers';
import type { EventPublisher } from '../../ports/events';
import type { InquiryRepository } from '../../ports/inquiries';
import type { QuoteRepository } from '../../ports/quotes';
import { createOrFindRetried, keyedCreation } from '../keyed-creation';
import { approvalRequested } from './approval-requested';
import { buildRevision, type PricingDeps } from './build-revision';
import { fillFromInquiry } from './fill-from-inquiry';

export interface CreateQuoteDeps extends PricingDeps {
  quotes: QuoteRepository;
  customers: Pick<CustomerRepository, 'get'>;
  /** A quote for an inquiry with no lines of its own takes the inquiry's. */
  inquiries: Pick<InquiryRepository, 'get'>;
  clock: Clock;
  newId: IdGenerator;
  events: EventPublisher;
}

/**
 * POST /quotes (sales): a quote, v1 (its lines, Incoterm and address from its inquiry when left
 * out: fill-from-inquiry.ts), priced by the rules, DRAFT (or PENDING_APPROVAL when a line is
 * below the margin floor). Under an Idempotency-Key its id comes from the key, so a retry after a
 * crash finds the same quote; the same key with another body is a 422.
 */
export function makeCreateQuote(deps: CreateQuoteDeps) {
  return async (body: CreateQuoteBody, by: Actor, idempotencyKey?: string): Promise<Quote> => {
    const customer = await deps.customers.get(body.customerId);
    if (!customer) {
      throw new InvalidInputError(
        `customerId ${body.customerId} is not a known customer`,
        'customerId',
        'UNKNOWN_CUSTOMER',
      );
    }
    const complete = await fillFromInquiry(deps.inquiries, body, customer);
    const now = deps.clock.now().toISOString();
    const keyed = keyedCreation('quo', by, idempotencyKey, body);
    const quoteId = keyed?.id ?? deps.newId('quo');
    const revision: QuoteRevision = {
      ...(await buildRevision(deps, { body: complete, customer, revision: 1, by, now })),
      changes: ['created'],
    };
    const status = initialStatus(revision.pricing);
    const quote: Quote = {
      quoteId,
      customerId: customer.customerId,
      ...(body.inquiryId ? { inquiryId: body.inquiryId } : {}),
      status,
      current: revision,
      history: [summaryOf(revision, status)],
      createdAt: now,
      createdBy: by,
      ...(keyed ? { createdUnder: keyed.createdUnder } : {}),
      updatedAt: now,
      version: 1,
    };
    await deps.quotes.putRevision(quoteId, revision);
    const retried = await createOrFindRetried(
      keyed,
      () => deps.quotes.create(quote),
      () => deps.quotes.get(quoteId),
    );
    const stored = retried ?? quote;
    // Published after the write, again on a retry (same changeId): a crash between loses nothing.
    if (stored.current.revision === 1) await deps.events.publish(approvalRequested(stored));
    return stored;
  };
}
