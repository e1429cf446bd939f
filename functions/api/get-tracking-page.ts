import { safeParse } from 'zod/v4/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoTrackingTokens } from '../../shared/adapters/dynamodb-tracking-tokens';
import { documentsS3Client, makeS3TradeDocumentStore } from '../../shared/adapters/s3-trade-documents';
import { loadConfig } from '../../shared/config';
import { trackingTokenParam } from '../../shared/contracts/tracking-page';
import { apiHandler } from '../../shared/http/api-handler';
import { documentUrlFromPage } from '../../shared/tracking-page/links';
import { renderTrackingPage } from '../../shared/tracking-page/render-page';
import {
  trackingHtml,
  trackingJson,
  trackingNotFound,
  wantsJson,
} from '../../shared/tracking-page/responses';
import { makeGetTrackingPage } from '../../shared/use-cases/get-tracking-page';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    DOCUMENTS_BUCKET: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const getTrackingPage = makeGetTrackingPage({
  tokens: makeDynamoTrackingTokens(db, config.ORDERS_TABLE),
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  documents: makeS3TradeDocumentStore(documentsS3Client(), config.DOCUMENTS_BUCKET),
  documentUrl: documentUrlFromPage,
});

/** GET /track/{token}: a buyer's tracking page (no login: the token is the key), HTML or JSON. */
export const handler = apiHandler(async (event) => {
  const asJson = wantsJson(event.headers);
  const token = safeParse(trackingTokenParam, event.pathParameters?.token);
  const page = token.success ? await getTrackingPage(token.data) : undefined;
  if (!page) return trackingNotFound(asJson);
  return asJson
    ? trackingJson(200, page.view)
    : trackingHtml(200, renderTrackingPage(page.view, page.language));
});
