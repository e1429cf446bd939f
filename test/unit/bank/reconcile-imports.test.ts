import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCamt053 } from '../../../shared/bank/camt053';
import { parseCsvStatement } from '../../../shared/bank/csv-statement';
import { parseAmount } from '../../../shared/domain/money';
import { type ReconciliationResult, reconcile } from '../../../shared/domain/reconciliation';
import {
  ACME,
  ATLAS,
  BALTIC_INVOICE,
  BALTIC_ORDER,
  NORDIC_FULL,
  NORDIC_PARTIAL,
  OPEN_RECEIVABLES,
  PACIFIC,
} from '../../fixtures/bank/receivables';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/bank', name), 'utf8');
const eur = (amount: string) => parseAmount(amount, 'EUR');
const WIRE_FEES = { absoluteMinor: { EUR: 2500 } };

/** One line per result: reference, outcome, and the order it went to. */
function summary(results: ReconciliationResult[]) {
  return results.map((r) => {
    const ref = r.transaction.bankReference;
    if (r.kind === 'matched') return [ref, r.by, r.settlement, r.allocations.map((a) => a.orderId).join('+')];
    if (r.kind === 'skipped') return [ref, 'skipped', r.reason];
    return [ref, r.kind];
  });
}

describe('importing and reconciling a camt.053 statement', () => {
  it('matches by order id, invoice number and customer, with partial, over and unmatched payments', () => {
    // Prepare
    const txs = parseCamt053(fixture('camt053-v08.xml'));

    // Act
    const results = reconcile(txs, OPEN_RECEIVABLES, { tolerance: WIRE_FEES });

    // Assess
    expect(summary(results)).toEqual([
      ['2026041500001', 'reference', 'full', ACME.orderId],
      ['2026041500002', 'reference', 'full', NORDIC_FULL.orderId],
      ['2026041500003', 'reference', 'partial', NORDIC_PARTIAL.orderId],
      ['2026041500004', 'reference', 'over', PACIFIC.orderId],
      ['2026041500005', 'amount-and-customer', 'partial', ATLAS.orderId],
      ['2026041500006', 'unmatched'],
      ['2026041500007', 'skipped', 'not-a-credit'],
      ['2026041500008/1', 'reference', 'full', BALTIC_INVOICE.orderId],
      ['2026041500008/2', 'reference', 'partial', BALTIC_ORDER.orderId],
    ]);
    expect(results[2]).toMatchObject({ remainder: eur('3000.00'), withinTolerance: false });
    expect(results[3]).toMatchObject({ remainder: eur('150.00') });
    expect(results[4]).toMatchObject({ remainder: eur('15.00'), withinTolerance: true });
    expect(results[5]).toMatchObject({ reason: expect.stringContaining('not a known customer') });
  });

  it('skips everything on a second import of the same statement', () => {
    // Prepare
    const txs = parseCamt053(fixture('camt053-v08.xml'));
    const applied = new Set(txs.map((t) => t.bankReference));

    // Act
    const results = reconcile(parseCamt053(fixture('camt053-v08.xml')), OPEN_RECEIVABLES, {
      alreadyApplied: applied,
    });

    // Assess
    expect(results.every((r) => r.kind === 'skipped' && r.reason === 'already-applied')).toBe(true);
  });
});

describe('importing and reconciling a CSV statement', () => {
  it('matches the comma and semicolon files the same way as camt.053', () => {
    // Prepare
    const txs = [
      ...parseCsvStatement(fixture('statement.csv')),
      ...parseCsvStatement(fixture('statement-semicolon.csv')),
    ];

    // Act
    const results = reconcile(txs, OPEN_RECEIVABLES, { tolerance: WIRE_FEES });

    // Assess
    const byRef = new Map(summary(results).map((line) => [line[0], line.slice(1)]));
    expect(Object.fromEntries(byRef)).toEqual({
      'CSV-0417-01': ['reference', 'full', ACME.orderId],
      'CSV-0417-02': ['reference', 'partial', NORDIC_PARTIAL.orderId],
      'CSV-0417-03': ['reference', 'over', PACIFIC.orderId],
      'CSV-0417-04': ['unmatched'],
      'CSV-0417-05': ['skipped', 'not-a-credit'],
      'SEMI-01': ['amount-and-customer', 'partial', ATLAS.orderId],
      'SEMI-02': ['skipped', 'not-a-credit'],
      [txs[7].bankReference]: ['reference', 'full', NORDIC_FULL.orderId],
    });
  });
});
