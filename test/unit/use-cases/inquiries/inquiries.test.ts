import { ConflictError, InvalidInputError } from '../../../../shared/errors';
import { idFor } from '../../../../shared/ids';
import { buyer, HOUR, inquiryWorld, START, sales, storefront } from './inquiry-world';

const types = (w: ReturnType<typeof inquiryWorld>) => w.events.published.map((e) => e.type);

describe('inquiries: received, found or made buyer, replies, lost, quotes', () => {
  it('from a storefront: makes the buyer as that storefront does for its shop orders, OPEN, due in 24 h, sales told', async () => {
    // Prepare
    const w = inquiryWorld();

    // Act
    const inquiry = await w.create(
      { buyer, lines: [{ sku: 'VALVE-DN50', quantity: 500 }], text: 'CIF Hamburg?', incoterm: 'CIF' },
      storefront,
    );
    const again = await w.create({ buyer: { ...buyer, name: 'Ana B.' }, text: 'And pumps?' }, storefront);

    // Assess: one customer per email per storefront, the id apply-storefront-order gives it
    const expectedId = idFor('cus', `storefront:${storefront.id}:buyer:ana@hamburg-tools.example`);
    expect(inquiry.customerId).toBe(expectedId);
    expect(again.customerId).toBe(expectedId);
    expect(w.customers.items.size).toBe(1);
    expect(w.customers.items.get(expectedId)?.email).toBe('ana@hamburg-tools.example');
    expect(inquiry.status).toBe('OPEN');
    expect(inquiry.firstReplyWait).toEqual({
      since: new Date(START).toISOString(),
      dueAt: new Date(START + 24 * HOUR).toISOString(),
    });
    expect(w.events.published[0]).toEqual({
      type: 'InquiryReceived',
      detail: expect.objectContaining({
        orderId: inquiry.inquiryId,
        inquiryId: inquiry.inquiryId,
        customerId: expectedId,
        channel: 'storefront',
        lineCount: 1,
        hasText: true,
        incoterm: 'CIF',
      }),
    });
    // Ids and figures only: no name, email or text in the event.
    expect(JSON.stringify(w.events.published)).not.toMatch(/Ana|hamburg-tools|CIF Hamburg/i);
    const history = await w.communications.list(expectedId);
    expect(history.items.map((e) => [e.kind, e.direction, e.subject])).toEqual(
      expect.arrayContaining([
        ['inquiry', 'inbound', 'Inquiry: VALVE-DN50 × 500'],
        ['inquiry', 'inbound', 'Inquiry (a message)'],
      ]),
    );
  });

  it('from staff: finds an existing customer by email, whoever made it; a customerId must exist', async () => {
    // Prepare
    const w = inquiryWorld();
    const shopInquiry = await w.create({ buyer, text: 'Hello' }, storefront);

    // Act
    const staffInquiry = await w.create(
      { buyer: { ...buyer, email: 'ANA@hamburg-tools.example' }, text: 'Hi' },
      sales,
    );
    const byId = await w.create(
      { customerId: shopInquiry.customerId, lines: [{ sku: 'PUMP-3KW', quantity: 2 }] },
      sales,
    );
    const unknown = w.create({ customerId: 'cus_01JNOPE0000000000000000000', text: 'x' }, sales);
    const both = w.create({ customerId: shopInquiry.customerId, buyer, text: 'x' }, sales);
    const nothingAsked = w.create({ buyer }, sales);

    // Assess
    expect(staffInquiry.customerId).toBe(shopInquiry.customerId);
    expect(byId.customerId).toBe(shopInquiry.customerId);
    await expect(unknown).rejects.toMatchObject({ field: 'customerId' });
    await expect(both).rejects.toBeInstanceOf(InvalidInputError);
    await expect(nothingAsked).rejects.toMatchObject({ field: 'lines' });
  });

  it('a reply is emailed to the buyer, moves OPEN to REPLIED, ends the wait and is in the history once', async () => {
    // Prepare
    const w = inquiryWorld();
    const inquiry = await w.create({ buyer, lines: [{ sku: 'VALVE-DN50', quantity: 500 }] }, storefront);
    w.advance(2 * HOUR);

    // Act
    const first = await w.reply(inquiry.inquiryId, { message: 'Thanks!\n\nA quote follows.' }, sales, 'k1');
    const repeated = await w.reply(
      inquiry.inquiryId,
      { message: 'Thanks!\n\nA quote follows.' },
      sales,
      'k1',
    );
    await w.reply(inquiry.inquiryId, { subject: 'More', message: 'Lead time 6 weeks.' }, sales);

    // Assess
    expect(repeated.replyId).toBe(first.replyId);
    expect(w.ses.sent.map((m) => m.to)).toEqual([
      ['ana@hamburg-tools.example'],
      ['ana@hamburg-tools.example'],
    ]);
    expect(w.ses.sent[0].subject).toBe(`Re: your inquiry ${inquiry.inquiryId}`);
    expect(w.ses.sent[0].text).toContain('A quote follows.');
    const stored = await w.inquiries.get(inquiry.inquiryId);
    expect(stored?.status).toBe('REPLIED');
    expect(stored?.replies).toHaveLength(2);
    expect(stored?.firstReplyWait).toBeUndefined();
    expect(types(w)).toEqual(['InquiryReceived', 'InquiryReplied', 'InquiryReplied', 'InquiryReplied']);
    expect(w.events.published.slice(1).map((e) => (e.detail as { replyCount: number }).replyCount)).toEqual([
      1, 1, 2,
    ]);
    const history = await w.communications.list(inquiry.customerId);
    expect(history.items.map((e) => e.kind)).toEqual(['reply', 'reply', 'inquiry']);
    expect(history.items[1]).toMatchObject({ direction: 'outbound', refs: { inquiryId: inquiry.inquiryId } });
  });

  it('lost with a reason; not twice, and no reply once lost', async () => {
    // Prepare
    const w = inquiryWorld();
    const inquiry = await w.create({ buyer, text: 'Hello' }, storefront);

    // Act
    const lost = await w.markLost(inquiry.inquiryId, { reason: 'went local' }, sales);
    const again = w.markLost(inquiry.inquiryId, { reason: 'again' }, sales);
    const reply = w.reply(inquiry.inquiryId, { message: 'Still there?' }, sales);

    // Assess
    expect(lost).toMatchObject({ status: 'LOST', lostReason: 'went local' });
    expect(lost.firstReplyWait).toBeUndefined();
    await expect(again).rejects.toMatchObject({ status: 'LOST' });
    await expect(reply).rejects.toBeInstanceOf(ConflictError);
    expect(w.ses.sent).toHaveLength(0);
    expect(w.events.published.find((e) => e.type === 'InquiryLost')?.detail).not.toHaveProperty('reason');
  });

  it('QuoteSent and QuoteAccepted move it to QUOTED and WON, idempotently and in either order', async () => {
    // Prepare
    const w = inquiryWorld();
    const a = await w.create({ buyer, text: 'A' }, storefront);
    const b = await w.create({ buyer, text: 'B' }, storefront);
    const quote = (type: string, quoteId: string, inquiryId?: string) => ({
      type,
      detail: {
        version: 1,
        quoteId,
        inquiryId,
        occurredAt: '2026-11-24T10:00:00.000Z',
        customerId: a.customerId,
      },
    });

    // Act: a in order (sent twice), b accepted before its sending is applied
    const outcomes = [
      await w.applyQuote(quote('QuoteSent', 'quo_A', a.inquiryId)),
      await w.applyQuote(quote('QuoteSent', 'quo_A', a.inquiryId)),
      await w.applyQuote(quote('QuoteAccepted', 'quo_A', a.inquiryId)),
      await w.applyQuote(quote('QuoteAccepted', 'quo_B', b.inquiryId)),
      await w.applyQuote(quote('QuoteSent', 'quo_B', b.inquiryId)),
      await w.applyQuote(quote('QuoteAccepted', 'quo_B', b.inquiryId)),
      await w.applyQuote(quote('QuoteSent', 'quo_C')),
      await w.applyQuote(quote('QuoteSent', 'quo_D', 'inq_01JNOPE0000000000000000000')),
    ];

    // Assess
    expect(outcomes).toEqual([
      'quoted',
      'unchanged',
      'won',
      'won',
      'unchanged',
      'unchanged',
      'no-inquiry',
      'unknown-inquiry',
    ]);
    expect(await w.inquiries.get(a.inquiryId)).toMatchObject({
      status: 'WON',
      wonQuoteId: 'quo_A',
      quoteIds: ['quo_A'],
    });
    expect(await w.inquiries.get(b.inquiryId)).toMatchObject({
      status: 'WON',
      wonQuoteId: 'quo_B',
      quoteIds: ['quo_B'],
    });
    expect((await w.inquiries.get(a.inquiryId))?.firstReplyWait).toBeUndefined();
    const wins = w.events.published.filter((e) => e.type === 'InquiryWon');
    // Announced on every delivery of an acceptance, under one changeId per inquiry.
    expect(new Set(wins.map((e) => e.detail.changeId))).toEqual(
      new Set([`${a.inquiryId}:InquiryWon`, `${b.inquiryId}:InquiryWon`]),
    );
  });
});
