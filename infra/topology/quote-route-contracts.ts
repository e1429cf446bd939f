import { pricingSettingsResponse, putPricingSettingsBody } from '../../shared/contracts/pricing-settings';
import {
  acceptQuoteBody,
  approveQuoteBody,
  createQuoteBody,
  listQuotesQuery,
  quoteIdParam,
  quoteLinkQuery,
  reviseQuoteBody,
  sendQuoteBody,
} from '../../shared/contracts/quotes';
import * as z from '../../shared/zod-mini';
import type { RouteContract } from './route-contracts';

/** The quotes' routes (infra/topology/quotes.ts) for the OpenAPI document: spread into routeContracts. */

const money = z.object({ amount: z.string(), currency: z.string() });
/** The quote as staff see it (shared/http/quote-views.ts): described loosely, its figures as money. */
const quoteResponse = z.looseObject({
  quoteId: z.string(),
  customerId: z.string(),
  inquiryId: z.optional(z.string()),
  status: z.string(),
  revision: z.number(),
  currency: z.string(),
  total: money,
  lines: z.array(z.looseObject({ sku: z.string(), quantity: z.number(), unitPrice: money, amount: money })),
  changes: z.array(z.string()),
  validUntil: z.optional(z.string()),
  history: z.array(z.looseObject({ revision: z.number(), status: z.string(), total: money })),
});
const quotePage = z.object({
  items: z.array(z.looseObject({ quoteId: z.string(), status: z.string(), total: money })),
  nextToken: z.optional(z.string()),
});
const acceptedResponse = z.object({
  quoteId: z.string(),
  status: z.string(),
  revision: z.number(),
  total: money,
  orderId: z.string(),
});

const id = { id: quoteIdParam };
const noQuote = { 404: 'No quote with this id' };
const theQuote = { description: 'The quote, after the action', body: quoteResponse };

