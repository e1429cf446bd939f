import type { RouteSpec } from '../../../infra/topology/types';
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

/**
 * Why a 4xx answer of a route a buyer's browser opens by link (`callers.link`) is not one a person
 * can act on: such a route answers an HTML page by design (a JSON client still gets the error shape).
 * The page must say what went wrong in its <title> or <h1>, and leak no internals.
 */
export function linkPageProblems(answer: RawAnswer): string[] {
  const type = String(answer.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) return errorShapeProblems(answer);
  if (!type.startsWith('text/html')) return [`content-type is "${type}", neither an HTML page nor JSON`];
  const problems: string[] = [];
  const visible = (html: string | undefined) =>
    (html ?? '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const title = visible(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(answer.text)?.[1]);
  const heading = visible(/<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(answer.text)?.[1]);
  if (title.length < 4 && heading.length < 4)
    problems.push(`no <title> or <h1> says what went wrong in ${answer.text.slice(0, 200)}`);
  const text = visible(answer.text.replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' '));
  if (INTERNALS.test(text)) problems.push(`page leaks internals: ${text.slice(0, 300)}`);
  return problems;
}

/** Why a 4xx answer is not one its caller can act on: the error shape, or a page for a link route. */
export function refusalProblems(route: Pick<RouteSpec, 'callers'> | undefined, answer: RawAnswer): string[] {
  return route?.callers.link ? linkPageProblems(answer) : errorShapeProblems(answer);
}
