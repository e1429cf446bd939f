import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { loadConfig } from '../../shared/config';
import { WAIT_KINDS } from '../../shared/domain/order';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeEscalateWait } from '../../shared/use-cases/escalate-wait';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ ORDERS_TABLE: z.string().check(z.minLength(1)) }));
const escalateWait = makeEscalateWait({
  orders: makeDynamoOrderRepository(dynamoDocumentClient(), config.ORDERS_TABLE),
});

const input = z.object({ orderId: z.string().check(z.minLength(1)), wait: z.enum(WAIT_KINDS) });

/** A wait's timeout, the backstop: re-enters the wait (the escalation sweep raises the levels). */
export const handler = stepHandler(input, ({ orderId, wait }) => escalateWait(orderId, wait));
