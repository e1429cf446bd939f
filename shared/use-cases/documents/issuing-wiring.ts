import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../adapters/dynamodb-client';
import { makeDynamoCompanyDetails } from '../../adapters/dynamodb-company-details';
import { makeDynamoCustomerRepository } from '../../adapters/dynamodb-customers';
import { makeDynamoDocumentNumbers } from '../../adapters/dynamodb-document-numbers';
import { makeDynamoInventoryRepository } from '../../adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../adapters/eventbridge-publisher';
import { documentsS3Client, makeS3TradeDocumentStore } from '../../adapters/s3-trade-documents';
import { loadConfig } from '../../config';
import { systemClock } from '../../ports/clock';
import * as z from '../../zod-mini';
import { makeIssueDocuments } from './issue-documents';

/**
 * The real ports of document issuing, from the environment (the issue-documents step and the retry
 * API share them; each is a composition root that calls this once at cold start).
 */
export function issuingFromEnvironment() {
  const config = loadConfig(
    z.object({
      ORDERS_TABLE: z.string().check(z.minLength(1)),
      CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
      INVENTORY_TABLE: z.string().check(z.minLength(1)),
      SETTINGS_TABLE: z.string().check(z.minLength(1)),
      DOCUMENTS_BUCKET: z.string().check(z.minLength(1)),
      EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    }),
  );
  const db = dynamoDocumentClient();
  const orders = makeDynamoOrderRepository(db, config.ORDERS_TABLE);
  const issue = makeIssueDocuments({
    orders,
    customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
    inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
    company: makeDynamoCompanyDetails(db, config.SETTINGS_TABLE),
    numbers: makeDynamoDocumentNumbers(db, config.SETTINGS_TABLE),
    documents: makeS3TradeDocumentStore(documentsS3Client(), config.DOCUMENTS_BUCKET),
    events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
    clock: systemClock,
  });
  return { orders, issue };
}
