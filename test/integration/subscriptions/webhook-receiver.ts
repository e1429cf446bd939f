import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../../shared/webhooks/signature';

export interface ReceivedDelivery {
  eventId: string | undefined;
  verified: boolean;
  answered: number;
  body: Record<string, unknown>;
}

/**
 * A webhook receiver on 127.0.0.1, as a subscriber would write one: it verifies each request's
 * signature with the secret it was given, and fails its first `failures` requests (Infinity: all).
 */
export async function startReceiver(options: { failures?: number } = {}) {
  let secret = '';
  let failuresLeft = options.failures ?? 0;
  const received: ReceivedDelivery[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => request.headers[name.toLowerCase()] as string | undefined;
      const verified = verifyWebhook({
        secret,
        rawBody,
        signature: header(SIGNATURE_HEADER),
        timestamp: header(TIMESTAMP_HEADER),
        now: new Date(),
      });
      const failing = failuresLeft > 0;
      if (failing) failuresLeft--;
      const answered = !verified ? 401 : failing ? 503 : 200;
      received.push({
        eventId: header('X-Tradeflow-Event-Id'),
        verified,
        answered,
        body: JSON.parse(rawBody),
      });
      response.writeHead(answered, { 'content-type': 'text/plain' });
      response.end(answered === 200 ? 'ok' : 'the receiver body, never to be logged');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tradeflow`,
    received,
    /** The secret from the subscription's creation (shown once). */
    useSecret: (value: string) => {
      secret = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
