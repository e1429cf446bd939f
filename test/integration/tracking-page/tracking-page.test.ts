import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { eventually, type LocalSystem, type SentEmail, startLocalSystem } from '../support/local-system';

/**
 * Buyer emails in the buyer's language and the public tracking page, on the embedded runtime: two
 * buyers (zh-CN and en) with different orders; each email links its order's page; a page shows its
 * order and nothing of the other; a link that opens nothing is a 404.
 */
describe('buyer emails and the tracking page, end to end', () => {
  let system: LocalSystem;
  let a: { orderId: string; email: SentEmail; token: string };
  let b: { orderId: string; email: SentEmail; token: string };

  async function place(customer: Record<string, unknown>, order: (id: string) => Record<string, unknown>) {
    const created = await system.api('/customers', { body: customer });
    expect(created.status).toBe(201);
    const placed = await system.api('/orders', { body: order(created.json.customerId) });
    expect(placed.status).toBe(201);
    return placed.json.orderId as string;
  }

  const confirmation = (orderId: string, subject: string) =>
    eventually(
      async () => (await system.sentEmails()).find((mail) => mail.subject === subject),
      90_000,
      `the confirmation of ${orderId}`,
    );

  const tokenIn = (email: SentEmail) => {
    const match = new RegExp(`${system.runtime.info.apiUrl}/track/([A-Za-z0-9_-]{32})`).exec(
      email.body.text ?? '',
    );
    if (!match) throw new Error(`no tracking link in: ${email.body.text}`);
    return match[1];
  };

  const page = (path: string, accept = 'text/html') =>
    fetch(`${system.runtime.info.apiUrl}${path}`, { headers: { accept } });

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
    const idA = await place(
      { ...customerBody, name: '李伟', email: 'li.wei@shanghai-valves.example', language: 'zh-CN' },
      (id) => ({ ...orderBody(id), buyerPo: 'PO-A-7731' }),
    );
    const idB = await place(
      {
        ...customerBody,
        name: 'Bob Berg',
        email: 'bob@rotterdam-pumps.example',
        language: 'en',
        country: 'NL',
      },
      (id) => ({
        ...orderBody(id),
        buyerPo: 'PO-B-4420',
        lines: [{ sku: 'VALVE-DN50', quantity: 40, unitPrice: '13.75' }],
        shippingAddress: { name: 'Rotterdam Pumps BV', line1: 'Kade 9', city: 'Rotterdam', country: 'NL' },
      }),
    );
    const emailA = await confirmation(idA, `订单 ${idA} 已确认`);
    const emailB = await confirmation(idB, `Order ${idB} confirmed`);
    a = { orderId: idA, email: emailA, token: tokenIn(emailA) };
    b = { orderId: idB, email: emailB, token: tokenIn(emailB) };
  }, 240_000);

  afterAll(async () => {
    await system.stop();
  });

  it('emails each buyer in their language, amounts and dates for their locale, with their own tracking link', () => {
    // Assess: A in Chinese
    expect(a.email.destination.to).toEqual(['li.wei@shanghai-valves.example']);
    expect(a.email.body.text).toContain('尊敬的李伟：');
    expect(a.email.body.text).toContain('合计：EUR 6,099.60');
    expect(a.email.body.text).toContain('30% 定金：EUR 1,829.88，订单确认时支付');
    expect(a.email.body.text).toContain('（采购单号：PO-A-7731）');
    expect(a.email.body.html).toContain('<html lang="zh-CN">');
    // B in English
    expect(b.email.destination.to).toEqual(['bob@rotterdam-pumps.example']);
    expect(b.email.body.text).toContain('Dear Bob Berg,');
    expect(b.email.body.text).toContain('Total: EUR 550.00');
    expect(b.email.body.text).toContain('(your PO PO-B-4420)');
    // each its own link
    expect(a.token).not.toBe(b.token);
    expect(a.email.body.html).toContain(`<a href="${system.runtime.info.apiUrl}/track/${a.token}">`);
  });

  it("shows A's page in Chinese with A's order, and nothing of B", async () => {
    // Act
    const response = await page(`/track/${a.token}`);
    const html = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(`<h1>订单 ${a.orderId}</h1>`);
    expect(html).toContain('PO-A-7731');
    expect(html).toContain('200 × VALVE-DN50');
    expect(html).toContain('订单已确认');
    for (const other of [b.orderId, 'PO-B-4420', 'Rotterdam', '40 × VALVE-DN50', 'bob@', 'Bob Berg', b.token])
      expect(html).not.toContain(other);
    for (const personal of ['li.wei@', '李伟', 'Am Hafen 1', '20457', 'cus_'])
      expect(html).not.toContain(personal);
  });

  it("gives B's page as JSON on Accept: application/json, with nothing of A", async () => {
    // Act
    const response = await page(`/track/${b.token}`, 'application/json');
    const view = (await response.json()) as { timeline: { status: string }[] } & Record<string, unknown>;

    // Assess
    expect(response.status).toBe(200);
    expect(view).toMatchObject({
      orderId: b.orderId,
      buyerPo: 'PO-B-4420',
      shipTo: { city: 'Rotterdam', country: 'NL' },
      lines: [{ sku: 'VALVE-DN50', quantity: 40 }],
      total: { amount: '550.00', currency: 'EUR' },
    });
    expect(view.timeline.map((entry: { status: string }) => entry.status)).toContain('CONFIRMED');
    const text = JSON.stringify(view);
    for (const other of [a.orderId, 'PO-A-7731', a.token, 'Kade 9', 'bob@', 'customerId'])
      expect(text).not.toContain(other);
  });

  it.each([
    ['an unknown token', () => 'A'.repeat(32)],
    ['a token one character off', () => `${a.token.slice(0, 31)}${a.token[31] === 'x' ? 'y' : 'x'}`],
    ['a garbled token', () => `${a.token.slice(0, 10)}%27%22%3E`],
    ['a too-short token', () => a.token.slice(0, 20)],
  ])('answers 404 to %s, the same body every time, nothing leaked', async (_case, token) => {
    // Act
    const html = await page(`/track/${token()}`);
    const json = await page(`/track/${token()}`, 'application/json');
    const document = await page(`/track/${token()}/documents/commercial-invoice`);

    // Assess
    expect(html.status).toBe(404);
    const body = await html.text();
    expect(body).toContain('This tracking link is not valid');
    expect(body).not.toContain('ord_');
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No tracking page at this link' },
    });
    expect(document.status).toBe(404);
  });

  it("never serves the customs sheet or an unknown kind from a buyer's link", async () => {
    // Act
    const customs = await page(`/track/${a.token}/documents/customs-declaration`);
    const unknown = await page(`/track/${a.token}/documents/anything`);

    // Assess
    expect(customs.status).toBe(404);
    expect(unknown.status).toBe(404);
  });

  it('serves each document listed on the page as its PDF', async () => {
    // Prepare
    const view = (await (await page(`/track/${a.token}`, 'application/json')).json()) as {
      documents: { url: string; kind: string }[];
    };

    // Act / Assess: whatever the documents step has issued by now (the proforma, the confirmation…)
    expect(view.documents.length).toBeGreaterThan(0);
    for (const listed of view.documents as { url: string; kind: string }[]) {
      expect(listed.url).toBe(`${a.token}/documents/${listed.kind}`);
      // relative to the page, as a browser resolves it
      const url = new URL(listed.url, `${system.runtime.info.apiUrl}/track/${a.token}`);
      const pdf = await fetch(url, { headers: { accept: 'application/pdf' } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
  });

  it("sends a browser following a document's link to a short-lived presigned link on the local S3", async () => {
    // Prepare
    const view = (await (await page(`/track/${a.token}`, 'application/json')).json()) as {
      documents: { url: string; kind: string; number: string }[];
    };
    const listed = view.documents[0];
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

    // Act
    const answer = await fetch(new URL(listed.url, `${system.runtime.info.apiUrl}/track/${a.token}`), {
      headers: { accept: browser },
      redirect: 'manual',
    });
    const location = answer.headers.get('location') ?? '';
    const pdf = await fetch(location);
    const bytes = Buffer.from(await pdf.arrayBuffer());

    // Assess
    expect(answer.status).toBe(302);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    const link = new URL(location);
    expect(link.origin).toBe(system.runtime.info.endpoints.s3);
    expect(link.hostname).toBe('127.0.0.1');
    expect(link.pathname).toContain(`/${listed.kind}/`);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="${listed.number}.pdf"`);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
