import { safeParse } from 'zod/v4/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCompanyDetails } from '../../shared/adapters/dynamodb-company-details';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { loadConfig } from '../../shared/config';
import { quoteIdParam, quoteLinkQuery } from '../../shared/contracts/quotes';
import { apiHandler } from '../../shared/http/api-handler';
import { systemClock } from '../../shared/ports/clock';
import { quoteNotFound, quotePdf, quoteRevised } from '../../shared/quote-page/responses';
import { makeOpenQuoteLink } from '../../shared/use-cases/quotes/open-quote-link';
import { makeRenderQuoteProforma } from '../../shared/use-cases/quotes/quote-proforma';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const customers = makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE);
const openQuoteLink = makeOpenQuoteLink({
  quotes: makeDynamoQuoteRepository(db, config.QUOTES_TABLE),
  customers,
  clock: systemClock,
});
const renderProforma = makeRenderQuoteProforma({
  catalog: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  company: makeDynamoCompanyDetails(db, config.SETTINGS_TABLE),
});

/** GET /quotes/{id}/proforma?token= (the buyer, by the quote's link): its proforma invoice as a PDF. */
export const handler = apiHandler(async (event) => {
  const quoteId = safeParse(quoteIdParam, event.pathParameters?.id);
  const query = safeParse(quoteLinkQuery, event.queryStringParameters ?? {});
  const link =
    quoteId.success && query.success ? await openQuoteLink(quoteId.data, query.data.token) : undefined;
  if (!link) return quoteNotFound();
  if (link.kind === 'revised') return quoteRevised(link.language);
  const { filename, bytes } = await renderProforma(link.quote, await customers.get(link.quote.customerId));
  return quotePdf(filename, bytes);
});
