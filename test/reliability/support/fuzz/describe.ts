import type { RawAnswer } from '../raw-http';
import type { FuzzRequest } from './fuzz-request';

const cut = (text: string, max = 300) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

/** A request and its answer, short enough to read in a failure message. */
export function describeExchange(request: FuzzRequest, answer?: RawAnswer): string {
  const { method, path, headers, body } = request.raw;
  return [
    `[${request.generator}] ${request.route}: ${method} ${cut(path, 200)}`,
    `  headers: ${cut(JSON.stringify(headers.map(([name, value]) => [name, cut(value, 60)])))}`,
    `  body: ${body ? cut(JSON.stringify(body.toString('utf8'))) : '(none)'}`,
    ...(answer ? [`  → ${answer.status} ${cut(answer.text)}`] : []),
  ].join('\n');
}
