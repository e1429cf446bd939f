import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { localClientConfig } from '../../../infra/local/local-aws';
import { type LocalSes, startLocalSes } from '../../../infra/local/ses/local-ses';

describe('the local SES', () => {
  let ses: LocalSes;
  let client: SESv2Client;
  beforeAll(async () => {
    ses = await startLocalSes({ host: '127.0.0.1', port: 0, identities: ['tradeflow.example.com'] });
    client = new SESv2Client(localClientConfig(ses.url));
  });
  afterAll(async () => {
    client.destroy();
    await ses.close();
  });

  const email = (from: string, subject: string) =>
    new SendEmailCommand({
      FromEmailAddress: from,
      Destination: { ToAddresses: ['ana@buyer.example'] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: 'Hello' } } } },
    });

  it('keeps an email from a verified identity, for the viewer and its store', async () => {
    // Act
    const sent = await client.send(email('Tradeflow <orders@tradeflow.example.com>', 'Order received'));

    // Assess
    expect(sent.MessageId).toEqual(expect.any(String));
    const store = (await (await fetch(`${ses.url}/store`)).json()) as {
      emails: { messageId: string; subject: string; destination: { to: string[] } }[];
    };
    expect(store.emails).toContainEqual(
      expect.objectContaining({
        messageId: sent.MessageId,
        subject: 'Order received',
        destination: expect.objectContaining({ to: ['ana@buyer.example'] }),
      }),
    );
  });

  it('refuses to send from an unverified identity, as SES does', async () => {
    await expect(client.send(email('someone@elsewhere.example', 'Hi'))).rejects.toMatchObject({
      name: 'MessageRejected',
    });
  });

  it('keeps sent mail in its journal: a new start on the same file shows it, a torn last line is skipped', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'tradeflow-ses-'));
    const journalFile = join(dir, 'sent.jsonl');
    const first = await startLocalSes({
      host: '127.0.0.1',
      port: 0,
      identities: ['tradeflow.example.com'],
      journalFile,
    });
    const sender = new SESv2Client(localClientConfig(first.url));
    await sender.send(email('orders@tradeflow.example.com', 'Kept across restarts'));
    sender.destroy();
    await first.close();
    appendFileSync(journalFile, '{"messageId":"torn');

    // Act
    const second = await startLocalSes({
      host: '127.0.0.1',
      port: 0,
      identities: ['tradeflow.example.com'],
      journalFile,
    });
    const again = new SESv2Client(localClientConfig(second.url));
    await again.send(email('orders@tradeflow.example.com', 'After the crash'));
    again.destroy();
    await second.close();
    const third = await startLocalSes({
      host: '127.0.0.1',
      port: 0,
      identities: ['tradeflow.example.com'],
      journalFile,
    });
    const store = (await (await fetch(`${third.url}/store`)).json()) as { emails: { subject: string }[] };
    await third.close();
    rmSync(dir, { recursive: true, force: true });

    // Assess
    expect(store.emails.map((mail) => mail.subject)).toEqual(['Kept across restarts', 'After the crash']);
  });
});
