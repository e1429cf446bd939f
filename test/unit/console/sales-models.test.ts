import {
  askedSummary,
  type Inquiry,
  inquiryActions,
  isOverdue,
  openInquiryRows,
} from '../../../console/src/pages/sales/inquiry-model';
import {
  acceptanceState,
  approvalState,
  explainLine,
  type PricedLine,
  quoteActions,
  revisionRows,
} from '../../../console/src/pages/sales/quote-model';

const now = new Date('2026-05-02T12:00:00Z');
const staff = { kind: 'staff', id: 'u1', role: 'sales' };

const inquiry = (id: string, change: Partial<Inquiry> = {}): Inquiry => ({
  inquiryId: id,
  customerId: 'cus_1',
  receivedFrom: staff,
  status: 'OPEN',
  lines: [{ sku: 'VALVE-DN50', quantity: 500 }],
  replies: [],
  quoteIds: [],
  timeline: [],
  createdAt: '2026-05-01T08:00:00Z',
  updatedAt: '2026-05-01T08:00:00Z',
  ...change,
});

describe('the open inquiries list', () => {
  it('puts overdue inquiries first, the most escalated first, then the longest waiting', () => {
    // Prepare
    const inquiries = [
      inquiry('inq_fresh', {
        createdAt: '2026-05-02T10:00:00Z',
        firstReplyDue: { since: '2026-05-02T10:00:00Z', dueAt: '2026-05-03T10:00:00Z' },
      }),
      inquiry('inq_level1', {
        createdAt: '2026-04-30T09:00:00Z',
        firstReplyDue: { since: '2026-04-30T09:00:00Z', dueAt: '2026-05-03T09:00:00Z', escalatedLevel: 1 },
      }),
      inquiry('inq_old', {
        createdAt: '2026-04-29T09:00:00Z',
        firstReplyDue: { since: '2026-04-29T09:00:00Z', dueAt: '2026-05-03T09:00:00Z' },
      }),
      inquiry('inq_due_passed', {
        createdAt: '2026-05-01T09:00:00Z',
        firstReplyDue: { since: '2026-05-01T09:00:00Z', dueAt: '2026-05-02T09:00:00Z' },
      }),
      inquiry('inq_level2', {
        createdAt: '2026-05-01T00:00:00Z',
        firstReplyDue: { since: '2026-05-01T00:00:00Z', escalatedLevel: 2 },
      }),
    ];

    // Act
    const rows = openInquiryRows(inquiries, now);

    // Assess
    expect(rows.map((row) => [row.inquiryId, row.overdue])).toEqual([
      ['inq_level2', true],
      ['inq_level1', true],
      ['inq_due_passed', true],
      ['inq_old', false],
      ['inq_fresh', false],
    ]);
    expect(rows[0]).toMatchObject({ escalatedLevel: 2, asked: 'VALVE-DN50 × 500' });
  });

  it('is not overdue once answered (no first-reply wait)', () => {
    expect(isOverdue(inquiry('inq_1', { status: 'REPLIED' }), now)).toBe(false);
  });

  it('summarises what was asked: the lines, else the start of the text', () => {
    expect(
      askedSummary({
        lines: [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 2 },
        ],
      }),
    ).toBe('A × 1, B × 2');
    expect(askedSummary({ lines: [], text: `Need   prices\nfor ${'x'.repeat(100)}` })).toMatch(
      /^Need prices for x+…$/,
    );
    expect(askedSummary({ lines: [], text: 'x'.repeat(100) })).toHaveLength(80);
  });

  it('offers a reply until lost, and losing or quoting only while open', () => {
    expect(inquiryActions('OPEN')).toEqual({ reply: true, markLost: true, quote: true });
    expect(inquiryActions('WON')).toEqual({ reply: true, markLost: false, quote: false });
    expect(inquiryActions('LOST')).toEqual({ reply: false, markLost: false, quote: false });
  });
});

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const line = (change: Partial<PricedLine> = {}): PricedLine => ({
  lineNo: 1,
  sku: 'VALVE-DN50',
  quantity: 500,
  basis: 'cost-plus',
  unitCost: eur('6.80'),
  listUnitPrice: eur('10.00'),
  tierDiscountPercent: 2,
  goodsUnitPrice: eur('9.80'),
  freightUnit: eur('0.40'),
  insuranceUnit: eur('0.05'),
  dutiesUnit: eur('0.00'),
  unitPrice: eur('10.25'),
  amount: eur('5125.00'),
  marginPercent: '30.61',
  needsApproval: false,
  ...change,
});

