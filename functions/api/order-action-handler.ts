import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { orderIdParam } from '../../shared/contracts/orders';
import type { Order } from '../../shared/domain/order';
import { apiHandler } from '../../shared/http/api-handler';
import { type Caller, callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { orderView } from '../../shared/http/views';
import { systemClock } from '../../shared/ports/clock';
import type { OrderActionDeps } from '../../shared/use-cases/order-action';
import * as z from '../../shared/zod-mini';

/**
 * The composition root every `POST /orders/{id}/<action>` handler shares (not an entry itself):
 * config, the order action's ports, Idempotency-Key, and the answer (the order as staff see it).
 */
export function orderActionHandler<
  B extends z.core.$ZodType,
  D extends OrderActionDeps = OrderActionDeps,
>(options: {
  scope: string;
  body: B;
  make: (deps: D) => (orderId: string, body: z.output<B>, caller: Caller) => Promise<Order>;
  /** More ports the action needs, beyond every action's (made once, at cold start). */
  more?: (deps: OrderActionDeps) => D;
}) {
  const config = loadConfig(
    z.object({
      ORDERS_TABLE: z.string().check(z.minLength(1)),
      EVENT_BUS_NAME: z.string().check(z.minLength(1)),
      /** Not called by ARN (task tokens name their execution), but its absence means no callback grant. */
      ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
      IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    }),
  );
  const deps: OrderActionDeps = {
    orders: makeDynamoOrderRepository(dynamoDocumentClient(), config.ORDERS_TABLE),
    events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
    callbacks: makeSfnWorkflowCallbacks(new SFNClient({})),
    clock: systemClock,
  };
  const action = options.make(options.more ? options.more(deps) : (deps as D));
  const idempotent = idempotentApi({
    scope: options.scope,
    store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
  });
  return apiHandler(
    idempotent(async (event) => {
      const orderId = pathParam(event, 'id', orderIdParam);
      const order = await action(orderId, parseBody(event, options.body), callerOf(event));
      return json(200, orderView(order));
    }),
  );
}
