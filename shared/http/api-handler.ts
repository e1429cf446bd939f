import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { logger } from '../observability';
import { httpErrors } from './error-mapping';

type ApiFn = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** The one handler shape for API functions: Powertools, then error mapping, then the body. */
export function apiHandler(fn: ApiFn) {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpErrors())
    .handler(fn);
}
