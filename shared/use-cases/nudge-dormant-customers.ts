import type { DomainEvent } from '../contracts/events';
import { isoWeekOf } from '../domain/calendar-keys';
import type { CustomerSummary } from '../domain/customer-activity';
import { logger } from '../observability';
import type { Clock } from '../ports/clock';
import type { CustomerSegments } from '../ports/customer-activity';
import type { CustomerOwners } from '../ports/customer-owners';
import type { EventPublisher } from '../ports/events';
import type { OnceLog } from '../ports/once';
import { doOnce, type RunInfo } from './do-once';

/** Customers with no owner on their profile are the sales department's. */
export const NO_OWNER = 'sales';
/** Ids listed per event (the event says how many there are in all). */
export const IDS_PER_EVENT = 200;
/** A bound on one run's read of the index: beyond it the run says so in its log and outcome. */
export const MAX_DORMANT = 5_000;

export interface NudgeDeps {
  segments: Pick<CustomerSegments, 'list'>;
  owners: CustomerOwners;
  once: OnceLog;
  events: EventPublisher;
  clock: Clock;
  maxDormant?: number;
}

export interface NudgeOutcome {
  week: string;
  dormant: number;
  owners: number;
  published: number;
  alreadyPublished: number;
  truncated: boolean;
}

/**
 * The weekly nudge: every repeat customer past its predicted next order (the `bySegment` index,
 * most overdue first), grouped by owner, one DormantCustomersFound per owner and ISO week. Each is
 * claimed in the once-log as `NUDGE#<week>` / `owner:<owner>`, so a second run in the same week (a
 * retry, or `npm run schedule -- nudge-dormant` by hand) publishes nothing again.
 */
export function makeNudgeDormantCustomers(deps: NudgeDeps) {
  const max = deps.maxDormant ?? MAX_DORMANT;
  return async (run?: RunInfo): Promise<NudgeOutcome> => {
    const now = deps.clock.now();
    const week = isoWeekOf(now);
    const dormant: CustomerSummary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await deps.segments.list('REPEAT', {
        before: now.toISOString(),
        limit: Math.min(100, max - dormant.length),
        nextToken,
      });
      dormant.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken && dormant.length < max);
    const truncated = Boolean(nextToken);
    if (truncated) logger.warn('dormant customers beyond the bound of one run', { week, max });

    const owners = await deps.owners.ownersOf(dormant.map((s) => s.customerId));
    const byOwner = new Map<string, string[]>();
    for (const { customerId } of dormant) {
      const owner = owners.get(customerId) ?? NO_OWNER;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), customerId]);
    }

    let published = 0;
    let alreadyPublished = 0;
    for (const [owner, customerIds] of [...byOwner.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const event: DomainEvent<'DormantCustomersFound'> = {
        type: 'DormantCustomersFound',
        detail: {
          version: 1,
          changeId: `dormant:${week}:${owner}`,
          occurredAt: now.toISOString(),
          orderId: `nudge_${week}_${owner}`,
          owner,
          week,
          count: customerIds.length,
          customerIds: customerIds.slice(0, IDS_PER_EVENT),
        },
      };
      const done = await doOnce(deps.once, `NUDGE#${week}`, `owner:${owner}`, run, () =>
        deps.events.publish([event]),
      );
      if (done === 'now') published++;
      else alreadyPublished++;
    }
    return { week, dormant: dormant.length, owners: byOwner.size, published, alreadyPublished, truncated };
  };
}
