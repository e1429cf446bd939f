import * as z from '../zod-mini';
import { paymentTerms } from './common';

/**
 * What `customerView` (shared/http/views.ts) answers. Documentation only (no handler imports it);
 * test/unit/openapi/response-schemas.test.ts checks real views against it, key for key.
 */
export const customerResponse = z.object({
  customerId: z.string(),
  name: z.string(),
  email: z.string(),
  country: z.string(),
  company: z.optional(z.string()),
  language: z.string(),
  currency: z.optional(z.string()),
  creditLimit: z.optional(z.object({ amount: z.string(), currency: z.string() })),
  paymentTerms: z.optional(paymentTerms),
  contacts: z.optional(
    z.array(
      z.object({
        name: z.string(),
        role: z.optional(z.string()),
        email: z.optional(z.string()),
        phone: z.optional(z.string()),
      }),
    ),
  ),
  addresses: z.optional(
    z.array(
      z.object({
        kind: z.string(),
        name: z.optional(z.string()),
        line1: z.string(),
        line2: z.optional(z.string()),
        city: z.string(),
        postalCode: z.optional(z.string()),
        region: z.optional(z.string()),
        country: z.string(),
      }),
    ),
  ),
  tags: z.optional(z.array(z.string())),
  owner: z.optional(z.string()),
  /** The domain keeps it to tell a retry from a reuse; the view passes it through. */
  createdUnder: z.optional(z.object({ idempotencyKey: z.string(), requestHash: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Send it back with `PATCH /customers/{id}`: a change made since answers 409. */
  version: z.number(),
});
