import type { Storefront } from '../domain/storefront';

/** Where a storefront's shop sends its order webhooks (relative to the API's base URL). */
export function webhookPath(storefront: Storefront): string | undefined {
  return storefront.platform === 'custom'
    ? undefined
    : `/webhooks/${storefront.platform}/${storefront.storefrontId}`;
}

/** A storefront as staff read it: its settings, never its secrets. */
export function storefrontView(storefront: Storefront) {
  const {
    webhookSecret: _secret,
    createdUnder: _createdUnder,
    apiKeyId: _apiKeyId,
    ...settings
  } = storefront;
  const path = webhookPath(storefront);
  return { ...settings, ...(path ? { webhookPath: path } : {}) };
}

/** The answer to its creation: the only time the API key and webhook secret are shown. */
export function createdStorefrontView(storefront: Storefront, apiKey: string) {
  return { ...storefrontView(storefront), apiKey, webhookSecret: storefront.webhookSecret };
}
