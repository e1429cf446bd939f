import {
  IdempotencyAlreadyInProgressError,
  IdempotencyInconsistentStateError,
  IdempotencyItemNotFoundError,
} from '@aws-lambda-powertools/idempotency';
import { ConcurrentUpdateError } from '../../../shared/errors';
import { toHttpError } from '../../../shared/http/error-mapping';

describe('races a client can retry are 409s, not 500s', () => {
  it.each([
    ['a repeat while the first request runs', new IdempotencyAlreadyInProgressError('in progress')],
    ['a repeat that raced the first request freeing its key', new IdempotencyInconsistentStateError('gone')],
    ['a repeat whose read found the key freed meanwhile', new IdempotencyItemNotFoundError()],
  ])('%s: 409 IDEMPOTENCY_IN_PROGRESS', (_case, error) => {
    // Act
    const response = toHttpError(error);

    // Assess
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body).error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
  });

  it('a write that kept losing its version race: 409 CONCURRENT_UPDATE', () => {
    // Act
    const response = toHttpError(new ConcurrentUpdateError('changed'));

    // Assess
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body).error.code).toBe('CONCURRENT_UPDATE');
  });
});
