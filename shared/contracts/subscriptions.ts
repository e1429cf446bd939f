import { webhookUrlProblem } from '../domain/webhook-address';
import { DEPARTMENTS } from '../email/department/next-steps';
import * as z from '../zod-mini';
import { countryCode, email, nonEmpty } from './common';
import { EVENT_TYPES } from './events';

const MAX_EMAILS = 50;
const MAX_FILTER_VALUES = 100;
const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [string, ...string[]];

export const department = z.enum(DEPARTMENTS, { message: `must be one of ${DEPARTMENTS.join(', ')}` });

const distinct = <T>(values: T[]) => new Set(values).size === values.length;
const filterList = <T extends z.ZodMiniType>(item: T) =>
  z
    .array(item)
    .check(
      z.minLength(1, 'must name at least one value (leave the filter out to match all)'),
      z.maxLength(MAX_FILTER_VALUES, `at most ${MAX_FILTER_VALUES} values`),
    );

/**
 * The shape of a webhook URL: absolute https, or http to loopback. Whether loopback is allowed at
 * all (only on the local runtime) is the use case's check, which knows where it runs.
 */
const webhookUrl = z.string().check(
  z.maxLength(2048, 'at most 2048 characters'),
  z.superRefine((url, ctx) => {
    const problem = webhookUrlProblem(url, { allowLoopback: true });
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: url });
  }),
);

export const subscriptionWebhookBody = z.strictObject({
  url: webhookUrl,
  /** Generated (and shown once) when absent. */
  secret: z.optional(
    z
      .string()
      .check(z.minLength(16, 'must be at least 16 characters'), z.maxLength(256, 'at most 256 characters')),
  ),
});

export const subscriptionFilters = z.strictObject({
  eventTypes: z.optional(
    filterList(z.enum(EVENT_TYPE_NAMES, { message: 'must be an event type of docs/events.md' })),
  ),
  customerIds: z.optional(filterList(nonEmpty(64))),
  countries: z.optional(filterList(countryCode)),
});

/** What a subscription says, whether created or replaced. */
const settings = {
  name: nonEmpty(200),
  emails: z.optional(
    z
      .array(email)
      .check(
        z.minLength(1, 'must list at least one address (leave it out for a webhook only)'),
        z.maxLength(MAX_EMAILS, `at most ${MAX_EMAILS} addresses`),
        z.refine(distinct, { message: 'must not repeat an address' }),
      ),
  ),
  webhook: z.optional(subscriptionWebhookBody),
  filters: z._default(subscriptionFilters, {}),
  enabled: z._default(z.boolean(), true),
};

const someTarget = z.refine<{ emails?: unknown; webhook?: unknown }>(
  (body) => body.emails !== undefined || body.webhook !== undefined,
  { message: 'needs emails, a webhook, or both', path: ['emails'] },
);

export const createSubscriptionBody = z.strictObject({ department, ...settings }).check(someTarget);
export type CreateSubscriptionBody = z.infer<typeof createSubscriptionBody>;

/** A whole replacement of the settings (not the department), on the version it was read at. */
export const updateSubscriptionBody = z
  .strictObject({
    ...settings,
    version: z.number().check(z.int('must be a whole number'), z.minimum(1, 'must be at least 1')),
  })
  .check(someTarget);
export type UpdateSubscriptionBody = z.infer<typeof updateSubscriptionBody>;

export const listSubscriptionsQuery = z.strictObject({ department: z.optional(department) });

export const subscriptionIdParam = z
  .string()
  .check(z.regex(/^sub_[0-9A-HJKMNP-TV-Z]{26}$/, 'is not a subscription id'));
