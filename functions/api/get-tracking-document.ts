import { safeParse } from 'zod/v4/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoTrackingTokens } from '../../shared/adapters/dynamodb-tracking-tokens';
import { makeS3PdfLinks } from '../../shared/adapters/s3-pdf-links';
import { documentsS3Client, makeS3TradeDocumentStore } from '../../shared/adapters/s3-trade-documents';
import { loadConfig } from '../../shared/config';
import {
  buyerDocumentKindParam,
  trackingDocumentQuery,
  trackingTokenParam,
} from '../../shared/contracts/tracking-page';
import { acceptsPdf } from '../../shared/http/accept';
import { apiHandler } from '../../shared/http/api-handler';
import {
  trackingNotFound,
  trackingPdf,
  trackingRedirect,
  wantsJson,
} from '../../shared/tracking-page/responses';
import { makeGetTrackingDocument } from '../../shared/use-cases/get-tracking-document';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    DOCUMENTS_BUCKET: z.string().check(z.minLength(1)),
  }),
);
const s3 = documentsS3Client();
const getTrackingDocument = makeGetTrackingDocument({
  tokens: makeDynamoTrackingTokens(dynamoDocumentClient(), config.ORDERS_TABLE),
  documents: makeS3TradeDocumentStore(s3, config.DOCUMENTS_BUCKET),
  links: makeS3PdfLinks(s3, config.DOCUMENTS_BUCKET),
});

/**
 * GET /track/{token}/documents/{kind}: the newest PDF of a buyer document of the token's order; its
 * bytes to `Accept: application/pdf`, else (a browser following the page's link) 302 to a presigned link.
 */
export const handler = apiHandler(async (event) => {
  const token = safeParse(trackingTokenParam, event.pathParameters?.token);
  const kind = safeParse(buyerDocumentKindParam, event.pathParameters?.kind);
  // A query that does not fit opens nothing, like a bad token: the same 404, never a 400 that tells them apart.
  const query = safeParse(trackingDocumentQuery, event.queryStringParameters ?? {});
  const asBytes = acceptsPdf(event.headers);
  const document =
    token.success && kind.success && query.success
      ? await getTrackingDocument(token.data, kind.data, { asBytes }, query.data.shipment)
      : undefined;
  if (!document) return trackingNotFound(wantsJson(event.headers));
  return 'bytes' in document
    ? trackingPdf(document.filename, document.bytes)
    : trackingRedirect(document.url);
});
