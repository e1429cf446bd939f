import { AppError } from '../errors';

/**
 * A workflow step found the order cancelled: thrown so the ASL `Catch` (ErrorEquals
 * `OrderCancelledError`) routes the execution to compensation instead of carrying on.
 */
export class OrderCancelledError extends AppError {
  readonly code = 'ORDER_CANCELLED';
}
