import * as z from '../../shared/zod-mini';

/**
 * What the feed's `$connect` and `$disconnect` routes read of API Gateway's WebSocket event: the
 * connection id, the query string (filters) and what the authorizer found (`$connect` only).
 */
export const feedRouteEvent = z.object({
  requestContext: z.object({
    connectionId: z.string().check(z.minLength(1)),
    authorizer: z.optional(z.object({ role: z.optional(z.string()) })),
  }),
  queryStringParameters: z.optional(z.nullable(z.record(z.string(), z.optional(z.string())))),
});

export interface FeedRouteResult {
  statusCode: number;
  body?: string;
}
