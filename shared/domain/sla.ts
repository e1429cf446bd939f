import { addBusinessDays, addBusinessHours, addLocalDays, type BusinessCalendar } from './business-calendar';
import { WAIT_KINDS, type WaitKind } from './order';
import { WAIT_OWNER } from './waits';

/**
 * Service levels: for every wait (and an inquiry's first reply), when it is overdue and how it
 * escalates. Level 1 tells the department that owns the wait, level 2 its manager, level 3 and up
 * (for a payment) remind the buyer. Pure: the due times come from the business calendar.
 */
export const SLA_KEYS = ['inquiry-first-reply', ...WAIT_KINDS] as const;
export type SlaKey = (typeof SLA_KEYS)[number];

/** A span of time; its parts are added in this order: business days, business hours, days, hours. */
export interface SlaDuration {
  businessDays?: number;
  businessHours?: number;
  /** Calendar days at the same wall-clock time in the team's zone. */
  days?: number;
  hours?: number;
}

/** What the steps count from: the wait's start, or a date the wait has of its own. */
export type SlaAnchor = 'start' | 'due-date' | 'eta' | 'promised-date' | 'supplier-lead-time';

export interface SlaRule {
  anchor: SlaAnchor;
  /** Level n is due `steps[n-1]` after the anchor. */
  steps: SlaDuration[];
  /** The anchor, from the start, when the wait has no date of its own (no ETA, no lead time…). */
  fallback?: SlaDuration;
}

export type SlaPolicy = Record<SlaKey, SlaRule>;
/** What settings may change: the steps and the fallback; never what a wait counts from. */
export type SlaOverrides = Partial<Record<SlaKey, Partial<Pick<SlaRule, 'steps' | 'fallback'>>>>;

/** The service levels; balance (not listed there) is treated like a ready-to-ship wait. */
export const DEFAULT_SLAS: SlaPolicy = {
  'inquiry-first-reply': { anchor: 'start', steps: [{ hours: 24 }, { hours: 48 }] },
  'credit-decision': { anchor: 'start', steps: [{ businessDays: 1 }, { businessDays: 2 }] },
  deposit: { anchor: 'start', steps: [{ days: 3 }, { days: 7 }] },
  stock: { anchor: 'supplier-lead-time', steps: [{}, { businessDays: 3 }], fallback: { days: 14 } },
  packing: { anchor: 'promised-date', steps: [{}, { businessDays: 2 }], fallback: { businessDays: 10 } },
  balance: { anchor: 'start', steps: [{ businessDays: 3 }, { businessDays: 7 }] },
  shipment: { anchor: 'start', steps: [{ businessDays: 3 }, { businessDays: 5 }] },
  delivery: { anchor: 'eta', steps: [{ days: 3 }, { days: 7 }], fallback: { days: 30 } },
  payment: {
    anchor: 'due-date',
    steps: [{}, { days: 7 }, { days: 14 }, { days: 30 }],
    fallback: { days: 30 },
  },
  // Product data that holds the trade documents: sales fixes it the same working day.
  documents: { anchor: 'start', steps: [{ businessHours: 4 }, { businessDays: 1 }] },
};

export function slaPolicy(overrides: SlaOverrides = {}): SlaPolicy {
  const policy = { ...DEFAULT_SLAS };
  for (const key of SLA_KEYS) {
    const override = overrides[key];
    if (override) policy[key] = { ...policy[key], ...override };
  }
  return policy;
}

/** What a wait knows of its own dates. */
export interface WaitContext {
  /** When the wait began (ISO). */
  since: string;
  /** A payment's due date. */
  dueDate?: string;
  eta?: string;
  /** The date production promised. */
  promisedDate?: string;
  supplierLeadTimeDays?: number;
  /** When purchase orders covering the shortfall are expected (ISO); the later of this and the lead time counts. */
  stockExpectedAt?: string;
}

export type EscalationAction = 'department' | 'manager' | 'buyer';

export interface EscalationStep {
  level: number;
  /** ISO instant. */
  dueAt: string;
  action: EscalationAction;
  /** For the order's timeline. */
  what: string;
}

/** Waits whose later levels remind the buyer by email (a payment: the buyer is the one who acts). */
const BUYER_REMINDED: readonly SlaKey[] = ['payment'];

export function escalationAction(key: SlaKey, level: number): EscalationAction {
  if (level <= 1) return 'department';
  if (level >= 3 && BUYER_REMINDED.includes(key)) return 'buyer';
  return 'manager';
}

export function ownerOf(key: SlaKey): string {
  return key === 'inquiry-first-reply' ? 'sales' : WAIT_OWNER[key as WaitKind];
}

export function addDuration(calendar: BusinessCalendar, instant: number, d: SlaDuration): number {
  let t = instant;
  if (d.businessDays) t = addBusinessDays(calendar, t, d.businessDays);
  if (d.businessHours) t = addBusinessHours(calendar, t, d.businessHours);
  if (d.days) t = addLocalDays(calendar, t, d.days);
  if (d.hours) t += d.hours * 3_600_000;
  return t;
}

function anchorOf(rule: SlaRule, context: WaitContext, calendar: BusinessCalendar): number {
  const since = Date.parse(context.since);
  const own = (() => {
    switch (rule.anchor) {
      case 'start':
        return since;
      case 'due-date':
        return context.dueDate ? Date.parse(context.dueDate) : undefined;
      case 'eta':
        return context.eta ? Date.parse(context.eta) : undefined;
      case 'promised-date':
        return context.promisedDate ? Date.parse(context.promisedDate) : undefined;
      case 'supplier-lead-time': {
        const byLeadTime =
          context.supplierLeadTimeDays !== undefined
            ? addLocalDays(calendar, since, context.supplierLeadTimeDays)
            : undefined;
        const byOrder = context.stockExpectedAt ? Date.parse(context.stockExpectedAt) : undefined;
        const dates = [byLeadTime, byOrder].filter((t): t is number => t !== undefined && !Number.isNaN(t));
        return dates.length ? Math.max(...dates) : undefined;
      }
    }
  })();
  if (own !== undefined && !Number.isNaN(own)) return own;
  return addDuration(calendar, since, rule.fallback ?? {});
}

/** A wait's escalation steps, level 1 first, each due no earlier than the one before. */
export function escalationSteps(
  key: SlaKey,
  context: WaitContext,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
): EscalationStep[] {
  const rule = policy[key];
  const anchor = anchorOf(rule, context, calendar);
  const owner = ownerOf(key);
  let previous = Number.NEGATIVE_INFINITY;
  return rule.steps.map((duration, index) => {
    const level = index + 1;
    previous = Math.max(previous, addDuration(calendar, anchor, duration));
    const action = escalationAction(key, level);
    const who = action === 'department' ? owner : action === 'manager' ? `the ${owner} manager` : 'the buyer';
    const verb = action === 'buyer' ? 'is reminded' : 'is told';
    return {
      level,
      dueAt: new Date(previous).toISOString(),
      action,
      what: `Escalated to level ${level}: ${key} is overdue (${who} ${verb})`,
    };
  });
}
