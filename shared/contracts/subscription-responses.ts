import { DEPARTMENTS } from '../email/department/next-steps';
import * as z from '../zod-mini';

/**
 * What `subscriptionView` / `createdSubscriptionView` (shared/http/subscription-views.ts) answer.
 * Documentation only; the OpenAPI tests check real views against it.
 */
export const subscriptionResponse = z.object({
  subscriptionId: z.string(),
  department: z.enum(DEPARTMENTS),
  name: z.string(),
  emails: z.optional(z.array(z.string())),
  /** The secret only in the answer that made it (generated or given), never again. */
  webhook: z.optional(z.object({ url: z.string(), secret: z.optional(z.string()) })),
  filters: z.object({
    eventTypes: z.optional(z.array(z.string())),
    customerIds: z.optional(z.array(z.string())),
    countries: z.optional(z.array(z.string())),
  }),
  enabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.object({ kind: z.string(), id: z.string(), role: z.optional(z.string()) }),
});

export const subscriptionListResponse = z.object({ items: z.array(subscriptionResponse) });
