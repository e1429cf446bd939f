import { safeParse } from 'zod/v4/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCompanyDetails } from '../../shared/adapters/dynamodb-company-details';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { makeS3PdfLinks } from '../../shared/adapters/s3-pdf-links';
import { documentsS3Client } from '../../shared/adapters/s3-trade-documents';
import { loadConfig } from '../../shared/config';
import { quoteIdParam, quoteLinkQuery } from '../../shared/contracts/quotes';
import { acceptsPdf } from '../../shared/http/accept';
import { apiHandler } from '../../shared/http/api-handler';
import { systemClock } from '../../shared/ports/clock';
import { quoteNotFound, quotePdf, quoteRedirect, quoteRevised } from '../../shared/quote-page/responses';
import { makeOpenQuoteLink } from '../../shared/use-cases/quotes/open-quote-link';
import { makeQuoteProformaAnswer } from '../../shared/use-cases/quotes/quote-proforma';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    DOCUMENTS_BUCKET: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const customers = makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE);
const openQuoteLink = makeOpenQuoteLink({
  quotes: makeDynamoQuoteRepository(db, config.QUOTES_TABLE),
  customers,
  clock: systemClock,
});
const proforma = makeQuoteProformaAnswer({
  catalog: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  company: makeDynamoCompanyDetails(db, config.SETTINGS_TABLE),
  pdfs: makeS3PdfLinks(documentsS3Client(), config.DOCUMENTS_BUCKET),
});

/**
 * GET /quotes/{id}/proforma?token= (the buyer, by the quote's link): its proforma invoice, kept once
 * per revision; the PDF's bytes to `Accept: application/pdf`, else 302 to a presigned link to it.
 */
export const handler = apiHandler(async (event) => {
  const quoteId = safeParse(quoteIdParam, event.pathParameters?.id);
  const query = safeParse(quoteLinkQuery, event.queryStringParameters ?? {});
  const link =
    quoteId.success && query.success ? await openQuoteLink(quoteId.data, query.data.token) : undefined;
  if (!link) return quoteNotFound();
  if (link.kind === 'revised') return quoteRevised(link.language);
  const answer = await proforma(link.quote, () => customers.get(link.quote.customerId), {
    asBytes: acceptsPdf(event.headers),
  });
  return 'bytes' in answer ? quotePdf(answer.filename, answer.bytes) : quoteRedirect(answer.url);
});
