import type { ExchangeRate } from './exchange-rates';

/**
 * The team's reporting currency and its dated exchange rates (exchange-rates.ts), kept as one
 * settings item with a version, as the escalation settings are: a write names the version it read.
 */
export interface ExchangeRateSettings {
  /** Reports are converted into it (aging, exposure across currencies). */
  companyCurrency: string;
  rates: ExchangeRate[];
  /** 0 until first stored. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export const DEFAULT_EXCHANGE_RATE_SETTINGS: ExchangeRateSettings = {
  companyCurrency: 'EUR',
  rates: [],
  version: 0,
};

/** Enough for years of daily rates of a few pairs, well inside one settings item. */
export const MAX_EXCHANGE_RATES = 2000;
