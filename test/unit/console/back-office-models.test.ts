import {
  type Customer,
  nextOrderState,
  parseTags,
  profilePatch,
  termsText,
} from '../../../console/src/pages/customers/customer-model';
import { type CreditHold, holdRows } from '../../../console/src/pages/finance/credit-hold-model';
import {
  type BankTransaction,
  queueChange,
  queueRows,
  statementFormat,
} from '../../../console/src/pages/finance/reconciliation-model';
import {
  receiptBody,
  receivedShare,
  signedQuantity,
  stockLevel,
  stockRows,
} from '../../../console/src/pages/inventory/stock-model';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describe('the reconciliation queue', () => {
  const transaction = (id: string, change: Partial<BankTransaction> = {}): BankTransaction => ({
    transactionId: id,
    status: 'unmatched',
    bankReference: `ref-${id}`,
    bookingDate: '2026-05-01',
    valueDate: '2026-05-01',
    amount: eur('100.00'),
    creditDebit: 'CRDT',
    reversal: false,
    remittance: 'payment',
    importedAt: '2026-05-01T10:00:00Z',
    ...change,
  });

  it('lists the oldest booking first, debits as negative amounts, with the payer and the candidates', () => {
    // Act
    const rows = queueRows([
      transaction('btx_b', {
        bookingDate: '2026-05-03',
        counterpartyName: 'Hamburg Tools',
        candidateOrderIds: ['ord_1'],
      }),
      transaction('btx_a', { bookingDate: '2026-05-02', creditDebit: 'DBIT', counterpartyIban: 'DE89' }),
    ]);

    // Assess
    expect(rows.map((row) => [row.transactionId, row.amount.amount, row.payer])).toEqual([
      ['btx_a', '-100.00', 'DE89'],
      ['btx_b', '100.00', 'Hamburg Tools'],
    ]);
    expect(rows[1].candidateOrderIds).toEqual(['ord_1']);
  });

  it('reads the queue again on a bank event from the feed, and ignores the rest', () => {
    expect(queueChange({ type: 'BankTransactionMatched', detail: { transactionId: 'btx_1' } })).toEqual({
      kind: 'reload',
      transactionId: 'btx_1',
    });
    expect(queueChange({ type: 'BankTransactionUnmatched', detail: {} })).toEqual({ kind: 'reload' });
    expect(queueChange({ type: 'OrderConfirmed', detail: { transactionId: 'x' } })).toEqual({ kind: 'none' });
  });

  it('tells a camt.053 statement from a CSV one', () => {
    expect(statementFormat('statement.xml', '')).toBe('camt053');
    expect(statementFormat('upload', '  <?xml version="1.0"?><Document/>')).toBe('camt053');
    expect(statementFormat('statement.csv', 'date,amount,currency\n')).toBe('csv');
  });
});

describe("the credit controller's queue", () => {
  const hold = (id: string, change: Partial<CreditHold> = {}): CreditHold => ({
    orderId: id,
    customerId: 'cus_1',
    total: eur('5000.00'),
    heldSince: '2026-05-01T00:00:00Z',
    overdue: [],
    current: {},
    ...change,
  });

  it('puts the longest held first and says how far past the limit each goes', () => {
    // Act
    const rows = holdRows([
      hold('ord_new', { heldSince: '2026-05-02T00:00:00Z', headroom: eur('250.00') }),
      hold('ord_old', {
        limit: eur('10000.00'),
        exposure: eur('12500.00'),
        headroom: eur('-2500.00'),
        overdue: [eur('300.00')],
        current: { creditLimit: eur('10000.00') },
      }),
    ]);

    // Assess
    expect(rows.map((row) => row.orderId)).toEqual(['ord_old', 'ord_new']);
    expect(rows[0]).toMatchObject({ overLimitBy: eur('2500.00'), hasOverdue: true, limitChanged: false });
    expect(rows[1].overLimitBy).toBeUndefined();
    expect(rows[1].hasOverdue).toBe(false);
  });

  it('marks a hold whose limit changed since the review', () => {
    const [row] = holdRows([
      hold('ord_1', { limit: eur('1000.00'), current: { creditLimit: eur('20000.00') } }),
    ]);
    expect(row.limitChanged).toBe(true);
  });
});

