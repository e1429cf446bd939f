import type { Inquiry } from '../../domain/inquiry';
import type { Actor } from '../../domain/order';
import type { Clock } from '../../ports/clock';
import type { EscalationSettingsStore } from '../../ports/escalation-settings';
import type { EventPublisher } from '../../ports/events';
import type { InquiryRepository, OverdueInquiries } from '../../ports/inquiries';
import { type OnceLog, SideEffectInProgressError } from '../../ports/once';
import { doOnce } from '../do-once';
import type { SweepResult } from '../escalate-overdue-waits';
import { firstReplySteps } from './first-reply-schedule';
import { inquiryOverdue } from './inquiry-events';
import { updateInquiry } from './update-inquiry';

export interface EscalateOverdueInquiriesDeps {
  inquiries: InquiryRepository;
  overdue: OverdueInquiries;
  settings: EscalationSettingsStore;
  events: EventPublisher;
  /** Claims beside each inquiry (`INQUIRY#<id>`), in the inquiries table. */
  once: OnceLog;
  clock: Clock;
  timeScale?: number;
  batchSize?: number;
}

const ESCALATION: Actor = { kind: 'system', id: 'escalation' };

/**
 * The escalation sweep's inquiry half, the same as its order half (escalate-overdue-waits.ts): the
 * inquiries' open-waits index gives the inquiries whose first-reply step is due (cost: what is
 * overdue), and each due level is raised once: InquiryOverdue announced under a once-log claim per
 * inquiry and level, then recorded on the inquiry with a version condition (its timeline, the level,
 * and the next step's due time, or none: it leaves the index). A wait the first reply ended, or whose
 * step the settings moved later, only has its due time corrected.
 */
export function makeEscalateOverdueInquiries(deps: EscalateOverdueInquiriesDeps) {
  const { batchSize = 500 } = deps;
  return async (): Promise<SweepResult> => {
    const now = deps.clock.now().toISOString();
    const due = await deps.overdue.listOverdue(now, batchSize);
    const result: SweepResult = { overdue: due.length, raised: 0, busy: 0 };
    if (!due.length) return result;
    const settings = await deps.settings.get();
    for (const { inquiryId } of due) {
      try {
        result.raised += await escalateInquiry(deps, inquiryId, now, (since) =>
          firstReplySteps(since, settings, deps.timeScale ?? 1),
        );
      } catch (error) {
        if (!(error instanceof SideEffectInProgressError)) throw error;
        result.busy++;
      }
    }
    return result;
  };
}

async function escalateInquiry(
  deps: EscalateOverdueInquiriesDeps,
  inquiryId: string,
  now: string,
  stepsOf: (since: string) => ReturnType<typeof firstReplySteps>,
): Promise<number> {
  let raised = 0;
  for (;;) {
    const inquiry = await deps.inquiries.get(inquiryId);
    const wait = inquiry?.firstReplyWait;
    if (!inquiry || !wait?.dueAt) return raised;
    const level = (wait.escalatedLevel ?? 0) + 1;
    const steps = stepsOf(wait.since);
    const step = steps.find((s) => s.level === level);
    const next = steps.find((s) => s.level === level + 1);
    if (inquiry.status !== 'OPEN' || !step || step.at > now) {
      await moveDueAt(deps, inquiryId, wait.since, inquiry.status === 'OPEN' ? step?.at : undefined);
      return raised;
    }
    await doOnce(
      deps.once,
      `INQUIRY#${inquiryId}`,
      `escalation:inquiry-first-reply:${wait.since}:${level}`,
      undefined,
      () => deps.events.publish([inquiryOverdue(inquiry, wait.since, step, now)]),
    );
    await updateInquiry(deps.inquiries, inquiryId, (latest) => {
      const open = latest.firstReplyWait;
      if (!open || open.since !== wait.since || (open.escalatedLevel ?? 0) >= level) return undefined;
      const { dueAt: _old, ...rest } = open;
      return {
        ...latest,
        firstReplyWait: { ...rest, escalatedLevel: level, ...(next ? { dueAt: next.at } : {}) },
        updatedAt: now,
        timeline: [...latest.timeline, { at: now, by: ESCALATION, what: step.what }],
      } satisfies Inquiry;
    });
    raised++;
  }
}

async function moveDueAt(
  deps: EscalateOverdueInquiriesDeps,
  inquiryId: string,
  since: string,
  dueAt?: string,
) {
  await updateInquiry(deps.inquiries, inquiryId, (latest) => {
    const open = latest.firstReplyWait;
    if (!open || open.since !== since || open.dueAt === dueAt) return undefined;
    const { dueAt: _old, ...rest } = open;
    return { ...latest, firstReplyWait: dueAt ? { ...rest, dueAt } : rest };
  });
}
