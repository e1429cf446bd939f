import { safeParse } from 'zod/v4/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { loadConfig } from '../../shared/config';
import { quoteIdParam, quoteLinkQuery } from '../../shared/contracts/quotes';
import { buyerQuoteView } from '../../shared/email/quotes/buyer-quote-view';
import { apiHandler } from '../../shared/http/api-handler';
import { systemClock } from '../../shared/ports/clock';
import { renderQuotePage } from '../../shared/quote-page/render-quote-page';
import { quoteHtml, quoteNotFound, quoteRevised } from '../../shared/quote-page/responses';
import { makeOpenQuoteLink } from '../../shared/use-cases/quotes/open-quote-link';
import { proformaUrlFromPage } from '../../shared/use-cases/quotes/quote-links';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const openQuoteLink = makeOpenQuoteLink({
  quotes: makeDynamoQuoteRepository(db, config.QUOTES_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  clock: systemClock,
});

/**
 * GET /quotes/{id}/accept?token= (the buyer, by the link in the quote email: no key, no login): the
 * quote as the buyer may see it, in the customer's language, with an "Accept" form POSTing the token
 * to the same path. Links relative to the page, so the function needs no API URL.
 */
export const handler = apiHandler(async (event) => {
  const quoteId = safeParse(quoteIdParam, event.pathParameters?.id);
  const query = safeParse(quoteLinkQuery, event.queryStringParameters ?? {});
  const token = query.success ? query.data.token : undefined;
  const link = quoteId.success ? await openQuoteLink(quoteId.data, token) : undefined;
  if (!link || !token) return quoteNotFound();
  if (link.kind === 'revised') return quoteRevised(link.language);
  const html = renderQuotePage(buyerQuoteView(link.quote), link.language, {
    acceptAction: 'accept',
    proformaUrl: proformaUrlFromPage(token),
    token,
    state: link.state,
    ...(link.quote.acceptance ? { orderId: link.quote.acceptance.orderId } : {}),
  });
  return quoteHtml(200, html);
});
