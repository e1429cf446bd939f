import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesLocal from 'aws-ses-v2-local';
import type { SesFeedbackEvent } from '../../topology/types';
import { type AcceptedEmail, type SesEventEntry, simulatorEvents } from './mailbox-simulator';
import { sentMailJournal } from './sent-mail-journal';

export interface LocalSes {
  /** The SES v2 endpoint for SDK clients; the sent-mail viewer is at its root. */
  url: string;
  port: number;
  identities(): string[];
  /** Resolves when every mailbox-simulator event of the emails sent so far is on the bus. */
  idle(): Promise<void>;
  /** Simulator events not yet on the bus. */
  feedbackPending(): number;
  close(): Promise<void>;
}

/**
 * Configuration sets' event destinations: SES publishes their events (locally: the mailbox
 * simulator's bounces and complaints, mailbox-simulator.ts) to the default EventBridge bus.
 */
export interface LocalSesFeedback {
  region: string;
  accountId: string;
  /** Configuration set → the event types its destination publishes. */
  destinations: Record<string, SesFeedbackEvent[]>;
  /** PutEvents on the default bus. A failure is logged: SES' delivery is best effort too. */
  publish(entries: SesEventEntry[]): Promise<void>;
  log?: (line: string) => void;
}

/**
 * aws-ses-v2-local (sending, the store and its viewer) behind a thin front that adds what it lacks:
 * email identities (CreateEmailIdentity, ListEmailIdentities) and SES' refusal to send from an
 * unverified identity, so a missing identity shows up locally as it would on AWS.
 */
export async function startLocalSes(options: {
  host: string;
  port: number;
  identities: string[];
  /** Where sent mail is kept across restarts; in memory only when absent. */
  journalFile?: string;
  feedback?: LocalSesFeedback;
}): Promise<LocalSes> {
  const inner = await sesLocal({ host: '127.0.0.1', port: 0 });
  const journal = options.journalFile ? sentMailJournal(options.journalFile) : undefined;
  // Its express app, called in-process: a second HTTP hop per email would cost the main thread (where
  // every local server runs) more than the emulator itself.
  const innerApp = inner.listeners('request')[0] as (
    request: IncomingMessage,
    response: ServerResponse,
  ) => void;
  const identities = new Set(options.identities.map((identity) => identity.toLowerCase()));
  const publishing = new Set<Promise<void>>();
  // After SES accepted an email: what its configuration set publishes about it, on the bus.
  const report = (email: AcceptedEmail) => {
    const feedback = options.feedback;
    if (!feedback) return;
    const entries = simulatorEvents(email, feedback);
    if (entries.length === 0) return;
    const published = feedback
      .publish(entries)
      .catch((error: Error) => feedback.log?.(`ses: simulator events not published: ${error.message}`))
      .finally(() => publishing.delete(published));
    publishing.add(published);
  };

  const front: Server = createServer(async (request, response) => {
    const body = await readAll(request);
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'POST' && path === '/v2/email/identities') {
      const { EmailIdentity } = JSON.parse(body.toString('utf8') || '{}') as { EmailIdentity?: string };
      if (!EmailIdentity)
        return json(response, 400, { message: 'EmailIdentity is required' }, 'BadRequestException');
      if (identities.has(EmailIdentity.toLowerCase()))
        return json(response, 400, { message: `${EmailIdentity} already exists` }, 'AlreadyExistsException');
      identities.add(EmailIdentity.toLowerCase());
      return json(response, 200, {
        IdentityType: EmailIdentity.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
        VerifiedForSendingStatus: true,
      });
    }
    // ListEmailIdentities: GET in the API reference, POST .../list-identities in current SDKs.
    const listing =
      (request.method === 'GET' && path === '/v2/email/identities') ||
      (request.method === 'POST' && path === '/v2/email/list-identities');
    if (listing) {
      return json(response, 200, {
        EmailIdentities: [...identities].map((name) => ({
          IdentityName: name,
          IdentityType: name.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
          SendingEnabled: true,
          VerificationStatus: 'SUCCESS',
        })),
      });
    }
    if (request.method === 'POST' && path === '/v2/email/outbound-emails') {
      const { FromEmailAddress } = JSON.parse(body.toString('utf8') || '{}') as { FromEmailAddress?: string };
      const address = /<([^>]+)>/.exec(FromEmailAddress ?? '')?.[1] ?? FromEmailAddress ?? '';
      const domain = address.slice(address.indexOf('@') + 1).toLowerCase();
      if (!identities.has(address.toLowerCase()) && !identities.has(domain)) {
        return json(
          response,
          400,
          { message: `Email address is not verified. The following identities failed the check: ${address}` },
          'MessageRejected',
        );
      }
    }
    if (journal) response.once('finish', () => journal.sync());
    if (options.feedback && request.method === 'POST' && path === '/v2/email/outbound-emails') {
      const answered = capturedBody(response);
      response.once('finish', () => {
        const email = acceptedEmail(body, answered(), response.statusCode);
        if (email) report(email);
      });
    }
    forward(innerApp, request, body, response);
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port, options.host, () => resolve());
  });
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    port,
    identities: () => [...identities],
    idle: async () => {
      while (publishing.size > 0) await Promise.all([...publishing]);
    },
    feedbackPending: () => publishing.size,
    close: async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      (inner as Server).closeAllConnections?.();
      await new Promise<void>((resolve) => inner.close(() => resolve()));
    },
  };
}

