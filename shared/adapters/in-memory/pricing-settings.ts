import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../../domain/pricing/pricing-settings';
import type { PricingSettingsStore } from '../../ports/pricing-settings';
import { makeInMemorySettingsItem } from './settings-item';

/** For unit tests: the store's contract (defaults, version condition) on a variable. */
export function makeInMemoryPricingSettings(
  initial?: Omit<PricingSettings, 'version'>,
): PricingSettingsStore {
  return makeInMemorySettingsItem(
    'the pricing settings',
    DEFAULT_PRICING_SETTINGS,
    initial && { ...initial, version: 1 },
  );
}
