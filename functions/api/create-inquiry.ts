import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCommunicationLog } from '../../shared/adapters/dynamodb-communications';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { makeDynamoInquiryRepository } from '../../shared/adapters/dynamodb-inquiries';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { createInquiryBody } from '../../shared/contracts/inquiries';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { inquiryView } from '../../shared/http/inquiry-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { makeCreateCustomer } from '../../shared/use-cases/create-customer';
import { makeCreateInquiry } from '../../shared/use-cases/inquiries/create-inquiry';
import { makeFindOrCreateBuyer } from '../../shared/use-cases/inquiries/find-or-create-buyer';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INQUIRIES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    /** Local demos run SLA clocks faster; absent on AWS. */
    TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  }),
);
const db = dynamoDocumentClient();
const customers = makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE);
const createInquiry = makeCreateInquiry({
  inquiries: makeDynamoInquiryRepository(db, config.INQUIRIES_TABLE),
  customers,
  findOrCreateBuyer: makeFindOrCreateBuyer({
    customers,
    createCustomer: makeCreateCustomer({ customers, clock: systemClock, newId }),
  }),
  communications: makeDynamoCommunicationLog(db, config.CUSTOMERS_TABLE),
  settings: makeDynamoEscalationSettings(db, config.SETTINGS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
  newId,
  timeScale: config.TRADEFLOW_TIME_SCALE,
});

const idempotent = idempotentApi({
  scope: 'create-inquiry',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /inquiries (a storefront's form, or sales/admin): the inquiry, OPEN, its first reply due. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const inquiry = await createInquiry(
      parseBody(event, createInquiryBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, inquiryView(inquiry), { Location: `/inquiries/${inquiry.inquiryId}` });
  }),
);
