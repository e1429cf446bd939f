import { type DormantNudge, dormantNudgeEmail, type NudgeRecipient } from '../../email/staff/dormant-nudge';
import { logger } from '../../observability';
import type { CustomerNames } from '../../ports/customer-names';
import type { Mailer } from '../../ports/mailer';
import type { OnceLog } from '../../ports/once';
import type { StaffDirectory } from '../../ports/staff-directory';
import { doOnce, type RunInfo } from '../do-once';
import { type IncomingEvent, parseEvent } from '../incoming-event';
import type { NotifyOutcome } from '../notify-buyer';
import { NO_OWNER } from '../nudge-dormant-customers';

export interface NotifyDormantOwnerDeps {
  staff: Pick<StaffDirectory, 'get'>;
  customers: CustomerNames;
  mailer: Mailer;
  /** Claims beside the nudge's own (`NUDGE#<week>`, in the customers table). */
  once: OnceLog;
  /** The sales department's mailbox: customers with no owner, or an owner the directory cannot reach. */
  salesMailbox: string;
  /** A customer's page in the console, when the API's address is known. */
  customerUrl?: (customerId: string) => string | undefined;
}

/**
 * The weekly nudge, delivered (DormantCustomersFound, one per owner and ISO week): an email to the
 * owner's work address from the staff directory, in their language, listing their dormant
 * customers with a link to each. An owner the directory does not have, or has as inactive, and
 * customers with no owner, go to the sales mailbox instead, saying why: visible, never dropped.
 * Exactly one email per owner and week: claimed as `NUDGE#<week>` / `email:<owner>` before sending
 * (given back if sending fails), so a redelivery, a retried schedule or a changed directory sends
 * nothing twice. Logs carry ids only.
 */
export function makeNotifyDormantOwner(deps: NotifyDormantOwnerDeps) {
  return async (event: IncomingEvent, run?: RunInfo): Promise<NotifyOutcome> => {
    if (event.type !== 'DormantCustomersFound') {
      logger.warn('not a dormant-customers nudge', { type: event.type });
      return 'skipped';
    }
    const { detail } = parseEvent('DormantCustomersFound', event.detail);
    const { owner, week } = detail;
    const member = owner === NO_OWNER ? undefined : await deps.staff.get(owner);
    const recipient: NudgeRecipient =
      owner === NO_OWNER
        ? { kind: 'no-owner' }
        : !member
          ? { kind: 'unknown-owner', owner }
          : !member.active
            ? { kind: 'inactive-owner', owner }
            : { kind: 'owner', name: member.name, language: member.language };
    const to = recipient.kind === 'owner' && member ? member.email : deps.salesMailbox;

    const done = await doOnce(deps.once, `NUDGE#${week}`, `email:${owner}`, run, async () => {
      const names = await deps.customers.namesOf(detail.customerIds);
      const nudge: DormantNudge = {
        week,
        count: detail.count,
        recipient,
        customers: detail.customerIds.map((customerId) => {
          const url = deps.customerUrl?.(customerId);
          return { customerId, ...names.get(customerId), ...(url ? { url } : {}) };
        }),
      };
      await deps.mailer.send({
        ...dormantNudgeEmail(nudge),
        to: [to],
        tags: { change: 'DormantCustomersFound', week, recipient: recipient.kind },
      });
    });
    logger.info('dormant customers nudge', {
      week,
      owner,
      recipient: recipient.kind,
      count: detail.count,
      outcome: done === 'now' ? 'sent' : 'duplicate',
    });
    return done === 'now' ? 'sent' : 'duplicate';
  };
}
