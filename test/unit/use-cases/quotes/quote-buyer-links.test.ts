import { DEFAULT_COMPANY_DETAILS } from '../../../../shared/documents/company-details';
import type { Inquiry } from '../../../../shared/domain/inquiry';
import { buyerQuoteView } from '../../../../shared/email/quotes/buyer-quote-view';
import { quoteEmail } from '../../../../shared/email/quotes/quote-email';
import { InvalidInputError } from '../../../../shared/errors';
import { acceptFormAnswer } from '../../../../shared/quote-page/accept-form';
import { renderQuotePage } from '../../../../shared/quote-page/render-quote-page';
import { QUOTE_PAGE_POLICY } from '../../../../shared/quote-page/responses';
import { makeOpenQuoteLink } from '../../../../shared/use-cases/quotes/open-quote-link';
import { makeRenderQuoteProforma } from '../../../../shared/use-cases/quotes/quote-proforma';
import { pdfText } from '../../documents/support';
import { CUSTOMER_ID, DAY, MANAGER, quoteBody, quoteWorld, SALES, TOKEN } from './quote-world';

/**
 * What the buyer's links open: the acceptance page (both languages, nothing internal), its form's
 * answer, the proforma PDF, the email in the buyer's language, and a quote made from an inquiry.
 */
describe("a quote's buyer links (in-memory ports)", () => {
  /** A quote below the floor, approved with a note, sent: it has every internal field there is. */
  async function sentQuote(w = quoteWorld()) {
    const created = await w.createQuote(
      quoteBody({
        lines: [
          { sku: 'VALVE-DN50', quantity: 200, unitPrice: '8.00' },
          { sku: 'PUMP-3KW', quantity: 4 },
        ],
      }),
      SALES,
    );
    await w.approveQuote(created.quoteId, { revision: 1, note: 'strategic account, internal' }, MANAGER);
    const quote = await w.sendQuote(created.quoteId, {}, SALES);
    const openLink = makeOpenQuoteLink({ quotes: w.quotes, customers: w.customers, clock: w.clock });
    return { w, quote, openLink };
  }
  const pageOptions = { acceptAction: 'accept', proformaUrl: `proforma?token=${TOKEN}`, token: TOKEN };

  it('renders the page in English and in Simplified Chinese, with the Accept form and nothing internal', async () => {
    // Prepare
    const { quote } = await sentQuote();
    const view = buyerQuoteView(quote);

    // Act
    const en = renderQuotePage(view, 'en', { ...pageOptions, state: 'acceptable' });
    const zh = renderQuotePage(view, 'zh-Hans-CN', { ...pageOptions, state: 'acceptable' });
    const fr = renderQuotePage(view, 'fr', { ...pageOptions, state: 'acceptable' });

    // Assess
    expect(en).toContain(`Quotation ${quote.quoteId}`);
    expect(en).toContain('VALVE-DN50');
    expect(en).toContain('PUMP-3KW');
    expect(en).toContain('CIF Hamburg (Incoterms 2020)');
    expect(en).toContain('Apr 9, 2026');
    expect(en).toContain('<form method="post" action="accept">');
    expect(en).toContain(`name="token" value="${TOKEN}"`);
    expect(en).toContain('Accept quotation');
    expect(en).toContain(`href="proforma?token=${TOKEN}"`);
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain(`报价单 ${quote.quoteId}`);
    expect(zh).toContain('接受报价');
    expect(zh).toContain('有效期至');
    expect(fr).toContain('<html lang="en">');
    for (const page of [en, zh]) {
      const html = page.replace(/<style>[^<]*<\/style>/g, '');
      expect(html).not.toMatch(/margin|cost|approv|strategic|internal|<script/i);
      expect(html).not.toContain('EUR 7.00'); // VALVE-DN50's unit cost
      expect(html).not.toContain('EUR 540.00'); // PUMP-3KW's unit cost
      expect(html).not.toContain('sam'); // the staff who made it
    }
    expect(QUOTE_PAGE_POLICY).toContain("form-action 'self'");
    expect(QUOTE_PAGE_POLICY).not.toContain('script-src');
  });

  it('shows an accepted or expired quote without the form', async () => {
    // Prepare
    const { quote } = await sentQuote();
    const view = buyerQuoteView(quote);

    // Act
    const accepted = renderQuotePage(view, 'en', { ...pageOptions, state: 'accepted', orderId: 'ord_X' });
    const expired = renderQuotePage(view, 'zh-CN', { ...pageOptions, state: 'expired' });

    // Assess
    expect(accepted).toContain('your order ord_X is placed');
    expect(accepted).not.toContain('<form');
    expect(expired).toContain('报价已过期'.slice(0, 2));
    expect(expired).toContain('现已无法接受');
    expect(expired).not.toContain('<form');
  });

  it('opens the link only with the current token; a superseded revision says it was revised', async () => {
    // Prepare
    const { w, quote, openLink } = await sentQuote();

    // Act
    const open = await openLink(quote.quoteId, TOKEN);
    const wrong = await openLink(quote.quoteId, 'x'.repeat(22));
    const malformed = await openLink(quote.quoteId, '<script>');
    const noQuote = await openLink('quo_01JQUOTE000000000000000999', TOKEN);
    await w.reviseQuote(quote.quoteId, { lines: [{ sku: 'VALVE-DN50', quantity: 500 }] }, SALES);
    const revised = await openLink(quote.quoteId, TOKEN);

    // Assess
    expect(open).toMatchObject({ kind: 'open', state: 'acceptable', language: 'en' });
    expect(wrong).toBeUndefined();
    expect(malformed).toBeUndefined();
    expect(noQuote).toBeUndefined();
    expect(revised).toEqual({ kind: 'revised', language: 'en' });
  });

  it("the form's POST accepts and answers a page with the order's number; an expired quote answers 409", async () => {
    // Prepare
    const { w, quote, openLink } = await sentQuote();
    const late = await sentQuote(quoteWorld());
    late.w.advance(31 * DAY);

    // Act
    const accepted = await acceptFormAnswer(
      quote.quoteId,
      async () => ({ orderId: (await w.acceptQuote(quote.quoteId, TOKEN)).orderId, language: 'en' }),
      () => openLink(quote.quoteId, TOKEN),
    );
    const expired = await acceptFormAnswer(
      late.quote.quoteId,
      async () => ({ orderId: (await late.w.acceptQuote(late.quote.quoteId, TOKEN)).orderId }),
      () => late.openLink(late.quote.quoteId, TOKEN),
    );
    const wrong = await acceptFormAnswer(
      quote.quoteId,
      async () => ({ orderId: (await w.acceptQuote(quote.quoteId, 'y'.repeat(22))).orderId }),
      () => openLink(quote.quoteId, 'y'.repeat(22)),
    );

    // Assess
    const orderId = (await w.quotes.get(quote.quoteId))?.acceptance?.orderId;
    expect(orderId).toMatch(/^ord_/);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(accepted.body).toContain(`your order ${orderId} is placed`);
    expect(await w.orders.get(orderId!)).toBeDefined();
    expect(expired.statusCode).toBe(409);
    expect(expired.body).toContain('can no longer be accepted');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('Page not found');
  });

  it('renders the proforma PDF with the quote number, its lines and total', async () => {
    // Prepare
    const { w, quote } = await sentQuote();
    const render = makeRenderQuoteProforma({
      catalog: w.catalog,
      company: { get: async () => DEFAULT_COMPANY_DETAILS },
    });

    // Act
    const { filename, bytes } = await render(quote, undefined);
    const text = await pdfText(bytes);

    // Assess
    const [valve, pump] = quote.current.pricing.lines;
    const amount = (minor: number) => (minor / 100).toLocaleString('en', { minimumFractionDigits: 2 });
    expect(filename).toMatch(/^PI-.*-1\.pdf$/);
    expect(text).toContain('Proforma Invoice');
    expect(text).toContain(quote.quoteId);
    expect(text).toContain('VALVE-DN50');
    expect(text).toContain('PUMP-3KW');
    expect(text).toContain('Ball valve');
    expect(text).toContain(amount(valve.amount.minor));
    expect(text).toContain(amount(pump.amount.minor));
    expect(text).toContain(amount(quote.current.pricing.total.minor));
    expect(text).toContain('Valid until 2026-04-09');
    expect(text).not.toMatch(/margin|strategic/i);
  });

  it('emails the quote in the buyer language: Simplified Chinese, English otherwise', async () => {
    // Prepare
    const { quote } = await sentQuote();
    const links = { accept: 'https://api.example.com/a', proforma: 'https://api.example.com/p' };

    // Act
    const zh = quoteEmail(quote, links, { buyerName: '王先生', language: 'zh-CN' });
    const de = quoteEmail(quote, links, { buyerName: 'Ana', language: 'de' });

    // Assess
    expect(zh.subject).toContain(`报价单 ${quote.quoteId}（第 1 版）`);
    expect(zh.text).toContain('尊敬的王先生');
    expect(zh.text).toContain('在线接受本报价');
    expect(zh.text).toContain('形式发票（PDF）');
    expect(zh.text).toContain('电汇（T/T），30% 定金');
    expect(de.subject).toContain(`Quotation ${quote.quoteId} (revision 1)`);
    expect(de.text).toContain('Proforma invoice (PDF):');
    // German number formatting, English words (as the buyer-email catalog does).
    expect(de.text).toMatch(/\d\.\d{3},\d{2} EUR/);
    expect(`${zh.text}${de.text}`).not.toMatch(/margin|strategic/i);
  });

  describe('a quote from an inquiry', () => {
    const inquiry = (overrides: Partial<Inquiry> = {}): Inquiry => ({
      inquiryId: 'inq_01JQUOTEFROMINQUIRY0000000',
      customerId: CUSTOMER_ID,
      receivedFrom: SALES,
      status: 'OPEN',
      lines: [
        { sku: 'VALVE-DN50', quantity: 300 },
        { sku: 'PUMP-3KW', quantity: 2 },
      ],
      incoterm: 'DAP',
      destinationCountry: 'DE',
      replies: [],
      quoteIds: [],
      timeline: [],
      createdAt: '2026-03-09T09:00:00.000Z',
      updatedAt: '2026-03-09T09:00:00.000Z',
      version: 1,
      ...overrides,
    });
    const address = { name: 'Hamburg Tools GmbH', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' };

    it('takes the lines and the Incoterm from the inquiry when the body gives no lines', async () => {
      // Prepare
      const w = quoteWorld();
      await w.inquiries.create(inquiry());

      // Act
      const quote = await w.createQuote(
        { customerId: CUSTOMER_ID, inquiryId: 'inq_01JQUOTEFROMINQUIRY0000000', shippingAddress: address },
        SALES,
      );

      // Assess
      expect(quote.inquiryId).toBe('inq_01JQUOTEFROMINQUIRY0000000');
      expect(quote.current.terms.lines).toEqual([
        { sku: 'VALVE-DN50', quantity: 300 },
        { sku: 'PUMP-3KW', quantity: 2 },
      ]);
      expect(quote.current.terms.incoterm).toEqual({ code: 'DAP', place: 'Hamburg' });
      expect(quote.current.pricing.destinationCountry).toBe('DE');
    });

    it('an inquiry in free text only is a 400 asking for the lines', async () => {
      // Prepare
      const w = quoteWorld();
      await w.inquiries.create(inquiry({ lines: [], text: 'We need valves, about 300.' }));

      // Act
      const refused = w.createQuote(
        { customerId: CUSTOMER_ID, inquiryId: 'inq_01JQUOTEFROMINQUIRY0000000', shippingAddress: address },
        SALES,
      );
      const noInquiry = w.createQuote({ customerId: CUSTOMER_ID, shippingAddress: address }, SALES);

      // Assess
      await expect(refused).rejects.toThrow(InvalidInputError);
      await expect(refused).rejects.toMatchObject({
        field: 'lines',
        message: expect.stringContaining('free text only'),
      });
      await expect(noInquiry).rejects.toMatchObject({ field: 'lines' });
      expect(await w.quotes.list({ customerId: CUSTOMER_ID })).toMatchObject({ items: [] });
    });
  });
});
