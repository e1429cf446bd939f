import { randomBytes } from 'node:crypto';
import type { CreateStorefrontBody } from '../contracts/storefronts';
import type { Actor } from '../domain/order';
import type { Storefront } from '../domain/storefront';
import { ConflictError, IdempotencyKeyReusedError } from '../errors';
import type { IdGenerator } from '../ids';
import type { Clock } from '../ports/clock';
import type { CredentialStore } from '../ports/credentials';
import type { StorefrontApiKeys, StorefrontRepository } from '../ports/storefronts';
import { keyedCreation } from './keyed-creation';

export interface CreateStorefrontDeps {
  storefronts: StorefrontRepository;
  apiKeys: StorefrontApiKeys;
  credentials: CredentialStore;
  clock: Clock;
  newId: IdGenerator;
  /** A new random secret with a readable prefix. */
  newSecret?: (prefix: string) => string;
}

export interface CreatedStorefront {
  storefront: Storefront;
  /** Shown once: only its hash is kept (the credential) besides API Gateway's copy. */
  apiKey: string;
}

const randomSecret = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;

/** The name of a storefront's API Gateway key: found again by it when a creation is retried. */
export const storefrontKeyName = (storefrontId: string) => `tradeflow-storefront-${storefrontId}`;

/**
 * POST /storefronts (admin): a storefront with its API key (in the storefronts usage plan) and its
 * webhook secret. Each step can be repeated: the key is found by name, the credential is put again,
 * and the storefront is stored last, so a retry after a crash anywhere finishes the same storefront
 * (under an Idempotency-Key its id comes from the key) instead of leaving a second key behind.
 */
export function makeCreateStorefront(deps: CreateStorefrontDeps) {
  const newSecret = deps.newSecret ?? randomSecret;
  return async (
    body: CreateStorefrontBody,
    by: Actor,
    idempotencyKey?: string,
  ): Promise<CreatedStorefront> => {
    const keyed = keyedCreation('sf', by, idempotencyKey, body);
    const storefrontId = keyed?.id ?? deps.newId('sf');
    const existing = await deps.storefronts.get(storefrontId);
    if (existing && existing.createdUnder?.requestHash !== keyed?.createdUnder.requestHash) {
      throw new IdempotencyKeyReusedError(
        `the Idempotency-Key ${idempotencyKey} was used for another request; use a new key for a new request`,
      );
    }
    const key = await deps.apiKeys.ensure(storefrontKeyName(storefrontId), () => newSecret('tfk'));
    await deps.credentials.put(key.value, {
      kind: 'storefront',
      id: storefrontId,
      name: body.name,
      usageKey: key.value,
      enabled: true,
    });
    if (existing) return { storefront: existing, apiKey: key.value };

    const storefront: Storefront = {
      storefrontId,
      name: body.name,
      platform: body.platform,
      webhookSecret: body.webhookSecret ?? newSecret('whsec'),
      ...(body.defaultCurrency ? { defaultCurrency: body.defaultCurrency } : {}),
      ...(body.defaultPaymentTerms ? { defaultPaymentTerms: body.defaultPaymentTerms } : {}),
      ...(body.defaultIncoterm ? { defaultIncoterm: body.defaultIncoterm } : {}),
      skuMap: body.skuMap ?? {},
      apiKeyId: key.id,
      createdAt: deps.clock.now().toISOString(),
      createdBy: by,
      ...(keyed ? { createdUnder: keyed.createdUnder } : {}),
    };
    try {
      await deps.storefronts.create(storefront);
      return { storefront, apiKey: key.value };
    } catch (error) {
      // The same request, retried while the first was still running, stored it first.
      if (!(error instanceof ConflictError)) throw error;
      const stored = await deps.storefronts.get(storefrontId);
      if (!stored) throw error;
      return { storefront: stored, apiKey: key.value };
    }
  };
}