/**
 * Hands a request whose body has been read to the emulator's express app. Its body parsers skip a
 * request already read, so the body goes along parsed as they would have parsed it (JSON, or a form
 * for the v1 API).
 */
function forward(
  app: (request: IncomingMessage, response: ServerResponse) => void,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): void {
  const type = String(request.headers['content-type'] ?? '');
  const text = body.toString('utf8');
  try {
    if (body.length && /json/i.test(type))
      (request as IncomingMessage & { body?: unknown }).body = JSON.parse(text);
    else if (body.length && /x-www-form-urlencoded/i.test(type))
      (request as IncomingMessage & { body?: unknown }).body = Object.fromEntries(new URLSearchParams(text));
  } catch {
    json(response, 400, { message: 'The request body is not valid JSON' }, 'BadRequestException');
    return;
  }
  app(request, response);
}

function json(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'content-type': 'application/json',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(JSON.stringify(body));
}

/** What the emulator answers, as it is written (its MessageId, for the simulator's events). */
function capturedBody(response: ServerResponse): () => string {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
    );
  };
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof response.write;
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as typeof response.end;
  return () => Buffer.concat(chunks).toString('utf8');
}

/** The accepted SendEmail request, in the simulator's terms; undefined when SES refused it. */
function acceptedEmail(body: Buffer, answer: string, status: number): AcceptedEmail | undefined {
  if (status !== 200) return undefined;
  try {
    const request = JSON.parse(body.toString('utf8')) as {
      FromEmailAddress?: string;
      Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
      ConfigurationSetName?: string;
      EmailTags?: { Name: string; Value: string }[];
      Content?: { Simple?: { Subject?: { Data?: string } } };
    };
    const { MessageId } = JSON.parse(answer) as { MessageId?: string };
    if (!MessageId) return undefined;
    const destination = request.Destination ?? {};
    return {
      messageId: MessageId,
      from: request.FromEmailAddress ?? '',
      recipients: [
        ...(destination.ToAddresses ?? []),
        ...(destination.CcAddresses ?? []),
        ...(destination.BccAddresses ?? []),
      ],
      subject: request.Content?.Simple?.Subject?.Data ?? '',
      configurationSet: request.ConfigurationSetName,
      tags: request.EmailTags ?? [],
      sentAt: new Date(),
    };
  } catch {
    return undefined;
  }
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
