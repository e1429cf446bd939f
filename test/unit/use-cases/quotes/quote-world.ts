import { makeBuyerMailer } from '../../../../shared/adapters/buyer-mailer';
import { makeInMemoryCommunicationLog } from '../../../../shared/adapters/in-memory/communications';
import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeInMemoryEmailSuppressionList } from '../../../../shared/adapters/in-memory/email-suppressions';
import { makeInMemoryInquiryRepository } from '../../../../shared/adapters/in-memory/inquiries';
import { makeInMemoryInventoryRepository } from '../../../../shared/adapters/in-memory/inventory';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { makeInMemoryPricingSettings } from '../../../../shared/adapters/in-memory/pricing-settings';
import { makeInMemoryQuoteRepository } from '../../../../shared/adapters/in-memory/quotes';
import {
  makeRecordingMailer,
  makeRecordingPublisher,
  makeRecordingWorkflow,
} from '../../../../shared/adapters/in-memory/side-effects';
import { makeInMemoryTrackingTokens } from '../../../../shared/adapters/in-memory/tracking-tokens';
import type { CreateQuoteBody } from '../../../../shared/contracts/quotes';
import type { Actor } from '../../../../shared/domain/order';
import { DEFAULT_PRICING_SETTINGS } from '../../../../shared/domain/pricing/pricing-settings';
import type { IdPrefix } from '../../../../shared/ids';
import { makePlaceOrder } from '../../../../shared/use-cases/place-order';
import { makeAcceptQuote } from '../../../../shared/use-cases/quotes/accept-quote';
import { makeApproveQuote } from '../../../../shared/use-cases/quotes/approve-quote';
import { makeCreateQuote } from '../../../../shared/use-cases/quotes/create-quote';
import { makeExpireQuotes } from '../../../../shared/use-cases/quotes/expire-quotes';
import { quoteLinks } from '../../../../shared/use-cases/quotes/quote-links';
import { makeReviseQuote } from '../../../../shared/use-cases/quotes/revise-quote';
import { makeSendQuote } from '../../../../shared/use-cases/quotes/send-quote';

export const CUSTOMER_ID = 'cus_01JQUOTE00000000000000000';
export const SALES: Actor = { kind: 'staff', id: 'sam', role: 'sales' };
export const MANAGER: Actor = { kind: 'staff', id: 'meg', role: 'sales-manager' };
export const ADMIN: Actor = { kind: 'staff', id: 'ada', role: 'admin' };
export const TOKEN = 'accept-token-0123456789abcdef';

/** A quote's whole world on in-memory ports, on a clock the test moves. */
export function quoteWorld(start = '2026-03-10T09:00:00.000Z') {
  let now = new Date(start);
  const clock = { now: () => now };
  const quotes = makeInMemoryQuoteRepository();
  const customers = makeInMemoryCustomerRepository([
    {
      customerId: CUSTOMER_ID,
      name: 'Ana Buyer',
      email: 'ana@hamburg-tools.example',
      country: 'DE',
      language: 'en',
      currency: 'EUR',
      paymentTerms: { type: 'TT', depositPercent: 30 },
      createdAt: start,
      updatedAt: start,
      version: 1,
    },
  ]);
  const catalog = makeInMemoryInventoryRepository({
    products: [
      { sku: 'VALVE-DN50', name: 'Ball valve', unitCost: { currency: 'EUR', minor: 700 } },
      { sku: 'PUMP-3KW', name: 'Pump', unitCost: { currency: 'EUR', minor: 54_000 } },
    ],
  });
  const pricing = makeInMemoryPricingSettings({ ...DEFAULT_PRICING_SETTINGS });
  const events = makeRecordingPublisher();
  const sent = makeRecordingMailer();
  const communications = makeInMemoryCommunicationLog();
  const mailer = makeBuyerMailer({
    mailer: sent,
    suppressions: makeInMemoryEmailSuppressionList(),
    communications,
  });
  const orders = makeInMemoryOrderRepository();
  const workflow = makeRecordingWorkflow();
  let ids = 0;
  const newId = (prefix: IdPrefix) => `${prefix}_01JQUOTE${String(++ids).padStart(18, '0')}`;
  const placeOrder = makePlaceOrder({
    orders,
    customers,
    workflow,
    clock,
    newId,
    trackingTokens: makeInMemoryTrackingTokens(),
  });
  const inquiries = makeInMemoryInquiryRepository();
  return {
    quotes,
    orders,
    inquiries,
    customers,
    catalog,
    clock,
    events,
    sent,
    communications,
    workflow,
    pricing,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    createQuote: makeCreateQuote({ quotes, customers, inquiries, catalog, pricing, clock, newId, events }),
    reviseQuote: makeReviseQuote({ quotes, customers, catalog, pricing, clock, events }),
    approveQuote: makeApproveQuote({ quotes, clock }),
    sendQuote: makeSendQuote({
      quotes,
      customers,
      pricing,
      events,
      mailer,
      clock,
      links: quoteLinks('https://api.example.com/v1'),
      newToken: () => TOKEN,
    }),
    acceptQuote: makeAcceptQuote({ quotes, events, clock, placeOrder }),
    expireQuotes: makeExpireQuotes({ quotes, events, clock }),
  };
}

export function quoteBody(overrides: Partial<CreateQuoteBody> = {}): CreateQuoteBody {
  return {
    customerId: CUSTOMER_ID,
    inquiryId: 'inq_01JQUOTE00000000000000000',
    incoterm: { code: 'CIF', place: 'Hamburg' },
    shippingAddress: { name: 'Hamburg Tools GmbH', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
    lines: [{ sku: 'VALVE-DN50', quantity: 200 }],
    ...overrides,
  };
}

export const DAY = 86_400_000;
