import { AppError } from '../errors';

/**
 * A check before issue failed: nothing was issued, the order carries the task for sales. The ASL
 * catches it by name (to wait for the fix, or to carry on while the task stays open).
 */
export class DocumentChecksFailedError extends AppError {
  readonly code = 'DOCUMENT_CHECKS_FAILED';
}
