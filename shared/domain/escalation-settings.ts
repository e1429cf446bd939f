import { type BusinessCalendar, DEFAULT_CALENDAR } from './business-calendar';
import type { SlaOverrides } from './sla';

/**
 * The team's escalation settings: SLA overrides, the business calendar, and the managers level 2
 * reaches (by the department that owns the wait). Version 0 is the defaults, never stored.
 */
export interface EscalationSettings {
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  calendar: BusinessCalendar;
  slas: SlaOverrides;
  /** Department → the manager's email. */
  managers: Partial<Record<string, string>>;
}

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = {
  version: 0,
  calendar: DEFAULT_CALENDAR,
  slas: {},
  managers: {},
};
