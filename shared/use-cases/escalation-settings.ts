import type { PutEscalationSettingsBody } from '../contracts/escalation-settings';
import { DEFAULT_CALENDAR } from '../domain/business-calendar';
import type { EscalationSettings } from '../domain/escalation-settings';
import { SLA_KEYS, slaPolicy } from '../domain/sla';
import type { Clock } from '../ports/clock';
import type { EscalationSettingsStore } from '../ports/escalation-settings';

/** The settings as the API shows them: what is stored (or the defaults) and the policy in force. */
export function escalationSettingsView(settings: EscalationSettings) {
  const policy = slaPolicy(settings.slas);
  return {
    version: settings.version,
    ...(settings.updatedAt ? { updatedAt: settings.updatedAt } : {}),
    calendar: settings.calendar,
    slas: settings.slas,
    managers: settings.managers,
    policy: Object.fromEntries(SLA_KEYS.map((key) => [key, policy[key]])),
  };
}

/**
 * PUT /settings/escalations: the whole settings, replaced (a part left out is its default), as the
 * next version of the one the caller read; a concurrent change answers 409 (ConflictError).
 */
export function makePutEscalationSettings({
  settings,
  clock,
}: {
  settings: EscalationSettingsStore;
  clock: Clock;
}) {
  return async (body: PutEscalationSettingsBody, by: string): Promise<EscalationSettings> => {
    const next: EscalationSettings = {
      version: body.version + 1,
      updatedAt: clock.now().toISOString(),
      updatedBy: by,
      calendar: body.calendar ?? DEFAULT_CALENDAR,
      slas: body.slas ?? {},
      managers: body.managers ?? {},
    };
    await settings.put(next);
    return next;
  };
}
