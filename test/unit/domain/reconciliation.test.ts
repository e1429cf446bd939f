import type { BankTransaction } from '../../../shared/bank/bank-transaction';
import { parseAmount } from '../../../shared/domain/money';
import { allowed, compact, type OpenReceivable, reconcile } from '../../../shared/domain/reconciliation';

const eur = (amount: string) => parseAmount(amount, 'EUR');

const credit = (
  fields: Partial<Omit<BankTransaction, 'amount'>> & { amount: string; ref: string },
): BankTransaction => {
  const { amount, ref, ...rest } = fields;
  return {
    bookingDate: '2026-04-15',
    valueDate: '2026-04-15',
    amount: eur(amount),
    currency: 'EUR',
    creditDebit: 'CRDT',
    reversal: false,
    status: 'BOOK',
    bankReference: ref,
    remittance: '',
    ...rest,
  };
};

const receivable = (
  fields: Partial<Omit<OpenReceivable, 'outstanding'>> & { orderId: string; outstanding: string },
): OpenReceivable => {
  const { outstanding, ...rest } = fields;
  return { customerId: 'cus_A', dueAt: '2026-04-30', ...rest, outstanding: eur(outstanding) };
};

const ORDER_A = 'ord_01JQM9S346Q3D25VT4F5V37E3S';
const ORDER_B = 'ord_01JQ3E28JT97KB6CQ643DZVMXX';

