import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../../domain/pricing/pricing-settings';
import { ConflictError } from '../../errors';
import type { PricingSettingsStore } from '../../ports/pricing-settings';

/** For unit tests: the store's contract (defaults, version condition) on a variable. */
export function makeInMemoryPricingSettings(initial?: Omit<PricingSettings, 'version'>) {
  let stored: PricingSettings | undefined = initial && { ...initial, version: 1 };
  const store: PricingSettingsStore = {
    async get() {
      return structuredClone(stored ?? DEFAULT_PRICING_SETTINGS);
    },
    async put(settings) {
      if ((stored?.version ?? 0) !== settings.version - 1) {
        throw new ConflictError(
          `the pricing settings changed since version ${settings.version - 1} was read`,
        );
      }
      stored = structuredClone(settings);
    },
  };
  return store;
}
