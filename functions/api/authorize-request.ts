import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { CREDENTIAL_CACHE, cachedCredentialStore } from '../../shared/adapters/cached-credentials';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCredentialStore } from '../../shared/adapters/dynamodb-credentials';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { type Authorization, makeAuthorizeRequest } from '../../shared/use-cases/authorize-request';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ ACCESS_TABLE: z.string().check(z.minLength(1)) }));
const authorize = makeAuthorizeRequest({
  credentials: cachedCredentialStore(
    makeDynamoCredentialStore(dynamoDocumentClient(), config.ACCESS_TABLE),
    CREDENTIAL_CACHE,
  ),
});

/** The REQUEST authorizer: its policy decides which routes the caller may call (no credential: none). */
export const handler = middy<APIGatewayRequestAuthorizerEvent, Authorization>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => authorize({ methodArn: event.methodArn, headers: event.headers ?? {} }));
