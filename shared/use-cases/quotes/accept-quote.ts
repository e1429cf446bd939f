import { timingSafeEqual } from 'node:crypto';
import type { DomainEvent } from '../../contracts/events';
import type { CreateOrderBody } from '../../contracts/orders';
import { formatAmount } from '../../domain/money';
import type { Actor } from '../../domain/order';
import { isPastValidity, type Quote, withStatus } from '../../domain/quote';
import { ConflictError, NotFoundError } from '../../errors';
import { idFor } from '../../ids';
import type { makePlaceOrder } from '../place-order';
import { type QuoteActionDeps, runQuoteAction } from './quote-action';
import { tokenHash } from './send-quote';

export interface AcceptQuoteDeps extends QuoteActionDeps {
  placeOrder: ReturnType<typeof makePlaceOrder>;
}

/** Orders placed from quotes are placed by the system, under the quote's key: one order per quote. */
export const QUOTE_ORDER_PLACER: Actor = { kind: 'system', id: 'quote-acceptance' };
const orderKey = (quoteId: string) => `quote:${quoteId}`;
/** The order an accepted quote makes: the id keyedCreation gives it (place-order.ts). */
export const quoteOrderId = (quoteId: string) =>
  idFor('ord', `${QUOTE_ORDER_PLACER.kind}:${QUOTE_ORDER_PLACER.id}:${orderKey(quoteId)}`);

/** Neither an unknown quote nor a wrong token says which it was. */
const noSuchLink = (quoteId: string) => new NotFoundError(`no quote ${quoteId} for this link`);

/**
 * POST /quotes/{id}/accept (the buyer, by the link's token): the quote becomes ACCEPTED and its order
 * is placed exactly as a storefront order is (stored RECEIVED, its workflow started), with
 * `externalRef` the quote's id. The token is compared in constant time with the sent revision's hash;
 * a wrong one is a 404 and changes nothing. Past its validity: 409. Idempotent: the quote is marked
 * first (with the order's deterministic id), then the order is placed under the quote's key; a retry
 * (or a second click) finds it ACCEPTED and places the same order again, which changes nothing.
 */
export function makeAcceptQuote(deps: AcceptQuoteDeps) {
  return async (quoteId: string, token: string): Promise<{ quote: Quote; orderId: string }> => {
    const orderId = quoteOrderId(quoteId);
    const quote = await runQuoteAction(
      deps,
      quoteId,
      (quote, now) => {
        const sent = quote.current.sent;
        if (!sent || !sameHash(sent.tokenHash, tokenHash(token))) throw noSuchLink(quoteId);
        if (quote.status === 'ACCEPTED')
          return { kind: 'repeated', quote, events: [accepted(quote, orderId)] };
        if (quote.status === 'EXPIRED' || isPastValidity(quote, now)) {
          throw new ConflictError(
            `this quote expired at ${sent.validUntil} and can no longer be accepted; ask us for a new quote`,
            'EXPIRED',
          );
        }
        if (quote.status !== 'SENT') {
          throw new ConflictError(`this quote is ${quote.status} and cannot be accepted now`, quote.status);
        }
        const next = withStatus(quote, 'ACCEPTED', now, {
          acceptance: { at: now, orderId, revision: quote.current.revision },
        });
        return { kind: 'changed', quote: next, events: [accepted(next, orderId)] };
      },
      async (quote) => {
        const placed = await deps.placeOrder(orderBody(quote), QUOTE_ORDER_PLACER, orderKey(quoteId));
        if (placed.orderId !== orderId)
          throw new Error(`quote ${quoteId} placed ${placed.orderId}, not ${orderId}`);
      },
    );
    return { quote, orderId };
  };
}

/** The order exactly as the accepted revision says: its lines at their quoted unit prices. */
export function orderBody(quote: Quote): CreateOrderBody {
  const { terms, pricing } = quote.current;
  return {
    customerId: quote.customerId,
    currency: pricing.currency,
    incoterm: terms.incoterm,
    paymentTerms: terms.paymentTerms,
    lines: pricing.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: formatAmount(line.unitPrice),
    })),
    shippingAddress: terms.shippingAddress,
    ...(terms.buyerPo ? { buyerPo: terms.buyerPo } : {}),
    externalRef: quote.quoteId,
  };
}

function accepted(quote: Quote, orderId: string): DomainEvent {
  const revision = quote.acceptance?.revision ?? quote.current.revision;
  return {
    type: 'QuoteAccepted',
    detail: {
      version: 1,
      changeId: `${quote.quoteId}:QuoteAccepted`,
      occurredAt: quote.acceptance?.at ?? quote.updatedAt,
      quoteId: quote.quoteId,
      ...(quote.inquiryId ? { inquiryId: quote.inquiryId } : {}),
      customerId: quote.customerId,
      revision,
      orderId,
      total: formatAmount(quote.current.pricing.total),
      currency: quote.current.pricing.currency,
    },
  };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
