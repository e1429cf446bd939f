import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../../domain/escalation-settings';
import type { EscalationSettingsStore } from '../../ports/escalation-settings';
import { makeInMemorySettingsItem } from './settings-item';

/** For unit tests: the store's contract (defaults, version condition) on a variable. */
export function makeInMemoryEscalationSettings(
  initial?: Omit<EscalationSettings, 'version'>,
): EscalationSettingsStore {
  return makeInMemorySettingsItem(
    'the escalation settings',
    DEFAULT_ESCALATION_SETTINGS,
    initial && { ...initial, version: 1 },
  );
}
