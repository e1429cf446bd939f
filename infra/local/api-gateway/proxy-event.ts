import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { MalformedRequestError } from './malformed-request';
import type { MatchedRoute } from './route-table';

export interface RequestParts {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  body: Buffer;
  sourceIp: string;
}

export function requestParts(request: IncomingMessage, body: Buffer): RequestParts {
  const url = parsedUrl(request.url ?? '/');
  // No prototype: a header named `valueOf` or `__proto__` is a header, not Object.prototype's member.
  const headers: Record<string, string> = Object.create(null);
  const multiValueHeaders: Record<string, string[]> = Object.create(null);
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i];
    const value = request.rawHeaders[i + 1];
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    multiValueHeaders,
    body,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
  };
}

/** The request target; one that is no URL at all (`http://[bad`) is the client's mistake, a 400. */
function parsedUrl(target: string): URL {
  try {
    return new URL(target, 'http://local');
  } catch {
    throw new MalformedRequestError(`The request target "${target.slice(0, 100)}" is not a valid URL path`);
  }
}

export interface ApiContext {
  apiId: string;
  stage: string;
  accountId: string;
  region: string;
  domainName: string;
}

export function methodArn(api: ApiContext, method: string, path: string): string {
  return `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${api.stage}/${method}${path}`;
}

/** A REST API (v1) Lambda proxy event, shaped as API Gateway builds it. */
export function proxyEvent(
  api: ApiContext,
  parts: RequestParts,
  matched: MatchedRoute,
  identity: { apiKey?: string; apiKeyId?: string },
  authorizer: Record<string, unknown> | undefined,
): APIGatewayProxyEvent {
  const query = parts.query.size ? Object.fromEntries(parts.query) : null;
  const multiQuery: Record<string, string[]> = Object.create(null);
  for (const [name, value] of parts.query) multiQuery[name] = [...(multiQuery[name] ?? []), value];
  const textual = isTextual(parts.headers);
  const now = Date.now();
  return {
    resource: matched.route.path,
    path: parts.path,
    httpMethod: parts.method,
    headers: parts.headers,
    multiValueHeaders: parts.multiValueHeaders,
    queryStringParameters: query,
    multiValueQueryStringParameters: query ? multiQuery : null,
    pathParameters: matched.pathParameters,
    stageVariables: null,
    body: parts.body.length ? (textual ? parts.body.toString('utf8') : parts.body.toString('base64')) : null,
    isBase64Encoded: parts.body.length > 0 && !textual,
    requestContext: {
      accountId: api.accountId,
      apiId: api.apiId,
      authorizer: authorizer ?? null,
      domainName: api.domainName,
      httpMethod: parts.method,
      path: `/${api.stage}${parts.path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: now,
      resourceId: 'local',
      resourcePath: matched.route.path,
      stage: api.stage,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: identity.apiKey ?? null,
        apiKeyId: identity.apiKeyId ?? null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: parts.sourceIp,
        user: null,
        userAgent: parts.headers['User-Agent'] ?? parts.headers['user-agent'] ?? null,
        userArn: null,
      },
    },
  };
}

/** API Gateway passes text bodies as-is and base64-encodes binary media types. */
function isTextual(headers: Record<string, string>): boolean {
  const type = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  return !type || /^(text\/|application\/(json|x-www-form-urlencoded|xml|[\w.+-]*\+json))/i.test(type);
}
