import type { RawAnswer } from './raw-http';

/** Signs of internals leaking into a message: stack frames, error class names, serialisation slips. */
const INTERNALS =
  /\bat \S+ \(|\.ts:\d+|\.js:\d+|TypeError|ReferenceError|RangeError|SyntaxError|\[object Object\]|ECONN/;

/**
 * Why a 4xx answer is not the API's error shape (`{ error: { code, message, field? } }`, JSON) with a
 * message a person can act on; an empty list when it is.
 */
export function errorShapeProblems(answer: RawAnswer): string[] {
  const problems: string[] = [];
  const type = String(answer.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) problems.push(`content-type is "${type}", not JSON`);
  const error = answer.json?.error;
  if (!error || typeof error !== 'object')
    return [...problems, `no error object in ${answer.text.slice(0, 200)}`];
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(error.code))
    problems.push(`code ${JSON.stringify(error.code)} is not an UPPER_SNAKE code`);
  if (typeof error.message !== 'string' || error.message.trim().length < 10)
    problems.push(`message ${JSON.stringify(error.message)} says too little to act on`);
  else if (INTERNALS.test(error.message))
    problems.push(`message leaks internals: ${error.message.slice(0, 300)}`);
  if (error.field !== undefined && typeof error.field !== 'string') problems.push('field is not a string');
  return problems;
}
