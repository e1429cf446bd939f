import { InvalidInputError } from '../errors';

/** One thing wrong with a submitted document: where (dotted path) and what to do about it. */
export interface Problem {
  field: string;
  message: string;
}

/**
 * Throws the problems as one InvalidInputError (400): every message, so the sender can fix them all
 * at once, and the first field, since the error names one.
 */
export function assertNoProblems(problems: readonly Problem[]): void {
  if (!problems.length) return;
  throw new InvalidInputError(problems.map((p) => p.message).join('; '), problems[0].field);
}
