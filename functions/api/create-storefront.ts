import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { makeApiGatewayStorefrontKeys } from '../../shared/adapters/api-gateway-storefront-keys';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCredentialStore } from '../../shared/adapters/dynamodb-credentials';
import { makeDynamoStorefrontRepository } from '../../shared/adapters/dynamodb-storefronts';
import { loadConfig } from '../../shared/config';
import { createStorefrontBody } from '../../shared/contracts/storefronts';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { createdStorefrontView } from '../../shared/http/storefront-views';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { makeCreateStorefront } from '../../shared/use-cases/create-storefront';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ACCESS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    STOREFRONTS_USAGE_PLAN: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const createStorefront = makeCreateStorefront({
  storefronts: makeDynamoStorefrontRepository(db, config.ACCESS_TABLE),
  apiKeys: makeApiGatewayStorefrontKeys(new APIGatewayClient({}), config.STOREFRONTS_USAGE_PLAN),
  credentials: makeDynamoCredentialStore(db, config.ACCESS_TABLE),
  clock: systemClock,
  newId,
});

const idempotent = idempotentApi({
  scope: 'create-storefront',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /storefronts (admin): a storefront, its API key and its webhook secret (shown once). */
export const handler = apiHandler(
  idempotent(async (event) => {
    const { storefront, apiKey } = await createStorefront(
      parseBody(event, createStorefrontBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, createdStorefrontView(storefront, apiKey));
  }),
);
