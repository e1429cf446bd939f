import { type DomainEvent, subjectIdOf } from '../contracts/events';
import { ownerOf, type SlaKey } from '../domain/sla';
import { type Department, isDepartment } from '../email/department/next-steps';
import { departmentNotice } from '../email/department/notice';
import { logger } from '../observability';
import type { EscalationSettingsStore } from '../ports/escalation-settings';
import type { Mailer } from '../ports/mailer';
import type { OnceLog } from '../ports/once';
import { doOnce, type RunInfo } from './do-once';
import { type IncomingEvent, isEventType, parseEvent } from './incoming-event';
import type { NotifyOutcome } from './notify-buyer';

export interface NotifyManagersDeps {
  settings: EscalationSettingsStore;
  /** Where a department with no manager in the settings escalates. */
  defaultManager: string;
  mailer: Mailer;
  once: OnceLog;
}

/** Level 2 and up reach the manager; level 1 is the department's own notice. */
export const MANAGER_LEVEL = 2;

/** The department an escalation belongs to: the wait's owner, finance for a payment, sales otherwise. */
export function escalationOwner(event: DomainEvent): Department | undefined {
  if (event.type === 'PaymentOverdue') return 'finance';
  if (event.type === 'InquiryOverdue') return 'sales';
  if (event.type !== 'OrderStalled') return undefined;
  const owner = event.detail.wait ? ownerOf(event.detail.wait as SlaKey) : 'sales';
  return owner && isDepartment(owner) ? owner : 'sales';
}

/**
 * An escalation at level 2 or more, for the manager of the department that owns it (the settings'
 * `managers`, else the default): the department's own notice (what happened, what it does next),
 * marked as the manager's. Once per escalation, claimed as `manager:<changeId>` beside the order.
 */
export function makeNotifyManagers({ settings, defaultManager, mailer, once }: NotifyManagersDeps) {
  return async (event: IncomingEvent, run?: RunInfo): Promise<NotifyOutcome> => {
    if (!isEventType(event.type)) return 'skipped';
    const parsed = parseEvent(event.type, event.detail);
    const department = escalationOwner(parsed);
    const level = 'level' in parsed.detail ? Number(parsed.detail.level) : 0;
    const notice = department && level >= MANAGER_LEVEL && departmentNotice(department, parsed);
    if (!department || !notice) {
      logger.info('no manager notice for this change', { type: event.type, level });
      return 'skipped';
    }
    const to = (await settings.get()).managers[department] ?? defaultManager;
    const { changeId } = parsed.detail;
    const orderId = subjectIdOf(parsed.detail);
    const done = await doOnce(once, `ORDER#${orderId}`, `manager:${changeId}`, run, () =>
      mailer.send({
        ...notice,
        subject: `[${department} manager] ${notice.subject.replace(/^\[[^\]]*\]\s*/, '')}`,
        to: [to],
        tags: { orderId, change: event.type, department: `${department}-manager` },
      }),
    );
    return done === 'now' ? 'sent' : 'duplicate';
  };
}
