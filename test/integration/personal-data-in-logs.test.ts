import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { orderBody } from '../fixtures/api-bodies';
import type { Batch } from '../reliability/support/order-batch';
import { walkOrder } from '../reliability/support/order-batch';
import { retryingClient } from '../reliability/support/retrying-client';
import { eventually, type LocalSystem, startLocalSystem } from './support/local-system';

/**
 * No personal data in logs (shared/observability.ts: log lines carry ids and codes only). A buyer with distinctive
 * personal data orders twice and both orders run their whole life (credit hold and decision, deposit,
 * balance and invoice payments, packing, shipment, tracking, delivery); a third order is rejected by
 * the workflow, and requests carrying the personal data are refused. Then every function's log
 * (`<dataDir>/logs/<function>.log`, CloudWatch's log groups locally) and everything the runtime
 * printed in this process is searched for the personal values, in any case and escaped form.
 *
 * Not logs, and so not searched: the tables (dynamodb/), the sent-mail journal (ses/, the local
 * SES's mailbox), the delivery journal (eventbridge/), the execution histories (sfn/), the S3
 * objects (s3/) and local.json — storage that legitimately holds a buyer's data.
 *
 * Functions log at DEBUG here (the default is INFO), so a debug line cannot leak either.
 */
const TAG = Date.now().toString(36);

const person = {
  contactName: 'Ottilie Quarzbrenner-Vasquez',
  familyName: 'Quarzbrenner',
  email: `ottilie.quarzbrenner+${TAG}@quarzbrenner-mail.example`,
  emailLocalPart: 'ottilie.quarzbrenner',
  phone: '+31 570 849 263',
  line1: 'Zwanenhofsteeg 417-bis',
  line2: 'Achterhuis, 2e verdieping',
  city: 'Twello-Quellenbrück',
  postalCode: '7391 QZ',
};

const customerBody = {
  name: person.contactName,
  email: person.email,
  country: 'NL',
  company: 'Nordkap Armaturen B.V.',
  language: 'en',
  currency: 'EUR',
  // Low enough that an order on open account is held for finance's decision.
  creditLimit: { amount: '100.00', currency: 'EUR' },
};

const shippingAddress = {
  name: person.contactName,
  line1: person.line1,
  line2: person.line2,
  city: person.city,
  postalCode: person.postalCode,
  country: 'NL',
};

/** The forms a value takes in a log line: as is, JSON-escaped (once, twice, ASCII-only), URL-encoded, compacted. */
function forms(value: string): string[] {
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const ascii = (text: string) =>
    text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const candidates = [
    value,
    json(value),
    json(json(value)),
    ascii(json(value)),
    ascii(json(json(value))),
    encodeURIComponent(value),
    value.replace(/[\s+-]/g, ''),
  ];
  return [...new Set(candidates.map((form) => form.toLowerCase()))];
}

interface LogText {
  source: string;
  text: string;
}

/** Each personal value found, with where and around what. */
function leaks(logs: LogText[]): string[] {
  const found: string[] = [];
  for (const [what, value] of Object.entries(person)) {
    for (const form of forms(value)) {
      for (const { source, text } of logs) {
        const at = text.toLowerCase().indexOf(form);
        if (at >= 0)
          found.push(
            `${what} (${JSON.stringify(form)}) in ${source}: …${text.slice(Math.max(0, at - 200), at + 80)}…`,
          );
      }
    }
  }
  return found;
}

