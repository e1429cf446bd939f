import { type ClientRequest, request } from 'node:http';

/**
 * The bench's drivers learn that an order changed from the live feed (Server-Sent Events), as the
 * staff console does, instead of polling `GET /orders/{id}` on a timer: one stream for the whole
 * batch, each message waking the driver of its order, which then reads the order once. A driver
 * still reads on its own after `fallbackMs` without a message, so a change that published no event
 * (or a message lost with a dropped stream) only slows it down.
 */
export interface OrderSignals {
  /** Resolves at the next feed message about `orderId`, or after `ms`, whichever comes first. */
  wait(orderId: string, ms: number): Promise<void>;
  /** Feed messages received so far. */
  received(): number;
  close(): void;
}

/**
 * The feed messages that ask someone to act on an order, or end it: a wait began (OrderWaiting, and
 * the shipment and balance waits' own OrderReadyToShip and PaymentDue), or the order is over. A
 * driver acting as the departments and the buyer reads its order only on these: the other messages
 * (documents issued, stock allocated, a payment recorded…) tell of work that asks nothing of them.
 */
export const ACTIONABLE_FEED_TYPES: ReadonlySet<string> = new Set([
  'OrderWaiting',
  'OrderReadyToShip',
  'PaymentDue',
  'OrderCompleted',
  'OrderRejected',
  'OrderCancelled',
  'OrderStalled',
]);

/** `types`: wake a driver only for messages of these types (every message when absent). */
export function openOrderSignals(
  feedUrl: string,
  token: string,
  types?: ReadonlySet<string>,
): Promise<OrderSignals> {
  const waiting = new Map<string, () => void>();
  /** Messages that came while nobody waited for their order: the next wait returns at once. */
  const early = new Set<string>();
  let count = 0;
  const wake = (orderId: string) => {
    const resolve = waiting.get(orderId);
    if (resolve) {
      waiting.delete(orderId);
      resolve();
    } else early.add(orderId);
  };
  return new Promise((resolve, reject) => {
    const url = `${feedUrl}?${new URLSearchParams({ token })}`;
    const req: ClientRequest = request(
      url,
      { agent: false, headers: { accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`the live feed answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.startsWith('data:')) continue;
            count++;
            // Only the order id and type are needed: a cheap search instead of parsing every message.
            const type = /"type":"([^"]+)"/.exec(line)?.[1];
            if (types && !(type && types.has(type))) continue;
            const match = /"orderId":"([^"]+)"/.exec(line);
            if (match) wake(match[1]);
          }
        });
        resolve({
          wait(orderId, ms) {
            if (early.delete(orderId)) return Promise.resolve();
            return new Promise<void>((done) => {
              const timer = setTimeout(() => {
                if (waiting.get(orderId) === finish) waiting.delete(orderId);
                done();
              }, ms);
              const finish = () => {
                clearTimeout(timer);
                done();
              };
              waiting.set(orderId, finish);
            });
          },
          received: () => count,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
