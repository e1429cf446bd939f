import { isStalled } from '../orders/stalled';

/**
 * Escalations: which waits are overdue (orders and inquiries), the service levels in force, and the
 * settings form's body (`PUT /settings/escalations`). Pure, for the page and its tests.
 */

export interface SlaDuration {
  businessDays?: number;
  businessHours?: number;
  days?: number;
  hours?: number;
}

export interface SlaRule {
  anchor: string;
  steps: SlaDuration[];
  fallback?: SlaDuration;
}

export interface EscalationSettings {
  version: number;
  updatedAt?: string;
  calendar: {
    timeZone: string;
    workingDays: number[];
    holidays: string[];
    workingHours: { start: string; end: string };
  };
  slas: Record<string, { steps?: SlaDuration[]; fallback?: SlaDuration } | undefined>;
  managers: Record<string, string | undefined>;
  policy: Record<string, unknown>;
}

export const DURATION_UNITS = ['businessDays', 'businessHours', 'days', 'hours'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A duration's parts in the order they add up; an empty duration is "at the anchor" (no parts). */
export function durationParts(duration: SlaDuration): { unit: DurationUnit; count: number }[] {
  return DURATION_UNITS.filter((unit) => (duration[unit] ?? 0) > 0).map((unit) => ({
    unit,
    count: duration[unit] ?? 0,
  }));
}

const isRule = (value: unknown): value is SlaRule =>
  typeof value === 'object' && value !== null && 'anchor' in value && Array.isArray((value as SlaRule).steps);

/** The policy in force, one row per wait, in the API's order. */
export function policyRows(policy: Record<string, unknown>): ({ key: string } & SlaRule)[] {
  return Object.entries(policy).flatMap(([key, rule]) => (isRule(rule) ? [{ key, ...rule }] : []));
}

/** `PUT /settings/escalations` from the form: the calendar and the managers, at the version read. */
export function escalationSettingsBody(
  settings: Pick<EscalationSettings, 'version'>,
  values: Record<string, string>,
  workingDays: number[],
  departments: readonly string[],
) {
  const holidays = (values.holidays ?? '')
    .split(/[\s,]+/)
    .map((day) => day.trim())
    .filter((day) => day.length > 0);
  const managers = Object.fromEntries(
    departments.flatMap((department) => {
      const email = values[`manager-${department}`]?.trim();
      return email ? [[department, email]] : [];
    }),
  );
  return {
    version: settings.version,
    calendar: {
      timeZone: (values.timeZone ?? '').trim(),
      workingDays: [...workingDays].sort((a, b) => a - b),
      holidays: [...new Set(holidays)].sort(),
      workingHours: { start: (values.start ?? '').trim(), end: (values.end ?? '').trim() },
    },
    managers,
  };
}

/** An order summary as `GET /orders?status=` lists it, with its wait's due time and level. */
export interface WaitingOrder {
  orderId: string;
  customerId: string;
  status: string;
  waitingFor?: string;
  waitDueAt?: string;
  escalatedLevel?: number;
  updatedAt?: string;
}

export interface OverdueRow {
  kind: 'order' | 'inquiry';
  id: string;
  customerId: string;
  wait: string;
  since?: string;
  nextDueAt?: string;
  level: number;
}

/** Orders whose wait was escalated or is past its next step (the board's "stalled"), the highest level first. */
export function overdueOrders(orders: readonly WaitingOrder[], now: Date): OverdueRow[] {
  return orders
    .filter((order) => order.waitingFor && isStalled(order, now.getTime()))
    .map(
      (order): OverdueRow => ({
        kind: 'order',
        id: order.orderId,
        customerId: order.customerId,
        wait: order.waitingFor ?? '',
        ...(order.waitDueAt ? { nextDueAt: order.waitDueAt } : {}),
        level: order.escalatedLevel ?? 0,
      }),
    )
    .sort(byUrgency);
}

/** The highest level first, then the longest overdue (the earliest next step), then by id. */
export const byUrgency = (a: OverdueRow, b: OverdueRow) =>
  b.level - a.level ||
  (a.nextDueAt ?? a.since ?? '').localeCompare(b.nextDueAt ?? b.since ?? '') ||
  a.id.localeCompare(b.id);

/** The escalation events the live feed carries. */
export const ESCALATION_EVENTS = ['OrderStalled', 'PaymentOverdue', 'InquiryOverdue'] as const;

export interface EscalationNotice {
  type: string;
  id: string;
  level?: number;
  at?: string;
}

/** A feed message as an escalation notice, or undefined when it is not one. */
export function escalationNotice(message: {
  type: string;
  orderId?: string;
  time?: unknown;
  detail?: unknown;
}): EscalationNotice | undefined {
  if (!(ESCALATION_EVENTS as readonly string[]).includes(message.type)) return undefined;
  const detail = (message.detail ?? {}) as { level?: unknown; inquiryId?: unknown; orderId?: unknown };
  const id =
    typeof detail.inquiryId === 'string'
      ? detail.inquiryId
      : (message.orderId ?? (typeof detail.orderId === 'string' ? detail.orderId : ''));
  return {
    type: message.type,
    id,
    ...(typeof detail.level === 'number' ? { level: detail.level } : {}),
    ...(typeof message.time === 'string' ? { at: message.time } : {}),
  };
}
