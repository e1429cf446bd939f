import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { liveFeed } from '../../infra/topology/live-feed';
import { staffTokenVerifierFromEnv } from '../../shared/adapters/staff-token-verifier';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { type FeedAuthorization, makeAuthorizeFeed } from '../../shared/use-cases/authorize-feed';
import * as z from '../../shared/zod-mini';

const required = () => z.string().check(z.minLength(1));
const config = loadConfig(
  z.object({
    STAFF_USER_POOL_ID: required(),
    STAFF_CLIENT_ID: required(),
    // Only where the pool's keys cannot be fetched over https (the local runtime).
    STAFF_JWKS: z.optional(required()),
  }),
);
const authorize = makeAuthorizeFeed({
  staffTokens: staffTokenVerifierFromEnv(config),
  roles: liveFeed.roles,
  onRefused: (reason) => logger.info('feed token refused', { reason }),
});

/** The live feed's `$connect` REQUEST authorizer: the staff token in `?token=`. */
export const handler = middy<APIGatewayRequestAuthorizerEvent, FeedAuthorization>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) =>
    authorize({ methodArn: event.methodArn, token: event.queryStringParameters?.[liveFeed.tokenParameter] }),
  );
