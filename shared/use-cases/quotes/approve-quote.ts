import type { ApproveQuoteBody } from '../../contracts/quotes';
import type { Actor } from '../../domain/order';
import { withStatus } from '../../domain/quote';
import { ConflictError, ForbiddenError } from '../../errors';
import { type QuoteActionDeps, runQuoteAction } from './quote-action';

/** Who may approve prices below the margin floor (the route's callers say the same). */
export const APPROVER_ROLES: readonly string[] = ['sales-manager', 'admin'];

/**
 * POST /quotes/{id}/approve (a sales manager; admin may too): approves the revision the manager
 * reviewed, whose lines below the margin floor held it; the quote is DRAFT again, ready to send.
 * Approving the same revision again changes nothing; a newer revision than the one reviewed is a 409.
 * The role is checked here too, not only by the authorizer: the rule is the business's, not the route's.
 */
export function makeApproveQuote(deps: Omit<QuoteActionDeps, 'events'>) {
  const noEvents = { ...deps, events: { publish: async () => undefined } };
  return async (quoteId: string, body: ApproveQuoteBody, by: Actor) => {
    if (by.kind !== 'staff' || !APPROVER_ROLES.includes(by.role ?? '')) {
      throw new ForbiddenError(
        `approving prices below the margin floor needs a sales manager (role sales-manager or admin), not ${by.role ?? by.kind}`,
      );
    }
    return runQuoteAction(noEvents, quoteId, (quote, now) => {
      const { current } = quote;
      if (current.revision !== body.revision) {
        throw new ConflictError(
          `quote ${quoteId} is at revision ${current.revision}, not ${body.revision}: review revision ${current.revision} and approve that`,
          quote.status,
        );
      }
      if (current.approval) return { kind: 'repeated', quote, events: [] };
      if (quote.status !== 'PENDING_APPROVAL') {
        throw new ConflictError(`quote ${quoteId} is ${quote.status}: nothing to approve`, quote.status);
      }
      const approval = { by, at: now, ...(body.note ? { note: body.note } : {}) };
      return {
        kind: 'changed',
        quote: withStatus(quote, 'DRAFT', now, { current: { ...current, approval } }),
        events: [],
      };
    });
  };
}
