import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { type ApiSpec, type GatewayResponseSpec, isOpenRoute } from '../../topology/types';
import { closeServer, listen } from '../listen';
import { apiDocs } from './api-docs';
import { type AuthorizerAnswer, AuthorizerCache } from './authorizer-cache';
import { answerClientError, answerMalformed, MalformedRequestError } from './malformed-request';
import { policyAllows } from './policy';
import { type ApiContext, methodArn, proxyEvent, requestParts } from './proxy-event';
import { makeRouteTable } from './route-table';
import type { UsagePlans } from './usage-plans';

export interface LocalApiGatewayOptions {
  host: string;
  port: number;
  api: ApiSpec;
  context: Omit<ApiContext, 'domainName'>;
  usagePlans: UsagePlans;
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  /** Extra local-only pages served before routing (e.g. the console); return true if handled. */
  extraHandler?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** The wall clock of the authorizer's results cache (tests); `Date.now` by default. */
  now?: () => number;
}

export interface LocalApiGateway {
  url: string;
  port: number;
  /** The routes it serves: `METHOD /path → function`. */
  routes(): { method: string; path: string; function: string }[];
  requestCount(): number;
  /** Times the authorizer was called (requests answered from its results cache do not call it). */
  authorizerCalls(): number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * The REST API as API Gateway serves it: route match, the REQUEST authorizer (its identity sources
 * checked, its answer cached per their values for the TTL, its policy deciding), the usage identifier
 * key checked against usage plans and throttled, then the Lambda proxy integration. API Gateway's own
 * refusals use the topology's gateway responses.
 */
export async function startLocalApiGateway(options: LocalApiGatewayOptions): Promise<LocalApiGateway> {
  const match = makeRouteTable(options.api.routes);
  const responses = new Map(options.api.gatewayResponses.map((spec) => [spec.type, spec]));
  const authorizerCache = new AuthorizerCache(options.api.authorizer, options.now);
  let requests = 0;
  let authorizerCalls = 0;

  const gatewayResponse = (response: ServerResponse, type: GatewayResponseSpec['type']) => {
    const spec = responses.get(type) ?? responses.get('DEFAULT_5XX')!;
    send(response, {
      statusCode: spec.statusCode,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { code: spec.code, message: spec.message } }),
    });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, domainName: string) => {
    requests++;
    const body = await readBody(request);
    if (body === undefined)
      return send(response, {
        statusCode: 413,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'TOO_LARGE', message: 'The body is over 10 MB' } }),
      });
    const parts = requestParts(request, body);
    const matched = match(parts.method, parts.path);
    if (!matched) return gatewayResponse(response, 'MISSING_AUTHENTICATION_TOKEN');

    const api: ApiContext = { ...options.context, domainName };
    // A shop's signed webhook or a buyer's link: no authorizer and no API key (AuthorizationType NONE
    // on AWS); the function checks the signature over the body, or the link's token.
    if (isOpenRoute(matched.route.callers)) {
      return integrate(response, matched.route.function, proxyEvent(api, parts, matched, {}, undefined));
    }
    const arn = methodArn(api, parts.method, parts.path);
    const identity = authorizerCache.identity(parts.headers);
    if (identity === undefined) return gatewayResponse(response, 'UNAUTHORIZED');
    let answer = authorizerCache.get(identity);
    if (!answer) {
      const calledAt = authorizerCache.time();
      authorizerCalls++;
      try {
        answer = (await options.invoke(options.api.authorizer.function, {
          type: 'REQUEST',
          methodArn: arn,
          resource: matched.route.path,
          path: parts.path,
          httpMethod: parts.method,
          headers: parts.headers,
          multiValueHeaders: parts.multiValueHeaders,
          queryStringParameters: Object.fromEntries(parts.query),
          pathParameters: matched.pathParameters ?? {},
          stageVariables: {},
          requestContext: {
            accountId: api.accountId,
            apiId: api.apiId,
            stage: api.stage,
            httpMethod: parts.method,
            resourcePath: matched.route.path,
          },
        })) as AuthorizerAnswer;
      } catch (error) {
        return gatewayResponse(
          response,
          (error as Error).message === 'Unauthorized' ? 'UNAUTHORIZED' : 'DEFAULT_5XX',
        );
      }
      if (answer) authorizerCache.set(identity, answer, calledAt);
    }
    if (!answer?.principalId || !policyAllows(answer.policyDocument, arn))
      return gatewayResponse(response, 'ACCESS_DENIED');
    const key = options.usagePlans.find(answer.usageIdentifierKey);
    if (!key) return gatewayResponse(response, 'INVALID_API_KEY');
    if (!options.usagePlans.take(key)) return gatewayResponse(response, 'THROTTLED');

    const authorizer = {
      ...stringValues(answer.context ?? {}),
      principalId: answer.principalId,
      integrationLatency: 0,
    };
    const event = proxyEvent(api, parts, matched, { apiKey: key.value, apiKeyId: key.id }, authorizer);
    return integrate(response, matched.route.function, event);
  };

  /** The Lambda proxy integration: the function's answer as the response, or API Gateway's 5xx. */
  const integrate = async (response: ServerResponse, functionName: string, event: unknown) => {
    try {
      const result = (await options.invoke(functionName, event)) as APIGatewayProxyResult;
      if (!result || typeof result.statusCode !== 'number') return gatewayResponse(response, 'DEFAULT_5XX');
      send(response, result);
    } catch {
      gatewayResponse(response, 'DEFAULT_5XX');
    }
  };

  const docs = apiDocs(options.api);
  const server: Server = createServer((request, response) => {
    // GET /openapi.json and /docs: the API's reference, local only, no credential.
    if (docs(request, response)) return;
    if (options.extraHandler?.(request, response)) return;
    handle(request, response, request.headers.host ?? 'localhost').catch((error) =>
      error instanceof MalformedRequestError
        ? answerMalformed(response, error)
        : gatewayResponse(response, 'DEFAULT_5XX'),
    );
  });
  server.on('clientError', answerClientError);
  server.keepAliveTimeout = 65_000;
  const { url, port } = await listen(server, options.host, options.port);
  return {
    url,
    port,
    routes: () =>
      options.api.routes.map(({ method, path, function: fn }) => ({ method, path, function: fn })),
    requestCount: () => requests,
    authorizerCalls: () => authorizerCalls,
    close: () => closeServer(server),
  };
}

/** API Gateway passes authorizer context values as strings, numbers or booleans only. */
function stringValues(context: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(context).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)),
  ) as Record<string, string | number | boolean>;
}

function send(
  response: ServerResponse,
  result: Partial<APIGatewayProxyResult> & { statusCode: number },
): void {
  if (response.headersSent) return;
  const headers: Record<string, string | string[]> = { ...stringify(result.headers) };
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name] = values.map(String);
  const body = result.body
    ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  response.writeHead(result.statusCode, { ...headers, 'content-length': String(body.length) });
  response.end(body);
}

function stringify(headers: APIGatewayProxyResult['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
