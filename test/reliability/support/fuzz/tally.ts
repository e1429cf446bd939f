import type { RawAnswer } from '../raw-http';
import type { FuzzRequest } from './fuzz-request';

/** What a fuzz run sent and got: counts by generator, route and status, and what was taken. */
export class FuzzTally {
  requests = 0;
  readonly generators = new Map<string, number>();
  readonly statuses = new Map<number, number>();
  /** Requests answered 2xx (not replays of an earlier answer), by route. */
  readonly accepted = new Map<string, number>();
  readonly routes = new Set<string>();

  record(request: FuzzRequest, answer: RawAnswer): void {
    this.requests++;
    this.routes.add(request.route);
    bump(this.generators, request.generator);
    bump(this.statuses, answer.status);
    if (answer.status < 300 && answer.headers['idempotent-replayed'] !== 'true')
      bump(this.accepted, request.route);
  }

  summary(): string {
    const list = <K>(map: Map<K, number>) =>
      [...map]
        .sort(([, a], [, b]) => b - a)
        .map(([key, count]) => `${key}: ${count}`)
        .join(', ');
    return [
      `${this.requests} requests to ${this.routes.size} routes from ${this.generators.size} generators`,
      `statuses: ${list(this.statuses)}`,
      `generators: ${list(this.generators)}`,
      `accepted: ${list(this.accepted) || 'none'}`,
    ].join('\n');
  }
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Sends the requests with at most `concurrency` in flight; answers in the requests' order. */
export async function sendAll<T>(
  items: T[],
  send: (item: T) => Promise<RawAnswer>,
  concurrency: number,
): Promise<RawAnswer[]> {
  const answers: RawAnswer[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      answers[index] = await send(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return answers;
}
