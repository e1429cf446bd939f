import { formatAmount } from '../../../../shared/domain/money';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../../shared/errors';
import { quoteOrderId } from '../../../../shared/use-cases/quotes/accept-quote';
import { ADMIN, DAY, MANAGER, quoteBody, quoteWorld, SALES, TOKEN } from './quote-world';

describe('quotes: create, revise, approve, send, accept, expire (in-memory ports)', () => {
  it('creates v1 priced by the rules: DRAFT, with the CIF adders and the rate-free EUR pricing', async () => {
    // Prepare
    const w = quoteWorld();

    // Act
    const quote = await w.createQuote(quoteBody(), SALES);

    // Assess: 7.00 / 0.7 = 10.00, less 2 % (200 units) = 9.80; + 0.39 freight (4 %) + 0.03 insurance
    expect(quote.status).toBe('DRAFT');
    expect(quote.current.revision).toBe(1);
    expect(formatAmount(quote.current.pricing.lines[0].unitPrice)).toBe('10.22');
    expect(formatAmount(quote.current.pricing.total)).toBe('2044.00');
    expect(quote.current.terms.paymentTerms).toEqual({ type: 'TT', depositPercent: 30 });
    expect(quote.current.template.validityDays).toBe(30);
    expect(w.quotes.revisions.size).toBe(1);
  });

  it('a line below the floor needs approval: send is refused (409), the manager approves, then it sends', async () => {
    // Prepare
    const w = quoteWorld();
    const quote = await w.createQuote(
      quoteBody({ lines: [{ sku: 'VALVE-DN50', quantity: 10, unitPrice: '7.50' }] }),
      SALES,
    );

    // Act
    const refused = w.sendQuote(quote.quoteId, {}, SALES);
    const wrongRevision = w.approveQuote(quote.quoteId, { revision: 2 }, MANAGER);
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(wrongRevision).rejects.toThrow('is at revision 1, not 2');
    const approved = await w.approveQuote(quote.quoteId, { revision: 1, note: 'strategic' }, MANAGER);
    const again = await w.approveQuote(quote.quoteId, { revision: 1 }, MANAGER);
    const sent = await w.sendQuote(quote.quoteId, {}, SALES);

    // Assess
    expect(quote.status).toBe('PENDING_APPROVAL');
    expect(quote.current.pricing.lines[0].approvalReason).toContain('below the floor of 15 %');
    expect(approved.status).toBe('DRAFT');
    expect(approved.current.approval).toMatchObject({ by: MANAGER, note: 'strategic' });
    expect(again.version).toBe(approved.version);
    expect(sent.status).toBe('SENT');
    expect(approved.current.approval?.by.role).toBe('sales-manager');
    expect(w.events.published[0]).toEqual({
      type: 'QuoteApprovalRequested',
      detail: expect.objectContaining({
        quoteId: quote.quoteId,
        revision: 1,
        total: formatAmount(quote.current.pricing.total),
        currency: 'EUR',
        linesBelowFloor: 1,
        marginFloorPercent: 15,
      }),
    });
  });

  it('approving below the floor needs a sales manager: sales is refused (403), admin may', async () => {
    // Prepare
    const w = quoteWorld();
    const below = quoteBody({ lines: [{ sku: 'VALVE-DN50', quantity: 10, unitPrice: '7.50' }] });
    const first = await w.createQuote(below, SALES);
    const second = await w.createQuote(below, SALES);

    // Act
    const bySales = w.approveQuote(first.quoteId, { revision: 1 }, SALES);
    const byAdmin = await w.approveQuote(second.quoteId, { revision: 1 }, ADMIN);

    // Assess
    await expect(bySales).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bySales).rejects.toThrow('needs a sales manager (role sales-manager or admin), not sales');
    expect((await w.quotes.get(first.quoteId))?.status).toBe('PENDING_APPROVAL');
    expect(byAdmin.status).toBe('DRAFT');
  });
  it('sending emails the buyer the quote and its link, records it in the history, and announces QuoteSent', async () => {
    // Prepare
    const w = quoteWorld();
    const quote = await w.createQuote(quoteBody(), SALES);

    // Act
    const sent = await w.sendQuote(quote.quoteId, { message: 'Our offer' }, SALES);

    // Assess
    expect(sent.current.sent?.validUntil).toBe('2026-04-09T09:00:00.000Z');
    expect(sent.current.sent?.tokenHash).not.toContain(TOKEN);
    expect(w.sent.sent).toHaveLength(1);
    expect(w.sent.sent[0].to).toEqual(['ana@hamburg-tools.example']);
    expect(w.sent.sent[0].text).toContain(
      `https://api.example.com/v1/quotes/${quote.quoteId}/accept?token=${TOKEN}`,
    );
    expect(w.sent.sent[0].text).toContain('VALVE-DN50 × 200 @ EUR 10.22 = EUR 2,044.00');
    expect(w.communications.entries[0]).toMatchObject({ kind: 'quote', refs: { quoteId: quote.quoteId } });
    expect(w.events.published).toEqual([
      expect.objectContaining({
        type: 'QuoteSent',
        detail: expect.objectContaining({
          quoteId: quote.quoteId,
          inquiryId: 'inq_01JQUOTE00000000000000000',
          total: '2044.00',
          currency: 'EUR',
          validUntil: '2026-04-09T09:00:00.000Z',
        }),
      }),
    ]);
  });

  it('a revision records what changed, supersedes v1 and makes the quote sendable again', async () => {
    // Prepare
    const w = quoteWorld();
    const quote = await w.createQuote(quoteBody(), SALES);
    await w.sendQuote(quote.quoteId, {}, SALES);

    // Act
    const revised = await w.reviseQuote(
      quote.quoteId,
      {
        lines: [{ sku: 'VALVE-DN50', quantity: 500 }],
        incoterm: { code: 'FOB', place: 'Shanghai' },
        reason: 'more volume',
      },
      SALES,
    );

    // Assess
    expect(revised.status).toBe('DRAFT');
    expect(revised.current.revision).toBe(2);
    expect(revised.current.changes).toEqual([
      'Incoterm CIF Hamburg → FOB Shanghai',
      'VALVE-DN50 quantity 200 → 500',
      'VALVE-DN50 unit price changed',
      'total changed',
      'why: more volume',
    ]);
    expect(revised.history.map((h) => [h.revision, h.status])).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'DRAFT'],
    ]);
    await expect(w.acceptQuote(quote.quoteId, TOKEN)).rejects.toThrow(NotFoundError);
  });

  it('accepting with the token places one order (deterministic id, externalRef the quote) and announces QuoteAccepted', async () => {
    // Prepare
    const w = quoteWorld();
    const quote = await w.createQuote(quoteBody(), SALES);
    await w.sendQuote(quote.quoteId, {}, SALES);

    // Act
    const first = await w.acceptQuote(quote.quoteId, TOKEN);
    const repeat = await w.acceptQuote(quote.quoteId, TOKEN);

    // Assess
    const order = await w.orders.get(first.orderId);
    expect(first.orderId).toBe(quoteOrderId(quote.quoteId));
    expect(repeat.orderId).toBe(first.orderId);
    expect(first.quote.status).toBe('ACCEPTED');
    expect(order).toMatchObject({ status: 'RECEIVED', externalRef: quote.quoteId, currency: 'EUR' });
    expect(order?.lines.map((l) => [l.sku, l.quantity, formatAmount(l.unitPrice)])).toEqual([
      ['VALVE-DN50', 200, '10.22'],
    ]);
    expect(w.workflow.started.map((s) => s.orderId)).toEqual([first.orderId, first.orderId]);
    const accepted = w.events.published.filter((e) => e.type === 'QuoteAccepted');
    expect(accepted).toHaveLength(2); // the repeat re-announces the same change
    expect(new Set(accepted.map((e) => e.detail.changeId)).size).toBe(1);
    expect(accepted[0].detail).toMatchObject({ orderId: first.orderId, customerId: quote.customerId });
  });

  it('a wrong token is a 404 and changes nothing', async () => {
    // Prepare
    const w = quoteWorld();
    const quote = await w.createQuote(quoteBody(), SALES);
    const sent = await w.sendQuote(quote.quoteId, {}, SALES);

    // Act
    const wrong = w.acceptQuote(quote.quoteId, 'not-the-token-0123456789');

    // Assess
    await expect(wrong).rejects.toThrow(NotFoundError);
    expect((await w.quotes.get(quote.quoteId))?.version).toBe(sent.version);
    expect(await w.orders.get(quoteOrderId(quote.quoteId))).toBeUndefined();
    expect(w.events.published.map((e) => e.type)).toEqual(['QuoteSent']);
  });

  it('reminds sales once before expiry, then expires the quote; accepting it then is a 409', async () => {
    // Prepare
    const w = quoteWorld();
    const quote = await w.createQuote(quoteBody({ validityDays: 10 }), SALES);
    await w.sendQuote(quote.quoteId, {}, SALES);

    // Act
    const early = await w.expireQuotes();
    w.advance(7 * DAY + 1);
    const reminder = await w.expireQuotes();
    const rerun = await w.expireQuotes();
    w.advance(3 * DAY);
    const expiry = await w.expireQuotes();
    const late = w.acceptQuote(quote.quoteId, TOKEN);

    // Assess
    expect(early).toEqual({ checked: 0, reminded: 0, expired: 0 });
    expect(reminder).toEqual({ checked: 1, reminded: 1, expired: 0 });
    expect(rerun.reminded).toBe(0);
    expect(expiry).toEqual({ checked: 1, reminded: 0, expired: 1 });
    await expect(late).rejects.toThrow('expired at 2026-03-20T09:00:00.000Z');
    expect((await w.quotes.get(quote.quoteId))?.status).toBe('EXPIRED');
    // Only the buyer's quote email: sales hears of QuoteExpiring by its department notice.
    expect(w.sent.sent.map((m) => m.to[0])).toEqual(['ana@hamburg-tools.example']);
    expect(w.events.published.map((e) => e.type)).toEqual(['QuoteSent', 'QuoteExpiring', 'QuoteExpired']);
  });

  it('refuses to accept past validity even before the sweep ran', async () => {
    // Prepare
    const w = quoteWorld();
    const quote = await w.createQuote(quoteBody({ validityDays: 1 }), SALES);
    await w.sendQuote(quote.quoteId, {}, SALES);
    w.advance(DAY);

    // Act / Assess
    await expect(w.acceptQuote(quote.quoteId, TOKEN)).rejects.toThrow(ConflictError);
  });
});
