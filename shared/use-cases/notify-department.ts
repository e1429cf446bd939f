import { type DomainEvent, subjectIdOf } from '../contracts/events';
import { type Department, isDepartment } from '../email/department/next-steps';
import { departmentNotice } from '../email/department/notice';
import type { RenderedEmail } from '../email/layout';
import { logger } from '../observability';
import type { Mailer } from '../ports/mailer';
import type { OnceLog } from '../ports/once';
import { doOnce, type RunInfo } from './do-once';
import { type IncomingEvent, isEventType, parseEvent } from './incoming-event';
import type { NotifyOutcome } from './notify-buyer';

export interface NotifyDepartmentDeps {
  department: Department;
  /** The department's shared mailbox. */
  to: string;
  mailer: Mailer;
  once: OnceLog;
  /** The order's page in the console, linked from the notice. */
  orderUrl?: (orderId: string) => string | undefined;
  /**
   * The department's subscriptions (deliver-to-subscriptions.ts): when it has any enabled, they get
   * the notice instead of the mailbox; undefined when it has none.
   */
  subscriptions?: (
    event: DomainEvent,
    notice: RenderedEmail,
    run?: RunInfo,
  ) => Promise<NotifyOutcome | undefined>;
}

/**
 * A short email to the department about a change it acts on. A type the department does not act on
 * (or does not know) is logged and skipped, never thrown: a throw makes the bus redeliver it. A known
 * type whose detail does not fit its schema throws (see parseEvent). One notice per department and
 * change: claimed as `dept:<department>:<changeId>` beside the order; given back if sending fails.
 */
export function makeNotifyDepartment(deps: NotifyDepartmentDeps) {
  const { department, to, mailer, once } = deps;
  if (!isDepartment(department)) throw new Error(`unknown department ${department}`);
  return async (event: IncomingEvent, run?: RunInfo): Promise<NotifyOutcome> => {
    if (!isEventType(event.type)) {
      logger.warn('unknown event type for a department notice', { department, type: event.type });
      return 'skipped';
    }
    const parsed = parseEvent(event.type, event.detail);
    const { changeId } = parsed.detail;
    const orderId = subjectIdOf(parsed.detail);
    const notice = departmentNotice(department, parsed, deps.orderUrl?.(orderId));
    if (!notice) {
      logger.info('no department notice for this change', { department, type: event.type, orderId });
      return 'skipped';
    }
    const routed = await deps.subscriptions?.(parsed, notice, run);
    if (routed) return routed;
    const done = await doOnce(once, `ORDER#${orderId}`, `dept:${department}:${changeId}`, run, () =>
      mailer.send({ ...notice, to: [to], tags: { orderId, change: event.type, department } }),
    );
    return done === 'now' ? 'sent' : 'duplicate';
  };
}