describe('reconciliation by reference', () => {
  it.each([
    ['the order id as issued', `payment ${ORDER_A}`],
    ['the order id in upper case without underscore', `PAYMENT ORD01JQM9S346Q3D25VT4F5V37E3S`],
    ['the order id split over two lines', 'ord_01JQM9S346 Q3D25VT4F5V37E3S'],
    ['the invoice number', 'INV-2026-000123'],
    ['the invoice number in lower case with spaces', 'inv 2026 000123'],
    ['the invoice number with its dashes lost', 'INV2026000123'],
  ])('matches %s', (_case, remittance) => {
    // Prepare
    const open = [receivable({ orderId: ORDER_A, invoiceNumber: 'INV-2026-000123', outstanding: '1000.00' })];

    // Act
    const [result] = reconcile([credit({ amount: '1000.00', ref: 'B1', remittance })], open);

    // Assess
    expect(result).toMatchObject({
      kind: 'matched',
      by: 'reference',
      settlement: 'full',
      remainder: eur('0.00'),
    });
  });

  it('finds the reference in the end-to-end id and the bank text too', () => {
    // Prepare
    const open = [receivable({ orderId: ORDER_A, invoiceNumber: 'INV-2026-000123', outstanding: '10.00' })];
    const txs = [
      credit({ amount: '5.00', ref: 'B1', endToEndId: 'INV-2026-000123' }),
      credit({ amount: '5.00', ref: 'B2', additionalInfo: 'REF INV 2026 000123' }),
    ];

    // Act
    const results = reconcile(txs, open);

    // Assess
    expect(results.map((r) => r.kind)).toEqual(['matched', 'matched']);
  });

  it('records a partial payment with what remains, and lets a second one in the same import finish it', () => {
    // Prepare
    const open = [receivable({ orderId: ORDER_A, outstanding: '1000.00' })];
    const txs = [
      credit({ amount: '600.00', ref: 'B2', bookingDate: '2026-04-16', remittance: ORDER_A }),
      credit({ amount: '400.00', ref: 'B1', bookingDate: '2026-04-15', remittance: ORDER_A }),
    ];

    // Act
    const results = reconcile(txs, open);

    // Assess: booking order, not input order
    expect(results.map((r) => r.transaction.bankReference)).toEqual(['B1', 'B2']);
    expect(results[0]).toMatchObject({ settlement: 'partial', remainder: eur('600.00') });
    expect(results[1]).toMatchObject({
      settlement: 'full',
      allocations: [{ orderId: ORDER_A, amount: eur('600.00'), outstandingBefore: eur('600.00') }],
    });
  });

  it('records an over payment with the excess, all of it on the receivable', () => {
    // Prepare
    const open = [receivable({ orderId: ORDER_A, outstanding: '3000.00' })];

    // Act
    const [result] = reconcile([credit({ amount: '3150.00', ref: 'B1', remittance: ORDER_A })], open);

    // Assess
    expect(result).toMatchObject({
      kind: 'matched',
      settlement: 'over',
      remainder: eur('150.00'),
      withinTolerance: false,
      allocations: [{ orderId: ORDER_A, amount: eur('3150.00'), outstandingBefore: eur('3000.00') }],
    });
  });

  it('flags a short payment within the tolerance (bank fees) but keeps it partial', () => {
    // Prepare
    const open = [receivable({ orderId: ORDER_A, outstanding: '4750.00' })];

    // Act
    const [result] = reconcile([credit({ amount: '4735.00', ref: 'B1', remittance: ORDER_A })], open, {
      tolerance: { absoluteMinor: { EUR: 2500 } },
    });

    // Assess
    expect(result).toMatchObject({ settlement: 'partial', remainder: eur('15.00'), withinTolerance: true });
  });

  it("fills one order's receivables in due order", () => {
    // Prepare
    const open = [
      receivable({
        orderId: ORDER_A,
        invoiceNumber: 'INV-2026-000002',
        outstanding: '700.00',
        dueAt: '2026-05-30',
      }),
      receivable({
        orderId: ORDER_A,
        invoiceNumber: 'INV-2026-000001',
        outstanding: '300.00',
        dueAt: '2026-04-30',
      }),
    ];

    // Act
    const [result] = reconcile([credit({ amount: '500.00', ref: 'B1', remittance: ORDER_A })], open);

    // Assess
    expect(result).toMatchObject({
      kind: 'matched',
      settlement: 'partial',
      remainder: eur('500.00'),
      allocations: [
        { invoiceNumber: 'INV-2026-000001', amount: eur('300.00') },
        { invoiceNumber: 'INV-2026-000002', amount: eur('200.00') },
      ],
    });
  });

  it('splits a payment naming invoices of several orders when it covers them all', () => {
    // Prepare
    const open = [
      receivable({
        orderId: ORDER_A,
        invoiceNumber: 'INV-2026-000001',
        outstanding: '300.00',
        dueAt: '2026-04-01',
      }),
      receivable({
        orderId: ORDER_B,
        invoiceNumber: 'INV-2026-000002',
        outstanding: '700.00',
        dueAt: '2026-04-02',
      }),
    ];
    const tx = (amount: string, ref: string) =>
      credit({ amount, ref, remittance: 'INV-2026-000001 + INV-2026-000002' });

    // Act
    const [covered] = reconcile([tx('1000.00', 'B1')], open);
    const [short] = reconcile([tx('600.00', 'B2')], open);

    // Assess
    expect(covered).toMatchObject({ kind: 'matched', settlement: 'full' });
    expect(covered.kind === 'matched' && covered.allocations.map((a) => a.amount)).toEqual([
      eur('300.00'),
      eur('700.00'),
    ]);
    expect(short).toMatchObject({
      kind: 'ambiguous',
      by: 'reference',
      candidates: [{ orderId: ORDER_A }, { orderId: ORDER_B }],
    });
  });

  it('queues a payment whose reference matches nothing open (already paid, mistyped)', () => {
    // Prepare
    const open = [receivable({ orderId: ORDER_A, invoiceNumber: 'INV-2026-000001', outstanding: '100.00' })];

    // Act
    const [result] = reconcile(
      [credit({ amount: '100.00', ref: 'B1', remittance: 'INV-2026-000999' })],
      open,
    );

    // Assess
    expect(result).toMatchObject({ kind: 'unmatched', references: ['INV2026000999'] });
  });

  it('queues a payment in another currency than the referenced receivable', () => {
    // Prepare
    const open = [
      { ...receivable({ orderId: ORDER_A, outstanding: '0' }), outstanding: parseAmount('100', 'USD') },
    ];

    // Act
    const [result] = reconcile([credit({ amount: '92.00', ref: 'B1', remittance: ORDER_A })], open);

    // Assess
    expect(result).toMatchObject({ kind: 'ambiguous', candidates: [{ orderId: ORDER_A }] });
  });

  it('takes configurable reference patterns', () => {
    // Prepare
    const open = [receivable({ orderId: 'SO-7781', outstanding: '50.00' })];

    // Act
    const [result] = reconcile([credit({ amount: '50.00', ref: 'B1', remittance: 'so 7781' })], open, {
      referencePatterns: [/SO\d{4}/],
    });

    // Assess
    expect(result).toMatchObject({ kind: 'matched', by: 'reference' });
  });
});