export const quoteRouteContracts: Record<string, RouteContract> = {
  'POST /quotes': {
    summary: 'Create a quote',
    description:
      'Priced by the pricing settings: cost at the target margin, volume tiers, the customer price list, ' +
      'Incoterm adders by destination zone, currency conversion (the rate and its date shown), rounding. A ' +
      'line below the margin floor makes it PENDING_APPROVAL. From an inquiry (`inquiryId`) or on its own.',
    tag: 'Quotes',
    body: createQuoteBody,
    idempotent: true,
    responses: { 201: { ...theQuote, description: 'The quote, v1', headers: { Location: 'The quote' } } },
    example: {
      customerId: 'cus_01JD0000000000000000000001',
      inquiryId: 'inq_01JD0000000000000000000001',
      currency: 'EUR',
      incoterm: { code: 'CIF', place: 'Hamburg' },
      shippingAddress: { name: 'Hamburg Tools GmbH', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      template: 'standard',
      lines: [
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'PUMP-3KW', quantity: 4, unitPrice: '820.00' },
      ],
    },
  },
  'GET /quotes': {
    summary: 'List quotes',
    description: 'By customer, by status, or both; newest first, a page at a time.',
    tag: 'Quotes',
    query: listQuotesQuery,
    responses: { 200: { description: 'A page of quotes', body: quotePage } },
  },
  'GET /quotes/{id}': {
    summary: 'Read a quote',
    description:
      'The current revision with its pricing (costs, margins, adders, rates) and the history of revisions.',
    tag: 'Quotes',
    pathParams: id,
    responses: { 200: { description: 'The quote', body: quoteResponse } },
    problems: noQuote,
  },
  'POST /quotes/{id}/revisions': {
    summary: 'Revise a quote',
    description:
      "The next revision (v2, v3…): the terms given replace the current ones, repriced at today's settings " +
      'and rates; `changes` says what changed. The revision replaced is superseded (its link stops working).',
    tag: 'Quotes',
    pathParams: id,
    body: reviseQuoteBody,
    idempotent: true,
    responses: { 201: { ...theQuote, description: 'The quote at its new revision' } },
    problems: { ...noQuote, 409: 'The quote is ACCEPTED' },
    example: { lines: [{ sku: 'VALVE-DN50', quantity: 500 }], reason: 'The buyer doubled the volume' },
  },
  'POST /quotes/{id}/approve': {
    summary: 'Approve a quote below the margin floor',
    description:
      'A sales manager (role `sales-manager`; admin may too) approves the revision reviewed, whose lines ' +
      'below the margin floor held it; the quote can then be sent. Sales may not (403).',
    tag: 'Quotes',
    pathParams: id,
    body: approveQuoteBody,
    idempotent: true,
    responses: { 200: theQuote },
    problems: { ...noQuote, 409: 'Not awaiting approval, or a newer revision than the one reviewed' },
    example: { revision: 1, note: 'Strategic account' },
  },
  'POST /quotes/{id}/send': {
    summary: 'Send a quote to the buyer',
    description:
      'Emails the buyer the quote with an acceptance link, starts its validity, announces QuoteSent. ' +
      'Sending a SENT quote again resends it with a new link and the same validity.',
    tag: 'Quotes',
    pathParams: id,
    body: sendQuoteBody,
    idempotent: true,
    responses: { 200: theQuote },
    problems: { ...noQuote, 409: 'Awaiting approval, expired or accepted' },
    example: { message: 'Thank you for your inquiry; our offer follows.' },
  },
  'POST /quotes/{id}/accept': {
    summary: 'Accept a quote (the buyer)',
    description:
      "With the acceptance link's token: the order is placed and its workflow starts. JSON gets JSON; the " +
      "acceptance page's form (`application/x-www-form-urlencoded`, `token=`) gets a page. Idempotent: " +
      'accepting again answers the same order. A wrong token is a 404 and changes nothing.',
    tag: 'Quotes',
    pathParams: id,
    body: acceptQuoteBody,
    // An open route (a link) has no authorizer or request model in front: the handler checks the body.
    gatewayValidation: false,
    responses: { 200: { description: 'Accepted; the order placed', body: acceptedResponse } },
    problems: { 404: 'No quote for this link', 409: 'The quote expired (or is not open for acceptance)' },
    example: { token: 'b6W1y3c0rQ9mS2kq7vZx4A' },
  },
  'GET /quotes/{id}/accept': {
    summary: "A quote's page for the buyer",
    description:
      "The page the quote email's acceptance link opens (text/html), in the customer's language: the lines, " +
      'prices, Incoterm, validity and terms (never costs, margins or approvals), a link to the proforma PDF, and ' +
      'an "Accept" form that POSTs the token (urlencoded) to this path and answers with a page. No credential: ' +
      "the token is the key. A link that opens nothing is a 404 page; a superseded revision's link is a 404 " +
      'page that says the quote was revised.',
    tag: 'Quotes',
    pathParams: id,
    query: quoteLinkQuery,
    responses: { 200: { description: 'The page (text/html)' } },
    problems: { 404: 'No quote for this link (or its revision was superseded)' },
  },
  'GET /quotes/{id}/proforma': {
    summary: "A quote's proforma invoice (the buyer)",
    description:
      "The proforma invoice of the quote's current revision as a PDF (application/pdf), by the acceptance " +
      "link's token: the lines at their quoted prices, Incoterm, validity, payment terms, the exporter's details.",
    tag: 'Quotes',
    pathParams: id,
    query: quoteLinkQuery,
    responses: { 200: { description: 'The PDF (application/pdf)' } },
    problems: { 404: 'No quote for this link (or its revision was superseded)' },
  },
  'GET /settings/pricing': {
    summary: 'Read the pricing settings',
    description:
      'Margins, volume tiers, price lists, zones and Incoterm adders, exchange rates, rounding, templates.',
    tag: 'Settings',
    responses: {
      200: { description: 'The settings (version 0: the defaults)', body: pricingSettingsResponse },
    },
  },
  'PUT /settings/pricing': {
    summary: 'Change the pricing settings',
    description:
      'Replaces the settings (a part left out is its default) as the next version of `version`; if another ' +
      'change came first, 409. Quotes priced afterwards use them; quotes already priced keep their figures.',
    tag: 'Settings',
    body: putPricingSettingsBody,
    responses: { 200: { description: 'The settings as stored', body: pricingSettingsResponse } },
    problems: { 409: 'The settings changed since `version` was read' },
    example: {
      version: 0,
      targetMarginPercent: 32,
      marginFloorPercent: 18,
      volumeTiers: [
        { minQuantity: 100, discountPercent: 2 },
        { minQuantity: 1000, discountPercent: 6 },
      ],
      priceLists: { cus_01JD0000000000000000000001: { 'VALVE-DN50': { discountPercent: 5 } } },
      rounding: { CHF: { increment: '0.05' }, USD: { ending: '0.99' } },
    },
  },
};
