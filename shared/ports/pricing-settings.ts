import type { PricingSettings } from '../domain/pricing/pricing-settings';

export interface PricingSettingsStore {
  /** The stored settings, or the defaults (version 0) when none are stored. */
  get(): Promise<PricingSettings>;
  /**
   * Stores `settings` as version `settings.version` if the stored one is `settings.version - 1`
   * (none stored for version 1); else throws ConflictError.
   */
  put(settings: PricingSettings): Promise<void>;
}
