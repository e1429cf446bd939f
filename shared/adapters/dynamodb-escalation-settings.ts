import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../domain/escalation-settings';
import type { EscalationSettingsStore } from '../ports/escalation-settings';
import { makeDynamoSettingsItem } from './dynamodb-settings-item';

/**
 * The escalation settings: one item (pk `ESCALATIONS`) of the small settings table, written whole
 * with a version condition. `cacheMs` keeps a read for that long in a warm function (the sweep reads
 * it once per run, begin-wait once per wait): a change reaches them within that time.
 */
export function makeDynamoEscalationSettings(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { cacheMs?: number; now?: () => number } = {},
): EscalationSettingsStore {
  const now = options.now ?? Date.now;
  const item = makeDynamoSettingsItem<EscalationSettings>(db, tableName, {
    pk: 'ESCALATIONS',
    name: 'the escalation settings',
    defaults: DEFAULT_ESCALATION_SETTINGS,
    fillFromDefaults: true,
  });
  let cached: { at: number; settings: EscalationSettings } | undefined;
  return {
    async get() {
      if (cached && options.cacheMs && now() - cached.at < options.cacheMs) return cached.settings;
      const settings = await item.get();
      cached = { at: now(), settings };
      return settings;
    },

    async put(settings) {
      await item.put(settings);
      cached = undefined;
    },
  };
}