describe('no personal data in the logs', () => {
  let system: LocalSystem;
  let stopped = false;
  const printed: string[] = [];
  const restore: (() => void)[] = [];
  const savedLogLevel = process.env.POWERTOOLS_LOG_LEVEL;

  beforeAll(async () => {
    // Whatever the runtime prints in this process (it runs embedded) is its own log output.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write;
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        printed.push(String(chunk));
        return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = write;
      });
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(
          `${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}\n`,
        );
      });
      restore.push(() => spy.mockRestore());
    }
    // The functions' environment takes the level from here (test/setup-env.ts silences them).
    process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
    system = await startLocalSystem();
    await system.seedProducts();
  });

  afterAll(async () => {
    if (!stopped) await system?.stop();
    else rmSync(system.dataDir, { recursive: true, force: true });
    if (savedLogLevel === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = savedLogLevel;
    for (const undo of restore) undo();
  });

  it("runs orders through their whole life and through failures, and no log holds the buyer's email, phone, name or address", async () => {
    // Prepare: the buyer, and two orders to their address (TT 30/70, and open account held for credit)
    const api = retryingClient(() => system.runtime.info);
    const { customerId } = await api<{ customerId: string }>(
      'POST',
      '/customers',
      'storefront',
      customerBody,
    );
    const batch: Batch = {
      run: `PDL${TAG}`,
      orders: [
        { kind: 'plain', customerId, email: person.email },
        { kind: 'credit-hold', customerId, email: person.email },
      ],
      skus: { valve: 'VALVE-DN50', pump: 'PUMP-3KW', motor: 'PUMP-3KW' },
      stocked: {},
    };
    const place = async (paymentTerms: unknown, po: string, lines = orderBody(customerId).lines) =>
      (
        await api<{ orderId: string }>('POST', '/orders', 'storefront', {
          ...orderBody(customerId),
          paymentTerms,
          lines,
          shippingAddress,
          buyerPo: `PO-${TAG}-${po}`,
        })
      ).orderId;

    // Act 1: both orders through their whole life, side by side
    const orderIds = [
      await place({ type: 'TT', depositPercent: 30 }, 'A'),
      await place({ type: 'OA', netDays: 30 }, 'B'),
    ];
    await Promise.all(
      orderIds.map((orderId, index) => walkOrder(api, batch, index, orderId, { timeoutMs: 40_000 })),
    );

    // Act 2: the failures — an order the workflow rejects (no such product), requests refused with
    // the personal data in their bodies, and bad payments
    const rejectedId = await place({ type: 'TT', depositPercent: 30 }, 'C', [
      { sku: `NO-SUCH-SKU-${TAG}`, quantity: 1, unitPrice: '10.00' },
    ]);
    const refused = [
      // a field the contract does not have, carrying a phone number
      await system.api('/customers', { body: { ...customerBody, phone: person.phone } }),
      // a wrong value next to the personal ones
      await system.api('/customers', { body: { ...customerBody, country: 'Netherlands' } }),
      await system.api('/customers', {
        body: { ...customerBody, email: `${person.contactName} <${person.email}>` },
      }),
      // malformed JSON with the personal data in it
      await system.api('/orders', {
        body: `{"customerId":"${customerId}","shippingAddress":${JSON.stringify(shippingAddress)},`,
      }),
      // an address with a phone field, and one for an unknown customer
      await system.api('/orders', {
        body: { ...orderBody(customerId), shippingAddress: { ...shippingAddress, phone: person.phone } },
      }),
      await system.api('/orders', { body: { ...orderBody('cus_nobody'), shippingAddress } }),
      // payments: not an amount (the payer's name as the reference), a completed order, the wrong currency
      await system.api(`/orders/${orderIds[0]}/payments`, {
        as: 'finance',
        body: { amount: 'a lot', currency: 'EUR', reference: `${person.contactName} ${person.phone}` },
      }),
      await system.api(`/orders/${orderIds[1]}/payments`, {
        as: 'finance',
        body: { amount: '10.00', currency: 'EUR', reference: `${person.contactName}` },
      }),
      await system.api(`/orders/${orderIds[0]}/payments`, {
        as: 'finance',
        body: { amount: '10.00', currency: 'XYZ', reference: person.email },
      }),
    ];
    await eventually(
      async () => ((await system.api(`/orders/${rejectedId}`)).json.status === 'REJECTED' ? true : undefined),
      15_000,
      'the third order to be rejected',
    );
    await system.runtime.idle();

    // Act 3: an outage — DynamoDB stops, and requests with the personal data fail inside the functions,
    // which log the errors (the callers' credentials are still in the authorizer's cache)
    await system.runtime.dynamodb.close();
    const failed = [
      await system.api('/customers', { body: customerBody }),
      await system.api('/orders', { body: { ...orderBody(customerId), shippingAddress } }),
      await system.api(`/orders/${orderIds[0]}/payments`, {
        as: 'finance',
        body: { amount: '10.00', currency: 'EUR', reference: `${person.contactName} ${person.phone}` },
      }),
    ];
    await system.stop(true);
    stopped = true;
    const logDir = join(system.dataDir, 'logs');
    const logs: LogText[] = [
      ...readdirSync(logDir).map((file) => ({
        source: `logs/${file}`,
        text: readFileSync(join(logDir, file), 'utf8'),
      })),
      { source: 'the runtime process (stdout, stderr, console)', text: printed.join('') },
    ];

    // Assess: the flows went as meant (walkOrder saw both orders COMPLETED)
    expect(refused.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 409, 400]);
    expect(failed.map((answer) => answer.status)).toEqual([500, 500, 500]);

    // the logs were really read: the functions logged, about these orders, and the errors
    const functionLogs = logs.filter((log) => log.source.startsWith('logs/') && log.text.length > 0);
    expect(functionLogs.length).toBeGreaterThanOrEqual(5);
    const allText = logs.map((log) => log.text).join('\n');
    for (const orderId of [...orderIds, rejectedId]) expect(allText).toContain(orderId);
    expect(allText.match(/"level":"ERROR","message":"unhandled error"/g)).toHaveLength(failed.length);

    // and no personal value, in any form
    expect(leaks(logs)).toEqual([]);
  });
});
