import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoStaffDirectory } from '../../shared/adapters/dynamodb-staff-directory';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { customerIdParam, updateCustomerBody } from '../../shared/contracts/customer-profile';
import { apiHandler } from '../../shared/http/api-handler';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { customerView } from '../../shared/http/views';
import { systemClock } from '../../shared/ports/clock';
import { makeUpdateCustomerProfile } from '../../shared/use-cases/update-customer-profile';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    STAFF_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const updateCustomer = makeUpdateCustomerProfile({
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
  staff: makeDynamoStaffDirectory(db, config.STAFF_TABLE),
});

/**
 * PATCH /customers/{id} (sales, sales-manager, admin): a conditional change of the profile;
 * CustomerUpdated. A new owner must be an active member of the staff directory.
 */
export const handler = apiHandler(async (event) => {
  const customer = await updateCustomer(
    pathParam(event, 'id', customerIdParam),
    parseBody(event, updateCustomerBody),
  );
  return json(200, customerView(customer));
});
