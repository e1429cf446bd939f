import type { Storefront } from '../domain/storefront';

export interface StorefrontRepository {
  /** Stores a new storefront; throws ConflictError if the id exists. */
  create(storefront: Storefront): Promise<void>;
  get(storefrontId: string): Promise<Storefront | undefined>;
}

/**
 * The API keys storefronts are metered under (API Gateway's, in the storefronts usage plan, where
 * each key gets the plan's rate and burst to itself). Keys are found by name, so a retry after a
 * crash reuses the key the first attempt made instead of leaving it orphaned.
 */
export interface StorefrontApiKeys {
  /** The key named `name`, made (with `newValue`) and added to the plan if it does not exist yet. */
  ensure(name: string, newValue: () => string): Promise<{ id: string; value: string }>;
}
