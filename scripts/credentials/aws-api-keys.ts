import {
  type APIGatewayClient,
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeyCommand,
} from '@aws-sdk/client-api-gateway';
import type { ApiKeys } from './ports';

/** The ApiKeys port on API Gateway. */
export function makeApiGatewayKeys(client: APIGatewayClient): ApiKeys {
  return {
    async create({ name, value, description }) {
      const key = await client.send(new CreateApiKeyCommand({ name, value, description, enabled: true }));
      if (!key.id) throw new Error(`API Gateway answered no id for the new key ${name}`);
      return { id: key.id };
    },

    async findByName(name) {
      // nameQuery also matches longer names, so keep only the exact one; a page holds at most 500.
      let position: string | undefined;
      do {
        const page = await client.send(
          new GetApiKeysCommand({ nameQuery: name, includeValues: true, limit: 500, position }),
        );
        const key = page.items?.find((item) => item.name === name);
        if (key?.id && key.value) return { id: key.id, value: key.value, enabled: key.enabled ?? false };
        position = page.position;
      } while (position);
      return undefined;
    },

    async inUsagePlan(keyId, usagePlanId) {
      try {
        await client.send(new GetUsagePlanKeyCommand({ usagePlanId, keyId }));
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === 'NotFoundException') return false;
        throw error;
      }
    },

    async addToUsagePlan(keyId, usagePlanId) {
      await client.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId, keyType: 'API_KEY' }));
    },
  };
}
