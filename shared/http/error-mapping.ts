import {
  IdempotencyAlreadyInProgressError,
  IdempotencyInconsistentStateError,
  IdempotencyItemNotFoundError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { InvalidPageTokenError } from '../adapters/page-token';
import { AmountFormatError } from '../domain/money';
import {
  ConcurrentUpdateError,
  ConflictError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  NotFoundError,
  UnauthorizedError,
} from '../errors';
import { logger } from '../observability';
import { errorResponse } from './responses';

/**
 * The one place errors become HTTP: 4xx with a message a person can act on, 5xx with no internals.
 */
export function toHttpError(error: unknown): APIGatewayProxyResult {
  if (error instanceof InvalidInputError) {
    return errorResponse(400, {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    });
  }
  if (error instanceof AmountFormatError || error instanceof InvalidPageTokenError) {
    return errorResponse(400, { code: 'INVALID_INPUT', message: error.message });
  }
  if (error instanceof NotFoundError) return errorResponse(404, { code: error.code, message: error.message });
  if (error instanceof UnauthorizedError)
    return errorResponse(401, { code: error.code, message: error.message });
  if (error instanceof ForbiddenError)
    return errorResponse(403, { code: error.code, message: error.message });
  if (error instanceof ConflictError) {
    return errorResponse(409, {
      code: error.code,
      message: error.message,
      ...(error.status ? { status: error.status } : {}),
    });
  }
  if (error instanceof IdempotencyKeyReusedError)
    return errorResponse(422, { code: error.code, message: error.message });
  if (error instanceof IdempotencyValidationError) {
    return errorResponse(422, {
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'this Idempotency-Key was used with another request; use a new key for a new request',
      field: 'Idempotency-Key',
    });
  }
  // A repeat that raced the first request's record (there when its conditional write failed, freed
  // by the first request's failure before its read; on AWS the failed write returns the record, on
  // dynalite a read follows): as good as "in progress", and as safe to retry.
  if (
    error instanceof IdempotencyAlreadyInProgressError ||
    error instanceof IdempotencyInconsistentStateError ||
    error instanceof IdempotencyItemNotFoundError
  ) {
    return errorResponse(409, {
      code: 'IDEMPOTENCY_IN_PROGRESS',
      message: 'a request with this Idempotency-Key is still being processed; retry it shortly',
    });
  }
  if (error instanceof ConcurrentUpdateError) {
    return errorResponse(409, {
      code: error.code,
      message: 'the resource changed at the same time; retry the request',
    });
  }
  // Name, message and stack only: Powertools would copy every field of the error into the line, and
  // an SDK error can carry the item or request it failed on (a buyer's data).
  logger.error('unhandled error', {
    error: error instanceof Error ? bareError(error) : 'a non-Error was thrown',
  });
  return errorResponse(500, {
    code: 'INTERNAL',
    message: 'Something went wrong on our side; the request may be retried',
  });
}

export function httpErrors(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: async (request) => {
      if (request.error) request.response = toHttpError(request.error);
    },
  };
}

function bareError(error: Error): Error {
  const bare = new Error(error.message);
  bare.name = error.name;
  bare.stack = error.stack;
  return bare;
}
