import { Agent, request } from 'node:http';

/** A request exactly as written: any method, an unnormalised path, raw header values, any bytes. */
export interface RawRequest {
  method: string;
  /** Sent as is (already percent-encoded where the request means to). */
  path: string;
  headers: [string, string][];
  body?: Buffer;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered
  json: any;
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/**
 * Sends a request with node:http rather than fetch, which would normalise the path, refuse some
 * header values and add its own headers: the fuzzer needs to send what a broken client sends.
 */
export function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: raw.method,
        path: raw.path,
        // A header list (to repeat names) makes node add no Host: HTTP/1.1 needs one.
        headers: ['host', url.host, ...raw.headers.flat(), 'content-length', String(raw.body?.length ?? 0)],
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: parsed(text) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

function parsed(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
