import {
  DEFAULT_EXCHANGE_RATE_SETTINGS,
  type ExchangeRateSettings,
} from '../../domain/exchange-rate-settings';
import { ConflictError } from '../../errors';
import type { ExchangeRateSettingsStore } from '../../ports/exchange-rate-settings';

/** For unit tests: the versioned settings item in memory. */
export function makeInMemoryExchangeRateSettings(initial?: ExchangeRateSettings) {
  let stored = initial ? structuredClone(initial) : undefined;
  const store: ExchangeRateSettingsStore = {
    async get() {
      return structuredClone(stored ?? DEFAULT_EXCHANGE_RATE_SETTINGS);
    },
    async put(settings) {
      if ((stored?.version ?? 0) !== settings.version - 1) {
        throw new ConflictError(`the exchange rates changed since version ${settings.version - 1} was read`);
      }
      stored = structuredClone(settings);
    },
  };
  return store;
}
