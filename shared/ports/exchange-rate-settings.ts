import type { ExchangeRateSettings } from '../domain/exchange-rate-settings';

export interface ExchangeRateSettingsStore {
  /** The stored settings, or the defaults (version 0) when none are stored. */
  get(): Promise<ExchangeRateSettings>;
  /** Stores version `settings.version` if the stored one is `settings.version - 1`; else ConflictError. */
  put(settings: ExchangeRateSettings): Promise<void>;
}
