import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { loadConfig } from '../../shared/config';
import { createCustomerBody } from '../../shared/contracts/customers';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { customerView } from '../../shared/http/views';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { makeCreateCustomer } from '../../shared/use-cases/create-customer';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const createCustomer = makeCreateCustomer({
  customers: makeDynamoCustomerRepository(dynamoDocumentClient(), config.CUSTOMERS_TABLE),
  clock: systemClock,
  newId,
});

const idempotent = idempotentApi({
  scope: 'create-customer',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

export const handler = apiHandler(
  idempotent(async (event) => {
    const customer = await createCustomer(
      parseBody(event, createCustomerBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, customerView(customer));
  }),
);
