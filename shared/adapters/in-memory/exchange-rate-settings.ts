import {
  DEFAULT_EXCHANGE_RATE_SETTINGS,
  type ExchangeRateSettings,
} from '../../domain/exchange-rate-settings';
import type { ExchangeRateSettingsStore } from '../../ports/exchange-rate-settings';
import { makeInMemorySettingsItem } from './settings-item';

/** For unit tests: the versioned settings item in memory. */
export function makeInMemoryExchangeRateSettings(initial?: ExchangeRateSettings): ExchangeRateSettingsStore {
  return makeInMemorySettingsItem('the exchange rates', DEFAULT_EXCHANGE_RATE_SETTINGS, initial);
}
