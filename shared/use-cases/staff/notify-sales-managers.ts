import { type ApprovalRecipient, approvalRequestEmail } from '../../email/staff/approval-request';
import { logger } from '../../observability';
import type { EscalationSettingsStore } from '../../ports/escalation-settings';
import type { Mailer } from '../../ports/mailer';
import type { OnceLog } from '../../ports/once';
import { allStaff, type StaffDirectory } from '../../ports/staff-directory';
import { doOnce, type RunInfo } from '../do-once';
import { type IncomingEvent, parseEvent } from '../incoming-event';
import type { NotifyOutcome } from '../notify-buyer';

export interface NotifySalesManagersDeps {
  staff: Pick<StaffDirectory, 'list'>;
  /** The escalation settings' `managers.sales`: where a request goes while the directory has no sales manager. */
  settings: Pick<EscalationSettingsStore, 'get'>;
  /** Where it goes when the settings name no sales manager either. */
  defaultManager: string;
  mailer: Mailer;
  /** Claims beside the quote's other notices (`ORDER#<quoteId>`, as every notifier keys quote events). */
  once: OnceLog;
  /** A quote's page in the console, when the API's address is known. */
  quoteUrl?: (quoteId: string) => string | undefined;
}

/**
 * QuoteApprovalRequested, for the people who may approve it: every active `sales-manager` of the
 * staff directory gets an email in their language, once per manager and revision (claimed as
 * `manager:<staffId>:<changeId>`). With no active sales manager in the directory, one email goes to
 * the escalation settings' sales manager (else the default managers' address), saying so: the
 * request is never left with no one. Logs carry ids only.
 */
export function makeNotifySalesManagers(deps: NotifySalesManagersDeps) {
  return async (event: IncomingEvent, run?: RunInfo): Promise<NotifyOutcome> => {
    if (event.type !== 'QuoteApprovalRequested') {
      logger.warn('not a quote approval request', { type: event.type });
      return 'skipped';
    }
    const { detail } = parseEvent('QuoteApprovalRequested', event.detail);
    const scope = `ORDER#${detail.quoteId}`;
    const quoteUrl = deps.quoteUrl?.(detail.quoteId);
    const tags = { quoteId: detail.quoteId, change: event.type, department: 'sales-manager' };
    const managers = await allStaff(deps.staff, { role: 'sales-manager', active: true });

    const outcomes: ('now' | 'before')[] = [];
    if (!managers.length) {
      const to = (await deps.settings.get()).managers.sales ?? deps.defaultManager;
      const recipient: ApprovalRecipient = { kind: 'fallback' };
      outcomes.push(
        await doOnce(deps.once, scope, `manager:fallback:${detail.changeId}`, run, () =>
          deps.mailer.send({ ...approvalRequestEmail(detail, recipient, quoteUrl), to: [to], tags }),
        ),
      );
    }
    for (const manager of managers) {
      const recipient: ApprovalRecipient = {
        kind: 'sales-manager',
        name: manager.name,
        language: manager.language,
      };
      outcomes.push(
        await doOnce(deps.once, scope, `manager:${manager.staffId}:${detail.changeId}`, run, () =>
          deps.mailer.send({
            ...approvalRequestEmail(detail, recipient, quoteUrl),
            to: [manager.email],
            tags,
          }),
        ),
      );
    }
    const sent = outcomes.filter((o) => o === 'now').length;
    logger.info('quote approval request', {
      quoteId: detail.quoteId,
      revision: detail.revision,
      managers: managers.map((m) => m.staffId),
      sent,
    });
    return sent ? 'sent' : 'duplicate';
  };
}
