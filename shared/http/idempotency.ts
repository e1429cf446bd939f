import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { dynamoClient } from '../adapters/dynamodb-client';
import { InvalidInputError } from '../errors';
import { callerOf } from './caller';

type ApiFn = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer that is a stored first answer, not a new run. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** How long a key is remembered: long enough for a client's retries, across a day. */
const DEFAULT_EXPIRY_SECONDS = 24 * 60 * 60;
const MAX_KEY_LENGTH = 255;

export interface IdempotencyOptions {
  /** Where the keys are kept (the DynamoDB layer on the `idempotency` table; an in-memory one in tests). */
  store: BasePersistenceLayer;
  /** Keys are scoped per function: the same key on two different routes is two different requests. */
  scope: string;
  expiresAfterSeconds?: number;
}

/** What identifies a request (`key`) and what must match when it is repeated (`request`). */
interface KeyedRequest {
  principal: string;
  key: string;
  request: { method: string; resource: string; pathParameters: Record<string, unknown>; body: unknown };
}

/**
 * Makes a POST handler honour `Idempotency-Key` (the header name in any case), with Powertools
 * idempotency: the first answer under a caller's key is stored and a repeat gets it back (with
 * `idempotent-replayed: true`) without running again; the same key with another body or path is an
 * `IdempotencyValidationError` (422); a repeat while the first is still running is an
 * `IdempotencyAlreadyInProgressError` (409). Only successes are stored: an error frees the key, so a
 * retry runs again. A request without the header runs as usual.
 */
export function idempotentApi(options: IdempotencyOptions): (fn: ApiFn) => ApiFn {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[principal, key]',
    payloadValidationJmesPath: 'request',
    expiresAfterSeconds: options.expiresAfterSeconds ?? DEFAULT_EXPIRY_SECONDS,
    hashFunction: 'sha256',
    responseHook: (response) => replayed(response as unknown as APIGatewayProxyResult) as never,
  });
  return (fn) => {
    const run = makeIdempotent(
      (_request: KeyedRequest, event: APIGatewayProxyEvent, context: Context) => fn(event, context),
      { persistenceStore: options.store, config, keyPrefix: options.scope, dataIndexArgument: 0 },
    );
    return async (event, context) => {
      const key = idempotencyKeyOf(event);
      if (key === undefined) return fn(event, context);
      const caller = callerOf(event);
      // The in-progress record expires with the invocation, so a crashed run does not hold the key.
      if (typeof context?.getRemainingTimeInMillis === 'function') config.registerLambdaContext(context);
      const request: KeyedRequest = {
        principal: `${caller.kind}:${caller.id}`,
        key,
        request: {
          method: event.httpMethod,
          resource: event.resource,
          pathParameters: event.pathParameters ?? {},
          body: bodyOf(event),
        },
      };
      return run(request, event, context);
    };
  };
}

/**
 * The DynamoDB persistence layer on the `idempotency` table (partition key `id`), sending through the
 * function's one DynamoDB client unless given another.
 */
export function dynamoIdempotencyStore(
  tableName: string,
  client: DynamoDBClient = dynamoClient(),
): BasePersistenceLayer {
  return new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: client });
}

/** The header's value, whatever the case of its name; undefined when absent. */
export function idempotencyKeyOf(event: APIGatewayProxyEvent): string | undefined {
  const wanted = IDEMPOTENCY_HEADER.toLowerCase();
  const entry = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === wanted);
  if (!entry || entry[1] === undefined) return undefined;
  const key = entry[1].trim();
  if (!key || key.length > MAX_KEY_LENGTH) {
    throw new InvalidInputError(
      `the ${IDEMPOTENCY_HEADER} header must be 1 to ${MAX_KEY_LENGTH} characters`,
      IDEMPOTENCY_HEADER,
      'INVALID_IDEMPOTENCY_KEY',
    );
  }
  return key;
}

/** Deeper than any body the API takes; Powertools hashes JSON recursively, so deeper stays text. */
const MAX_COMPARED_DEPTH = 64;

/**
 * The body as JSON when it is (so spacing and key order do not make another request), else its text.
 * A body nested deeper than any the API takes is compared as text: hashing it as JSON would overflow
 * the stack (a 500) before the handler could refuse it (a 400).
 */
function bodyOf(event: APIGatewayProxyEvent): unknown {
  if (!event.body) return null;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    const value: unknown = JSON.parse(text);
    return depthOf(value) > MAX_COMPARED_DEPTH ? text : value;
  } catch {
    return text;
  }
}

/** How deeply arrays and objects nest in a JSON value, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [next, depth] = pending.pop()!;
    if (!next || typeof next !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_COMPARED_DEPTH) return deepest;
    for (const child of Object.values(next)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function replayed(response: APIGatewayProxyResult): APIGatewayProxyResult {
  return { ...response, headers: { ...response.headers, [REPLAYED_HEADER]: 'true' } };
}
