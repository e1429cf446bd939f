/**
 * The errors use cases throw. Each carries a stable `code`; the HTTP layer maps the class to a status
 * and ASL `Catch.ErrorEquals` matches the class name. Pure: no HTTP or AWS here.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The client sent something malformed or invalid; `field` names where (dotted path). */
export class InvalidInputError extends AppError {
  readonly code: string;
  constructor(
    message: string,
    readonly field?: string,
    code = 'INVALID_INPUT',
  ) {
    super(message);
    this.code = code;
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
}

/** Not allowed in the resource's current state; `status` names that state. */
export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly status?: string,
  ) {
    super(message);
  }
}

/** The request does not prove who sent it (a webhook's signature is missing or wrong). */
export class UnauthorizedError extends AppError {
  readonly code = 'UNAUTHORIZED';
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
}

/** An Idempotency-Key was reused with a different request. */
export class IdempotencyKeyReusedError extends AppError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
}

/** Another writer changed the item first (optimistic concurrency); safe to retry. */
export class ConcurrentUpdateError extends AppError {
  readonly code = 'CONCURRENT_UPDATE';
}
