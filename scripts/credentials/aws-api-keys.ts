import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { addToPlan, createKey, findKey, inPlan } from '../../shared/adapters/api-gateway-storefront-keys';
import type { ApiKeys } from './ports';

/** The ApiKeys port on API Gateway (the same calls the create-storefront function makes). */
export function makeApiGatewayKeys(client: APIGatewayClient): ApiKeys {
  return {
    async create({ name, value, description }) {
      const { id } = await createKey(client, name, value, description);
      return { id };
    },
    findByName: (name) => findKey(client, name),
    inUsagePlan: (keyId, usagePlanId) => inPlan(client, usagePlanId, keyId),
    addToUsagePlan: (keyId, usagePlanId) => addToPlan(client, usagePlanId, keyId),
  };
}