describe('reconciliation by amount, currency and customer', () => {
  const acme = (
    fields: Partial<Omit<OpenReceivable, 'outstanding'>> & { orderId: string; outstanding: string },
  ) =>
    receivable({
      customerNames: ['Acme Trading GmbH'],
      customerIbans: ['DE89 3704 0044 0532 0130 00'],
      ...fields,
    });

  it('matches the unique receivable of the customer found by IBAN', () => {
    // Prepare
    const open = [
      acme({ orderId: ORDER_A, outstanding: '1000.00' }),
      acme({ orderId: ORDER_B, outstanding: '2000.00' }),
    ];

    // Act
    const [result] = reconcile(
      [credit({ amount: '1000.00', ref: 'B1', counterpartyIban: 'DE89370400440532013000' })],
      open,
    );

    // Assess
    expect(result).toMatchObject({
      kind: 'matched',
      by: 'amount-and-customer',
      settlement: 'full',
      allocations: [{ orderId: ORDER_A }],
    });
  });

  it.each([
    ['the same name in capitals without the legal form', 'ACME TRADING'],
    ['punctuation and accents', 'Acmé Trading G.m.b.H.'],
    ['a name cut by the bank', 'ACME TRADING GMBH HAMBURG BRANCH'],
  ])('finds the customer by name: %s', (_case, name) => {
    // Prepare
    const open = [acme({ orderId: ORDER_A, outstanding: '1000.00' })];

    // Act
    const [result] = reconcile([credit({ amount: '1000.00', ref: 'B1', counterpartyName: name })], open);

    // Assess
    expect(result).toMatchObject({ kind: 'matched', by: 'amount-and-customer' });
  });

  it.each([
    ['an absolute tolerance', { absoluteMinor: { EUR: 2500 } }, '4725.00', 'matched'],
    ['beyond the absolute tolerance', { absoluteMinor: { EUR: 2500 } }, '4724.99', 'unmatched'],
    ['a percentage tolerance (0.5% of 4750 = 23.75)', { basisPoints: 50 }, '4726.25', 'matched'],
    ['beyond the percentage tolerance', { basisPoints: 50 }, '4726.24', 'unmatched'],
    ['the larger of the two', { absoluteMinor: { EUR: 1000 }, basisPoints: 50 }, '4726.25', 'matched'],
    ['an over payment within the tolerance', { absoluteMinor: { EUR: 2500 } }, '4775.00', 'matched'],
    ['no tolerance', {}, '4749.99', 'unmatched'],
  ])('applies %s', (_case, tolerance, amount, kind) => {
    // Prepare
    const open = [acme({ orderId: ORDER_A, outstanding: '4750.00' })];

    // Act
    const [result] = reconcile(
      [credit({ amount, ref: 'B1', counterpartyIban: 'DE89370400440532013000' })],
      open,
      {
        tolerance,
      },
    );

    // Assess
    expect(result.kind).toBe(kind);
  });

  it('queues as ambiguous when several receivables of the customer fit, listing them by due date', () => {
    // Prepare
    const open = [
      acme({ orderId: ORDER_B, outstanding: '500.00', dueAt: '2026-05-01' }),
      acme({ orderId: ORDER_A, outstanding: '500.00', dueAt: '2026-04-01' }),
    ];

    // Act
    const [result] = reconcile(
      [credit({ amount: '500.00', ref: 'B1', counterpartyName: 'Acme Trading' })],
      open,
    );

    // Assess
    expect(result).toMatchObject({
      kind: 'ambiguous',
      by: 'amount-and-customer',
      candidates: [{ orderId: ORDER_A }, { orderId: ORDER_B }],
    });
  });

  it("queues a known customer's payment that fits no amount, with their open receivables", () => {
    // Prepare
    const open = [acme({ orderId: ORDER_A, outstanding: '500.00' })];

    // Act
    const [result] = reconcile(
      [credit({ amount: '200.00', ref: 'B1', counterpartyName: 'Acme Trading' })],
      open,
    );

    // Assess
    expect(result).toMatchObject({ kind: 'unmatched', candidates: [{ orderId: ORDER_A }] });
  });

  it('never matches by amount alone when the payer is unknown', () => {
    // Prepare
    const open = [acme({ orderId: ORDER_A, outstanding: '500.00' })];

    // Act
    const [result] = reconcile(
      [credit({ amount: '500.00', ref: 'B1', counterpartyName: 'Someone Else' })],
      open,
    );

    // Assess
    expect(result).toMatchObject({ kind: 'unmatched', candidates: [], references: [] });
  });
});

