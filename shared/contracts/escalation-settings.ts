import { isTimeZone } from '../domain/business-calendar';
import { SLA_KEYS, type SlaKey } from '../domain/sla';
import { DEPARTMENTS, type Department } from '../email/department/next-steps';
import * as z from '../zod-mini';
import { email } from './common';

/** PUT /settings/escalations: the SLA overrides, the business calendar, and who level 2 reaches. */

const count = (max: number) =>
  z.number().check(z.minimum(0, 'must be 0 or more'), z.maximum(max, `must be at most ${max}`));
const duration = z.strictObject({
  businessDays: z.optional(count(366).check(z.int('must be a whole number'))),
  businessHours: z.optional(count(8_784)),
  days: z.optional(count(366)),
  hours: z.optional(count(8_784)),
});
const slaOverride = z.strictObject({
  steps: z.optional(z.array(duration).check(z.minLength(1, 'needs at least one step'), z.maxLength(6))),
  fallback: z.optional(duration),
});
const slaOverrides = z.strictObject(
  Object.fromEntries(SLA_KEYS.map((key) => [key, z.optional(slaOverride)])) as Record<
    SlaKey,
    z.ZodMiniOptional<typeof slaOverride>
  >,
);

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24 h)'));
const localDate = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD'));
const calendar = z.strictObject({
  timeZone: z.string().check(z.refine(isTimeZone, 'must be an IANA time zone, such as Europe/Berlin')),
  workingDays: z.array(z.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(7))).check(
    z.minLength(1, 'needs at least one working day (1 Monday … 7 Sunday)'),
    z.refine((days) => new Set(days).size === days.length, 'must not repeat a day'),
  ),
  holidays: z.array(localDate).check(z.maxLength(400)),
  workingHours: z
    .strictObject({ start: hhmm, end: hhmm })
    .check(z.refine((h) => h.end > h.start, 'must end after they start')),
});

const managers = z.strictObject(
  Object.fromEntries(DEPARTMENTS.map((d) => [d, z.optional(email)])) as Record<
    Department,
    z.ZodMiniOptional<typeof email>
  >,
);

export const putEscalationSettingsBody = z.strictObject({
  /** The version last read (0 when nothing was stored): a write over a newer one is refused (409). */
  version: z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be 0 or more')),
  calendar: z.optional(calendar),
  slas: z.optional(slaOverrides),
  /** Level 2 of an escalation emails the manager of the department that owns the wait. */
  managers: z.optional(managers),
});
export type PutEscalationSettingsBody = z.infer<typeof putEscalationSettingsBody>;

export const escalationSettingsResponse = z.object({
  version: z.number(),
  updatedAt: z.optional(z.string()),
  calendar,
  slas: slaOverrides,
  managers,
  /** The service levels in force: the defaults with the overrides applied. */
  policy: z.record(z.string(), z.unknown()),
});
