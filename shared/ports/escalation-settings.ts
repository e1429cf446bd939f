import type { EscalationSettings } from '../domain/escalation-settings';

export interface EscalationSettingsStore {
  /** The stored settings, or the defaults (version 0) when none are stored. */
  get(): Promise<EscalationSettings>;
  /**
   * Stores `settings` as version `settings.version` if the stored one is `settings.version - 1`
   * (none stored for version 1); else throws ConflictError.
   */
  put(settings: EscalationSettings): Promise<void>;
}
