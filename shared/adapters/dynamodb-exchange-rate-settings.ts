import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_EXCHANGE_RATE_SETTINGS, type ExchangeRateSettings } from '../domain/exchange-rate-settings';
import type { ExchangeRateSettingsStore } from '../ports/exchange-rate-settings';
import { makeDynamoSettingsItem } from './dynamodb-settings-item';

/** The exchange-rate settings: one item (pk `EXCHANGE_RATES`) of the settings table, versioned. */
export function makeDynamoExchangeRateSettings(
  db: DynamoDBDocumentClient,
  tableName: string,
): ExchangeRateSettingsStore {
  return makeDynamoSettingsItem<ExchangeRateSettings>(db, tableName, {
    pk: 'EXCHANGE_RATES',
    name: 'the exchange rates',
    defaults: DEFAULT_EXCHANGE_RATE_SETTINGS,
  });
}
