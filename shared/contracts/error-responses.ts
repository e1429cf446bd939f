import * as z from '../zod-mini';

/**
 * The API's problem body, `{ error: { code, message, field?, status? } }` (shared/http/responses.ts
 * `ErrorBody`, shared/http/error-mapping.ts). Documentation only: no handler imports it, so it costs
 * the functions nothing; test/unit/openapi/response-schemas.test.ts keeps it and `ErrorBody` in step.
 */
export const errorResponse = z.object({
  error: z.object({
    code: z.string().check(z.describe('A stable code to branch on, e.g. INVALID_INPUT, NOT_FOUND')),
    message: z.string().check(z.describe('What went wrong and what to change, for a person to read')),
    field: z.optional(z.string().check(z.describe('The field (dotted path) or header at fault'))),
    status: z.optional(z.string().check(z.describe('409: the status that does not allow this'))),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
