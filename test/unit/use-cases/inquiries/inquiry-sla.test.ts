import { buyer, HOUR, inquiryWorld, sales, storefront } from './inquiry-world';

const overdue = (w: ReturnType<typeof inquiryWorld>) =>
  w.events.published
    .filter((e) => e.type === 'InquiryOverdue')
    .map((e) => e.detail as { level: number; changeId: string; dueAt: string });

describe('the inquiry first-reply SLA: an open wait the escalation sweep raises', () => {
  it('raises level 1 at 24 h and level 2 at 48 h, once each, on the timeline; then it leaves the index', async () => {
    // Prepare
    const w = inquiryWorld();
    const inquiry = await w.create({ buyer, text: 'Prices?' }, storefront);

    // Act
    const early = await w.sweep();
    w.advance(24 * HOUR);
    const atOne = await w.sweep();
    const again = await w.sweep();
    w.advance(24 * HOUR);
    const atTwo = await w.sweep();
    w.advance(100 * HOUR);
    const after = await w.sweep();

    // Assess
    expect([early.raised, atOne.raised, again.raised, atTwo.raised, after.overdue]).toEqual([0, 1, 0, 1, 0]);
    expect(overdue(w).map((d) => [d.level, d.changeId])).toEqual([
      [1, `${inquiry.inquiryId}:InquiryOverdue:1`],
      [2, `${inquiry.inquiryId}:InquiryOverdue:2`],
    ]);
    expect(overdue(w)[0].dueAt).toBe('2026-11-24T09:00:00.000Z');
    const stored = await w.inquiries.get(inquiry.inquiryId);
    expect(stored?.firstReplyWait).toEqual({ since: inquiry.createdAt, escalatedLevel: 2 });
    expect(stored?.timeline.map((e) => e.what)).toEqual([
      'Inquiry received',
      'Escalated to level 1: inquiry-first-reply is overdue (sales is told)',
      'Escalated to level 2: inquiry-first-reply is overdue (the sales manager is told)',
    ]);
  });

  it('the first reply ends the wait: nothing is raised after it', async () => {
    // Prepare
    const w = inquiryWorld();
    const inquiry = await w.create({ buyer, text: 'Prices?' }, storefront);
    w.advance(25 * HOUR);
    await w.sweep();

    // Act
    await w.reply(inquiry.inquiryId, { message: 'Sorry for the wait.' }, sales);
    w.advance(48 * HOUR);
    const later = await w.sweep();

    // Assess
    expect(later).toEqual({ overdue: 0, raised: 0, busy: 0 });
    expect(overdue(w).map((d) => d.level)).toEqual([1]);
  });

  it('follows the settings and the business calendar: 8 business hours from a Friday afternoon is Monday', async () => {
    // Prepare: Mon–Fri 09:00–17:00 UTC; first reply in 8 business hours
    const w = inquiryWorld();
    await w.settings.put({
      version: 1,
      calendar: {
        timeZone: 'UTC',
        workingDays: [1, 2, 3, 4, 5],
        holidays: [],
        workingHours: { start: '09:00', end: '17:00' },
      },
      slas: { 'inquiry-first-reply': { steps: [{ businessHours: 8 }, { businessHours: 16 }] } },
      managers: {},
    });
    w.advance(4 * 24 * HOUR + 6 * HOUR); // Friday 15:00

    // Act
    const inquiry = await w.create({ buyer, text: 'Weekend question' }, storefront);

    // Assess: 2 h on Friday, 6 h on Monday
    expect(inquiry.firstReplyWait?.dueAt).toBe('2026-11-30T15:00:00.000Z');
  });
});
