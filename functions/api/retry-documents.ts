import { SFNClient } from '@aws-sdk/client-sfn';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { orderIdParam } from '../../shared/contracts/orders';
import { apiHandler } from '../../shared/http/api-handler';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { issuingFromEnvironment } from '../../shared/use-cases/documents/issuing-wiring';
import { makeRetryDocuments } from '../../shared/use-cases/documents/retry-documents';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    /** Not called by ARN (task tokens name their execution), but its absence means no callback grant. */
    ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
  }),
);
const { orders, issue } = issuingFromEnvironment();
const retry = makeRetryDocuments({ orders, issue, callbacks: makeSfnWorkflowCallbacks(new SFNClient({})) });
const idempotent = idempotentApi({
  scope: 'retry-documents',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /orders/{id}/documents/retry (sales): checks the held documents again and issues them. */
export const handler = apiHandler(
  idempotent(async (event) => json(200, await retry(pathParam(event, 'id', orderIdParam)))),
);
