import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoStorefrontRepository } from '../../shared/adapters/dynamodb-storefronts';
import { loadConfig } from '../../shared/config';
import { storefrontIdParam } from '../../shared/contracts/storefronts';
import { NotFoundError } from '../../shared/errors';
import { apiHandler } from '../../shared/http/api-handler';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { storefrontView } from '../../shared/http/storefront-views';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ ACCESS_TABLE: z.string().check(z.minLength(1)) }));
const storefronts = makeDynamoStorefrontRepository(dynamoDocumentClient(), config.ACCESS_TABLE);

/** GET /storefronts/{id} (admin): its settings, without its secrets. */
export const handler = apiHandler(async (event) => {
  const storefrontId = pathParam(event, 'id', storefrontIdParam);
  const storefront = await storefronts.get(storefrontId);
  if (!storefront) throw new NotFoundError(`storefront ${storefrontId} not found`);
  return json(200, storefrontView(storefront));
});
