import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { makeDynamoBankTransactionStore } from '../../shared/adapters/dynamodb-bank-transactions';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoReceivableReader } from '../../shared/adapters/dynamodb-receivables';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { dynamoIdempotencyStore } from '../../shared/http/idempotency';
import { systemClock } from '../../shared/ports/clock';
import type { BankReconciliationDeps } from '../../shared/use-cases/finance/bank-reconciliation-deps';
import { toleranceFrom } from '../../shared/use-cases/finance/tolerance-setting';
import * as z from '../../shared/zod-mini';

/**
 * The composition root the bank-reconciliation handlers share (not an entry itself): its own store,
 * the open receivables, customers, and the payment path's ports (orders, bus, workflow callbacks).
 */
export function bankReconciliationRoot() {
  const config = loadConfig(
    z.object({
      FINANCE_TABLE: z.string().check(z.minLength(1)),
      ORDERS_TABLE: z.string().check(z.minLength(1)),
      CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
      EVENT_BUS_NAME: z.string().check(z.minLength(1)),
      /** Not called by ARN (task tokens name their execution), but its absence means no callback grant. */
      ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
      IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
      RECONCILE_TOLERANCE_BASIS_POINTS: z._default(z.string().check(z.regex(/^\d{1,4}$/)), '0'),
      RECONCILE_TOLERANCE_ABSOLUTE: z._default(z.string(), ''),
    }),
  );
  const db = dynamoDocumentClient();
  const deps: BankReconciliationDeps = {
    transactions: makeDynamoBankTransactionStore(db, config.FINANCE_TABLE),
    receivables: makeDynamoReceivableReader(db, config.ORDERS_TABLE),
    customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
    orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
    events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
    callbacks: makeSfnWorkflowCallbacks(new SFNClient({})),
    clock: systemClock,
    tolerance: toleranceFrom(config.RECONCILE_TOLERANCE_BASIS_POINTS, config.RECONCILE_TOLERANCE_ABSOLUTE),
  };
  return { deps, idempotencyStore: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE) };
}
