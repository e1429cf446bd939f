import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../domain/pricing/pricing-settings';
import type { PricingSettingsStore } from '../ports/pricing-settings';
import { makeDynamoSettingsItem } from './dynamodb-settings-item';

/**
 * The pricing settings: one item (pk `PRICING`) of the settings table, beside the escalation
 * settings, written whole with a version condition. Read consistently: a quote priced right after a
 * change uses the new prices.
 */
export function makeDynamoPricingSettings(
  db: DynamoDBDocumentClient,
  tableName: string,
): PricingSettingsStore {
  return makeDynamoSettingsItem<PricingSettings>(db, tableName, {
    pk: 'PRICING',
    name: 'the pricing settings',
    defaults: DEFAULT_PRICING_SETTINGS,
    fillFromDefaults: true,
  });
}
