import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../../domain/escalation-settings';
import { ConflictError } from '../../errors';
import type { EscalationSettingsStore } from '../../ports/escalation-settings';

/** For unit tests: the store's contract (defaults, version condition) on a variable. */
export function makeInMemoryEscalationSettings(initial?: Omit<EscalationSettings, 'version'>) {
  let stored: EscalationSettings | undefined = initial && { ...initial, version: 1 };
  const store: EscalationSettingsStore = {
    async get() {
      return structuredClone(stored ?? DEFAULT_ESCALATION_SETTINGS);
    },
    async put(settings) {
      if ((stored?.version ?? 0) !== settings.version - 1) {
        throw new ConflictError(
          `the escalation settings changed since version ${settings.version - 1} was read`,
        );
      }
      stored = structuredClone(settings);
    },
  };
  return store;
}
