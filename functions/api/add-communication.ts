import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCommunicationLog } from '../../shared/adapters/dynamodb-communications';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { loadConfig } from '../../shared/config';
import { addCommunicationBody, customerIdParam } from '../../shared/contracts/customer-profile';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeAddCommunication } from '../../shared/use-cases/customer-communications';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const addCommunication = makeAddCommunication({
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  communications: makeDynamoCommunicationLog(db, config.CUSTOMERS_TABLE),
  clock: systemClock,
});

const idempotent = idempotentApi({
  scope: 'add-communication',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /customers/{id}/communications (staff): a note or a call in the customer's history. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const entry = await addCommunication(
      pathParam(event, 'id', customerIdParam),
      parseBody(event, addCommunicationBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, entry);
  }),
);
