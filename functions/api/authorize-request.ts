import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { CREDENTIAL_CACHE, cachedCredentialStore } from '../../shared/adapters/cached-credentials';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCredentialStore } from '../../shared/adapters/dynamodb-credentials';
import { staffTokenVerifierFromEnv } from '../../shared/adapters/staff-token-verifier';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { type Authorization, makeAuthorizeRequest } from '../../shared/use-cases/authorize-request';
import * as z from '../../shared/zod-mini';

const required = () => z.string().check(z.minLength(1));
const config = loadConfig(
  z.object({
    ACCESS_TABLE: required(),
    STAFF_USER_POOL_ID: required(),
    STAFF_CLIENT_ID: required(),
    STAFF_USAGE_KEY: required(),
    // Only where the pool's keys cannot be fetched over https (the local runtime).
    STAFF_JWKS: z.optional(required()),
  }),
);
const authorize = makeAuthorizeRequest({
  credentials: cachedCredentialStore(
    makeDynamoCredentialStore(dynamoDocumentClient(), config.ACCESS_TABLE),
    CREDENTIAL_CACHE,
  ),
  staffTokens: staffTokenVerifierFromEnv(config),
  staffUsageKey: config.STAFF_USAGE_KEY,
  onStaffTokenRefused: (reason) => logger.info('staff token refused', { reason }),
});

/** The REQUEST authorizer: its policy decides which routes the caller may call (no credential: none). */
export const handler = middy<APIGatewayRequestAuthorizerEvent, Authorization>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => authorize({ methodArn: event.methodArn, headers: event.headers ?? {} }));
