import type { EscalationSettings } from '../../domain/escalation-settings';
import { escalationSteps, slaPolicy } from '../../domain/sla';
import type { ScheduledStep } from '../wait-schedule';

/**
 * An inquiry's first-reply escalation steps (`inquiry-first-reply`: 24 h then 48 h by default, or what
 * the settings say, in business hours or days when they say so) on the team's calendar, exactly as an
 * order's wait is scheduled (wait-schedule.ts): locally the time from arrival to each due time is
 * divided by TRADEFLOW_TIME_SCALE.
 */
export function firstReplySteps(since: string, settings: EscalationSettings, timeScale = 1): ScheduledStep[] {
  const start = Date.parse(since);
  return escalationSteps('inquiry-first-reply', { since }, slaPolicy(settings.slas), settings.calendar).map(
    (step) => ({
      ...step,
      at: new Date(start + (Date.parse(step.dueAt) - start) / timeScale).toISOString(),
    }),
  );
}
