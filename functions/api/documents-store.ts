import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { documentsS3Client, makeS3TradeDocumentStore } from '../../shared/adapters/s3-trade-documents';
import { loadConfig } from '../../shared/config';
import * as z from '../../shared/zod-mini';

/** The ports the documents' read routes share (not an entry itself): the orders and the bucket. */
export function documentReaders() {
  const config = loadConfig(
    z.object({
      ORDERS_TABLE: z.string().check(z.minLength(1)),
      DOCUMENTS_BUCKET: z.string().check(z.minLength(1)),
    }),
  );
  return {
    orders: makeDynamoOrderRepository(dynamoDocumentClient(), config.ORDERS_TABLE),
    documents: makeS3TradeDocumentStore(documentsS3Client(), config.DOCUMENTS_BUCKET),
  };
}