describe("a quote line's pricing explanation", () => {
  it('walks from cost and list price through discounts and adders to the unit price and margin', () => {
    // Act
    const steps = explainLine(line());

    // Assess
    expect(steps.map((step) => step.step)).toEqual([
      'cost',
      'list',
      'tier',
      'goods',
      'freight',
      'insurance',
      'unit',
      'margin',
    ]);
    expect(steps.find((step) => step.step === 'tier')?.percent).toBe(2);
    expect(steps.find((step) => step.step === 'margin')?.percent).toBeCloseTo(30.61);
    expect(steps.find((step) => step.step === 'unit')?.money).toEqual(eur('10.25'));
  });

  it('says so when sales set the price by hand, and leaves out a margin it cannot know', () => {
    // Act
    const steps = explainLine(
      line({
        basis: 'manual',
        unitCost: undefined,
        listUnitPrice: undefined,
        tierDiscountPercent: undefined,
        marginPercent: undefined,
        freightUnit: eur('0.00'),
        insuranceUnit: eur('0.00'),
        needsApproval: true,
        approvalReason: 'no cost to check the margin against',
      }),
    );

    // Assess
    expect(steps.map((step) => step.step)).toEqual(['manual', 'goods', 'unit']);
  });
});

describe("a quote's state and actions", () => {
  const pricing = { needsApproval: true };
  it('shows approval as awaited, then given', () => {
    expect(approvalState({ status: 'PENDING_APPROVAL', pricing } as never)).toBe('awaiting');
    expect(
      approvalState({
        status: 'DRAFT',
        pricing,
        approval: { by: { id: 'm' }, at: '2026-05-01T00:00:00Z' },
      } as never),
    ).toBe('approved');
    expect(approvalState({ status: 'DRAFT', pricing: { needsApproval: false } } as never)).toBe('not-needed');
  });

  it('offers approval to a manager only, sending and revising to sales, nothing after acceptance', () => {
    expect(quoteActions('PENDING_APPROVAL', 'admin')).toEqual({ approve: true, send: false, revise: true });
    expect(quoteActions('PENDING_APPROVAL', 'sales')).toEqual({ approve: false, send: false, revise: true });
    expect(quoteActions('DRAFT', 'sales')).toEqual({ approve: false, send: true, revise: true });
    expect(quoteActions('SENT', 'finance')).toEqual({ approve: false, send: false, revise: false });
    expect(quoteActions('ACCEPTED', 'admin')).toEqual({ approve: false, send: false, revise: false });
  });

  it('tells where the acceptance stands', () => {
    expect(acceptanceState({ status: 'DRAFT' })).toEqual({ state: 'not-sent' });
    expect(acceptanceState({ status: 'SENT', sentAt: 'a', validUntil: 'b' })).toEqual({
      state: 'awaiting',
      sentAt: 'a',
      validUntil: 'b',
    });
    expect(
      acceptanceState({ status: 'ACCEPTED', acceptance: { at: 'c', orderId: 'ord_1', revision: 2 } }),
    ).toEqual({ state: 'accepted', at: 'c', orderId: 'ord_1', revision: 2 });
    expect(acceptanceState({ status: 'EXPIRED', expiredAt: 'd' })).toEqual({ state: 'expired', at: 'd' });
  });

  it('lists revisions newest first', () => {
    const revision = (n: number) => ({
      revision: n,
      createdAt: `2026-05-0${n}T00:00:00Z`,
      createdBy: staff,
      total: eur('1.00'),
      changes: [],
      status: 'SUPERSEDED',
    });
    expect(revisionRows([revision(1), revision(3), revision(2)]).map((r) => r.revision)).toEqual([3, 2, 1]);
  });
});
