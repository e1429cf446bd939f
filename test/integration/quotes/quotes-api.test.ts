import type { PutEventRecord } from '../../../infra/local/eventbridge/eventbridge-server';
import { customerBody } from '../../fixtures/api-bodies';
import { pdfText } from '../../unit/documents/support';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * Quotes on the embedded runtime: a quote below the margin floor waits for a manager's approval, is
 * sent (the email, with its link, in the local SES store), and accepted by the buyer with the link's
 * token: its order is placed and its workflow runs. A wrong token changes nothing; an expired quote
 * answers 409 (on a second runtime at TRADEFLOW_TIME_SCALE 86 400, where a day of quote validity passes
 * in a second: too fast for the order workflow's task timeouts, so the first runs in real time).
 */
describe('quotes on the local runtime', () => {
  let system: LocalSystem;
  let customerId: string;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
    const customer = await system.api('/customers', { body: customerBody });
    customerId = customer.json.customerId;
  });
  afterAll(async () => {
    await system.stop();
  });

  const quoteBody = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
    customerId,
    inquiryId: 'inq_01JQUOTEINTEGRATION0000000',
    incoterm: { code: 'CIF', place: 'Hamburg' },
    shippingAddress: { name: 'Hamburg Tools GmbH', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
    lines,
    ...extra,
  });
  const tokenFrom = async (quoteId: string, on: LocalSystem = system) => {
    const email = await eventually(
      // Not the staff notices about it ("[sales] Quote needs approval: quo_…").
      async () =>
        (await on.sentEmails()).find((e) => e.subject.includes(quoteId) && !e.subject.startsWith('[')),
      10_000,
      'the quote email',
    );
    const match = /\/quotes\/[^/\s]+\/accept\?token=([A-Za-z0-9_-]+)/.exec(email.body.text ?? '');
    if (!match) throw new Error('no acceptance link in the quote email');
    return { email, token: match[1] };
  };
  const busEvents = async (type: string, on: LocalSystem = system) =>
    (await on.admin<{ events: PutEventRecord[] }>('/events')).events.filter((e) => e.detailType === type);

  it('below the floor → approval → send (email with the link) → accept → an order whose workflow runs', async () => {
    // Prepare: 10.00 is the list price of VALVE-DN50 (7.10 / 0.7 = 10.14); 8.00 earns 11.25 %
    const created = await system.api('/quotes', {
      as: 'sales',
      body: quoteBody([
        { sku: 'VALVE-DN50', quantity: 200, unitPrice: '8.00' },
        { sku: 'PUMP-3KW', quantity: 4 },
      ]),
    });
    expect(created.status).toBe(201);
    const quoteId: string = created.json.quoteId;
    expect(created.json).toMatchObject({
      status: 'PENDING_APPROVAL',
      revision: 1,
      pricing: { zone: 'EUROPE' },
    });

    // Act
    const refused = await system.api(`/quotes/${quoteId}/send`, { as: 'sales', body: {} });
    const bySales = await system.api(`/quotes/${quoteId}/approve`, { as: 'sales', body: { revision: 1 } });
    const approved = await system.api(`/quotes/${quoteId}/approve`, { as: 'admin', body: { revision: 1 } });
    const sent = await system.api(`/quotes/${quoteId}/send`, { as: 'sales', body: { message: 'Our offer' } });
    const { email, token } = await tokenFrom(quoteId);
    const accepted = await system.api(`/quotes/${quoteId}/accept`, { as: 'none', body: { token } });
    const again = await system.api(`/quotes/${quoteId}/accept`, { as: 'none', body: { token } });

    // Assess
    expect(refused.status).toBe(409);
    expect(bySales.status).toBe(403);
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe('DRAFT');
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe('SENT');
    expect(email.destination.to).toEqual([customerBody.email.toLowerCase()]);
    expect(email.body.text).toContain('VALVE-DN50 × 200 @ ');
    expect(accepted.status).toBe(200);
    const orderId: string = accepted.json.orderId;
    expect(accepted.json).toMatchObject({ quoteId, status: 'ACCEPTED' });
    expect(again.json.orderId).toBe(orderId);
    const order = await eventually(
      async () => {
        const read = await system.api(`/orders/${orderId}`, { as: 'sales' });
        return read.status === 200 && read.json.status !== 'RECEIVED' ? read.json : undefined;
      },
      20_000,
      'the order to move past RECEIVED',
    );
    expect(order.externalRef).toBe(quoteId);
    expect(order.lines).toHaveLength(2);
    const quote = await system.api(`/quotes/${quoteId}`, { as: 'sales' });
    expect(quote.json).toMatchObject({ status: 'ACCEPTED', acceptance: { orderId } });
    expect(
      (await busEvents('QuoteSent')).map((e) => (e.event.detail as { quoteId: string }).quoteId),
    ).toContain(quoteId);
    const notice = await eventually(
      async () =>
        (await system.sentEmails()).find((e) =>
          e.subject.startsWith(`[sales] Quote needs approval: ${quoteId}`),
        ),
      10_000,
      'the sales notice of the approval asked',
    );
    expect(notice.body.text).toContain(`POST /quotes/${quoteId}/approve`);
    const acceptedEvents = await busEvents('QuoteAccepted');
    expect(acceptedEvents.map((e) => e.event.detail)).toContainEqual(
      expect.objectContaining({ quoteId, orderId, customerId, inquiryId: 'inq_01JQUOTEINTEGRATION0000000' }),
    );
  });

  it('a wrong token is a 404 and changes nothing', async () => {
    // Prepare
    const created = await system.api('/quotes', {
      as: 'sales',
      body: quoteBody([{ sku: 'VALVE-DN50', quantity: 50 }]),
    });
    const quoteId: string = created.json.quoteId;
    expect(created.json.status).toBe('DRAFT');
    await system.api(`/quotes/${quoteId}/send`, { as: 'sales', body: {} });
    const before = await system.api(`/quotes/${quoteId}`, { as: 'sales' });

    // Act
    const wrong = await system.api(`/quotes/${quoteId}/accept`, {
      as: 'none',
      body: { token: 'x'.repeat(22) },
    });
    const noToken = await system.api(`/quotes/${quoteId}/accept`, { as: 'none', body: {} });

    // Assess
    expect(wrong.status).toBe(404);
    expect(noToken.status).toBe(400);
    const after = await system.api(`/quotes/${quoteId}`, { as: 'sales' });
    expect(after.json).toEqual(before.json);
  });

  it("the buyer's page: GET with the token shows the quote, its form accepts, the proforma is a PDF; a wrong token is a 404 page", async () => {
    // Prepare
    const created = await system.api('/quotes', {
      as: 'sales',
      body: quoteBody([
        { sku: 'VALVE-DN50', quantity: 120 },
        { sku: 'PUMP-3KW', quantity: 2 },
      ]),
    });
    const quoteId: string = created.json.quoteId;
    await system.api(`/quotes/${quoteId}/send`, { as: 'sales', body: {} });
    const { email, token } = await tokenFrom(quoteId);
    const base = `${system.runtime.info.apiUrl}/quotes/${quoteId}`;

    // Act
    const page = await fetch(`${base}/accept?token=${token}`);
    const html = await page.text();
    const proformaLink = /\/quotes\/[^/\s]+\/proforma\?token=[A-Za-z0-9_-]+/.exec(email.body.text ?? '');
    const proforma = await fetch(`${base}/proforma?token=${token}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      redirect: 'manual',
    });
    const location = proforma.headers.get('location') ?? '';
    const downloaded = await fetch(location);
    const pdf = new Uint8Array(await downloaded.arrayBuffer());
    const again = await fetch(`${base}/proforma?token=${token}`, { redirect: 'manual' });
    const asPdf = await fetch(`${base}/proforma?token=${token}`, { headers: { accept: 'application/pdf' } });
    const asPdfBytes = new Uint8Array(await asPdf.arrayBuffer());
    const wrong = await fetch(`${base}/accept?token=${'x'.repeat(22)}`);
    const wrongPdf = await fetch(`${base}/proforma?token=${'x'.repeat(22)}`);
    const form = await fetch(`${base}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    const answer = await form.text();

    // Assess
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(html).toContain(`Quotation ${quoteId}`);
    expect(html).toContain('<form method="post" action="accept">');
    expect(html).not.toMatch(/marginPercent|unitCost/);
    expect(proformaLink).not.toBeNull();
    expect(proforma.status).toBe(302);
    expect(proforma.headers.get('cache-control')).toBe('no-store');
    expect(proforma.headers.get('referrer-policy')).toBe('no-referrer');
    const link = new URL(location);
    expect(link.origin).toBe(system.runtime.info.endpoints.s3);
    expect(link.hostname).toBe('127.0.0.1');
    expect(decodeURIComponent(link.pathname)).toMatch(new RegExp(`/quotes/${quoteId}/r1/proforma\\.pdf$`));
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-disposition')).toMatch(/^inline; filename="PI-.*-1\.pdf"$/);
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location') ?? '').pathname).toBe(link.pathname);
    expect(asPdf.status).toBe(200);
    expect(asPdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(asPdfBytes).equals(Buffer.from(pdf))).toBe(true);
    const text = await pdfText(pdf);
    expect(text).toContain(quoteId);
    expect(text).toContain('VALVE-DN50');
    expect(text).toContain('PUMP-3KW');
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain('Page not found');
    expect(wrongPdf.status).toBe(404);
    expect(form.status).toBe(200);
    const orderId = /your order (ord_[0-9A-Z]+) is placed/.exec(answer)?.[1];
    expect(orderId).toBeDefined();
    const order = await system.api(`/orders/${orderId}`, { as: 'sales' });
    expect(order.status).toBe(200);
    expect(order.json.externalRef).toBe(quoteId);
    const after = await fetch(`${base}/accept?token=${token}`);
    expect(await after.text()).toContain(`your order ${orderId} is placed`);
  });

  it("a quote for an inquiry takes its lines; a revised quote's old link says it was revised", async () => {
    // Prepare
    const inquiry = await system.api('/inquiries', {
      as: 'sales',
      body: {
        customerId,
        lines: [{ sku: 'VALVE-DN50', quantity: 60 }],
        incoterm: 'CIF',
        destinationCountry: 'DE',
      },
    });
    expect(inquiry.status).toBe(201);
    const inquiryId: string = inquiry.json.inquiryId;

    // Act
    const created = await system.api('/quotes', {
      as: 'sales',
      body: { customerId, inquiryId, shippingAddress: quoteBody([]).shippingAddress },
    });
    const quoteId: string = created.json.quoteId;
    await system.api(`/quotes/${quoteId}/send`, { as: 'sales', body: {} });
    const { token } = await tokenFrom(quoteId);
    await system.api(`/quotes/${quoteId}/revisions`, {
      as: 'sales',
      body: { lines: [{ sku: 'VALVE-DN50', quantity: 80 }] },
    });
    const old = await fetch(`${system.runtime.info.apiUrl}/quotes/${quoteId}/accept?token=${token}`);

    // Assess
    expect(created.status).toBe(201);
    expect(created.json.lines).toEqual([expect.objectContaining({ sku: 'VALVE-DN50', quantity: 60 })]);
    expect(created.json).toMatchObject({ inquiryId });
    expect(old.status).toBe(404);
    expect(await old.text()).toContain('use the link in our newest email');
  });

  it('pricing settings: sales reads them, admin changes them (versioned), bad ones are refused', async () => {
    // Act
    const read = await system.api('/settings/pricing', { as: 'sales' });
    const bySales = await system.api('/settings/pricing', {
      method: 'PUT',
      as: 'sales',
      body: { version: 0 },
    });
    const badZone = await system.api('/settings/pricing', {
      method: 'PUT',
      as: 'admin',
      body: { version: 0, zones: { MARS: ['DE'] } },
    });
    const put = await system.api('/settings/pricing', {
      method: 'PUT',
      as: 'admin',
      body: { version: 0, targetMarginPercent: 35, marginFloorPercent: 20 },
    });
    const stale = await system.api('/settings/pricing', { method: 'PUT', as: 'admin', body: { version: 0 } });

    // Assess
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ version: 0, targetMarginPercent: 30, marginFloorPercent: 15 });
    expect(bySales.status).toBe(403);
    expect(badZone.status).toBe(400);
    expect(badZone.json.error.field).toBe('adders.MARS');
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ version: 1, targetMarginPercent: 35 });
    expect(stale.status).toBe(409);
  });

  describe('with a day of validity passing in a second', () => {
    let fast: LocalSystem;
    let fastCustomerId: string;

    beforeAll(async () => {
      fast = await startLocalSystem({ timeScale: 86_400 });
      await fast.seedProducts();
      fastCustomerId = (await fast.api('/customers', { body: customerBody })).json.customerId;
    });
    afterAll(async () => {
      await fast.stop();
    });

    it('an expired quote answers 409, and the expire-quotes schedule marks it EXPIRED', async () => {
      // Prepare: valid 1 day = 1 s here
      const created = await fast.api('/quotes', {
        as: 'sales',
        body: quoteBody([{ sku: 'VALVE-DN50', quantity: 50 }], {
          validityDays: 1,
          customerId: fastCustomerId,
        }),
      });
      const quoteId: string = created.json.quoteId;
      await fast.api(`/quotes/${quoteId}/send`, { as: 'sales', body: {} });
      const { token } = await tokenFrom(quoteId, fast);
      await new Promise((resolve) => setTimeout(resolve, 1_200));

      // Act
      const late = await fast.api(`/quotes/${quoteId}/accept`, { as: 'none', body: { token } });
      await fast.admin('/schedules/expire-quotes/fire', 'POST');

      // Assess
      expect(late.status).toBe(409);
      expect(late.json.error.message).toContain('expired');
      const quote = await eventually(
        async () => {
          const read = await fast.api(`/quotes/${quoteId}`, { as: 'sales' });
          return read.json.status === 'EXPIRED' ? read.json : undefined;
        },
        10_000,
        'the quote to expire',
      );
      expect(quote.expiredAt).toBeDefined();
      expect(
        (await busEvents('QuoteExpired', fast)).map((e) => (e.event.detail as { quoteId: string }).quoteId),
      ).toContain(quoteId);
    });
  });
});