describe('reconciliation skips', () => {
  it('skips what was applied before, repeats within the import, debits, reversals and pending entries', () => {
    // Prepare
    const open = [receivable({ orderId: ORDER_A, outstanding: '1000.00' })];
    const base = { amount: '10.00', remittance: ORDER_A };
    const txs = [
      credit({ ...base, ref: 'OLD' }),
      credit({ ...base, ref: 'DUP' }),
      credit({ ...base, ref: 'DUP' }),
      credit({ ...base, ref: 'DEB', creditDebit: 'DBIT' }),
      credit({ ...base, ref: 'REV', reversal: true }),
      credit({ ...base, ref: 'PEN', status: 'PDNG' }),
    ];

    // Act
    const results = reconcile(txs, open, { alreadyApplied: new Set(['OLD']) });

    // Assess
    expect(
      results.map((r) => [r.transaction.bankReference, r.kind === 'skipped' ? r.reason : r.kind]),
    ).toEqual([
      ['DEB', 'not-a-credit'],
      ['DUP', 'matched'],
      ['DUP', 'duplicate-in-import'],
      ['OLD', 'already-applied'],
      ['PEN', 'not-booked'],
      ['REV', 'reversal'],
    ]);
  });

  it('gives the same proposals whatever order transactions and receivables come in', () => {
    // Prepare
    const open = [
      receivable({ orderId: ORDER_A, outstanding: '500.00', customerIbans: ['X1'] }),
      receivable({ orderId: ORDER_B, outstanding: '500.00', customerIbans: ['X1'] }),
    ];
    const txs = [
      credit({ amount: '200.00', ref: 'B1', remittance: ORDER_A }),
      credit({ amount: '500.00', ref: 'B2', counterpartyIban: 'X1' }),
      credit({ amount: '300.00', ref: 'B3', remittance: ORDER_A }),
    ];

    // Act
    const forward = reconcile(txs, open);
    const backward = reconcile([...txs].reverse(), [...open].reverse());

    // Assess
    expect(backward).toEqual(forward);
    expect(open[0].outstanding).toEqual(eur('500.00')); // inputs untouched
  });
});

describe('helpers', () => {
  it('compacts references to letters and digits in upper case', () => {
    expect(compact(' inv-2026_000123 / ord ')).toBe('INV2026000123ORD');
  });

  it('rounds a percentage tolerance down, in minor units', () => {
    expect(allowed(eur('0.99'), { basisPoints: 50 })).toBe(0);
    expect(allowed(eur('4750.00'), { basisPoints: 50 })).toBe(2375);
    expect(allowed(parseAmount('100', 'JPY'), { absoluteMinor: { EUR: 500 } })).toBe(0);
  });
});
