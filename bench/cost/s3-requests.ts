import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * S3 request classes as S3 bills them (us-east-1 Standard): PUT, COPY, POST and LIST requests at
 * $0.005 per 1,000; GET, HEAD and the rest at $0.0004 per 1,000; DELETE free. Not in issue 4's list
 * (the documents came later), so the cost bench shows them beside it, with the logs.
 */
export const S3_PRICES = { classA: 0.005 / 1000, classB: 0.0004 / 1000 } as const;

export interface S3RequestCounts {
  classA: number;
  classB: number;
}

export function s3RequestClass(
  request: Pick<IncomingMessage, 'method' | 'url'>,
): keyof S3RequestCounts | undefined {
  const method = request.method ?? 'GET';
  if (method === 'DELETE') return undefined;
  if (method === 'PUT' || method === 'POST') return 'classA';
  const url = new URL(request.url ?? '/', 'http://s3.local');
  // Path-style: `/<bucket>` or `/<bucket>/` with a query is a listing, `/<bucket>/<key>` an object.
  const isBucket = url.pathname.split('/').filter(Boolean).length <= 1;
  return method === 'GET' && isBucket ? 'classA' : 'classB';
}

/** Counts the requests the local S3 server (found among `servers` by its endpoint) serves, by class. */
export function countS3Requests(servers: Server[], endpoint: string): S3RequestCounts {
  const counts: S3RequestCounts = { classA: 0, classB: 0 };
  const port = Number(new URL(endpoint).port);
  const server = servers.find((candidate) => (candidate.address() as AddressInfo | null)?.port === port);
  if (!server) throw new Error(`no server on the S3 endpoint's port ${port}`);
  server.on('request', (request: IncomingMessage) => {
    const kind = s3RequestClass(request);
    if (kind) counts[kind]++;
  });
  return counts;
}