describe('the customer profile edit', () => {
  const customer: Customer = {
    customerId: 'cus_1',
    name: 'Ana Buyer',
    email: 'ana@example.com',
    country: 'DE',
    language: 'en',
    tags: ['key account'],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 4,
  };

  it('sends only what changed, with the version read', () => {
    // Act
    const patch = profilePatch(customer, {
      name: 'Ana Buyer',
      email: ' ana.buyer@example.com ',
      country: 'de',
      currency: 'eur',
      company: '',
      tags: 'key account, asia, asia',
    });

    // Assess
    expect(patch).toEqual({
      email: 'ana.buyer@example.com',
      currency: 'EUR',
      tags: ['key account', 'asia'],
      version: 4,
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(profilePatch(customer, { name: 'Ana Buyer', tags: 'key account' })).toBeUndefined();
  });

  it('reads tags and terms as people write them', () => {
    expect(parseTags(' a, ,b ,a')).toEqual(['a', 'b']);
    expect([
      termsText({ type: 'TT', depositPercent: 30 }),
      termsText({ type: 'OA', netDays: 60 }),
      termsText({ type: 'LC' }),
      termsText(undefined),
    ]).toEqual(['TT 30%', 'OA 60', 'LC', '—']);
  });

  it('tells whether the next order is expected or late', () => {
    expect(nextOrderState({ nextOrder: { predictedAt: null, daysOverdue: null, method: 'm' } })).toEqual({
      state: 'unknown',
    });
    expect(nextOrderState({ nextOrder: { predictedAt: '2026-06-01', daysOverdue: 0, method: 'm' } })).toEqual(
      {
        state: 'expected',
        at: '2026-06-01',
      },
    );
    expect(
      nextOrderState({ nextOrder: { predictedAt: '2026-04-01', daysOverdue: 31, method: 'm' } }),
    ).toEqual({
      state: 'late',
      at: '2026-04-01',
      days: 31,
    });
  });
});

describe('stock and purchase orders', () => {
  const warehouse = { warehouse: 'MAIN', onHand: 100, available: 60, reserved: 40, incoming: 0 };

  it('marks stock at its reorder point, out, or over its maximum', () => {
    expect(stockLevel({ ...warehouse, reorderPoint: 50 })).toBe('ok');
    expect(stockLevel({ ...warehouse, reorderPoint: 60 })).toBe('reorder');
    expect(stockLevel({ ...warehouse, belowReorderPoint: true })).toBe('reorder');
    expect(stockLevel({ ...warehouse, onHand: 0, available: 0, reserved: 0 })).toBe('out');
    expect(stockLevel({ ...warehouse, maxStock: 80 })).toBe('over');
  });

  it('sums the warehouses of a sku', () => {
    // Act
    const { rows, total } = stockRows({
      sku: 'VALVE-DN50',
      ...warehouse,
      warehouses: [warehouse, { warehouse: 'EAST', onHand: 10, available: 10, reserved: 0, incoming: 200 }],
      reservations: [],
    });

    // Assess
    expect(rows.map((row) => [row.warehouse, row.level])).toEqual([
      ['MAIN', 'ok'],
      ['EAST', 'ok'],
    ]);
    expect(total).toMatchObject({ onHand: 110, available: 70, reserved: 40, incoming: 200 });
  });

  it('makes a receipt of the quantities typed, leaving out blank and zero lines', () => {
    expect(receiptBody({ 2: '5', 1: '120', 3: '', 4: '0' }, ' EAST ')).toEqual({
      lines: [
        { lineNo: 1, quantity: 120 },
        { lineNo: 2, quantity: 5 },
      ],
      warehouse: 'EAST',
    });
    expect(receiptBody({ 1: '' })).toBeUndefined();
  });

  it('counts what has arrived and shows ledger changes with their sign', () => {
    const line = { sku: 'A', unitCost: eur('1.00'), lineNo: 1 };
    expect(
      receivedShare({
        lines: [
          { ...line, quantity: 300, received: 120, remaining: 180 },
          { ...line, lineNo: 2, quantity: 10, received: 10, remaining: 0 },
        ],
      }),
    ).toEqual({ received: 130, ordered: 310 });
    expect([signedQuantity(200), signedQuantity(-50), signedQuantity(0)]).toEqual(['+200', '−50', '0']);
  });
});
