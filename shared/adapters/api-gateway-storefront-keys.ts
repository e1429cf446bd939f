import {
  type APIGatewayClient,
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeyCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import type { StorefrontApiKeys } from '../ports/storefronts';

/**
 * Storefront keys on API Gateway, in the usage plan named `usagePlanName`. The plan is found by name
 * at first use: its id cannot be given to the function at deploy time (the plan hangs off the API's
 * stage, which depends on this very function's integration).
 */
export function makeApiGatewayStorefrontKeys(
  client: APIGatewayClient,
  usagePlanName: string,
): StorefrontApiKeys {
  let planId: Promise<string> | undefined;
  const usagePlanId = () => {
    planId ??= findPlan(client, usagePlanName).catch((error) => {
      planId = undefined;
      throw error;
    });
    return planId;
  };

  return {
    async ensure(name, newValue) {
      const plan = await usagePlanId();
      const found = await findKey(client, name);
      const key = found ? { id: found.id, value: found.value } : await createKey(client, name, newValue());
      if (!(await inPlan(client, plan, key.id))) {
        await client.send(
          new CreateUsagePlanKeyCommand({ usagePlanId: plan, keyId: key.id, keyType: 'API_KEY' }),
        );
      }
      return key;
    },
  };
}

async function findPlan(client: APIGatewayClient, name: string): Promise<string> {
  let position: string | undefined;
  do {
    const page = await client.send(new GetUsagePlansCommand({ limit: 500, position }));
    const plan = page.items?.find((item) => item.name === name);
    if (plan?.id) return plan.id;
    position = page.position;
  } while (position);
  throw new Error(`no API Gateway usage plan named ${name}`);
}

/** The key with exactly this name (with its value and whether it is enabled), if any. */
export async function findKey(client: APIGatewayClient, name: string) {
  // nameQuery matches by prefix, so keep only the exact name.
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
}

/** A new enabled key with this name and value. */
export async function createKey(
  client: APIGatewayClient,
  name: string,
  value: string,
  description = 'tradeflow storefront',
) {
  const key = await client.send(new CreateApiKeyCommand({ name, value, enabled: true, description }));
  if (!key.id) throw new Error(`API Gateway answered no id for the new key ${name}`);
  return { id: key.id, value };
}

/** Whether the key is in the usage plan. */
export async function inPlan(client: APIGatewayClient, usagePlanId: string, keyId: string): Promise<boolean> {
  try {
    await client.send(new GetUsagePlanKeyCommand({ usagePlanId, keyId }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'NotFoundException') return false;
    throw error;
  }
}

export async function addToPlan(client: APIGatewayClient, usagePlanId: string, keyId: string): Promise<void> {
  await client.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId, keyType: 'API_KEY' }));
}
