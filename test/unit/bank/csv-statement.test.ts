import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankStatementError } from '../../../shared/bank/bank-transaction';
import { parseCsvStatement } from '../../../shared/bank/csv-statement';
import { parseAmount } from '../../../shared/domain/money';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/bank', name), 'utf8');
const eur = (amount: string) => parseAmount(amount, 'EUR');

function problemsOf(csv: string): string[] {
  try {
    parseCsvStatement(csv);
  } catch (error) {
    if (error instanceof BankStatementError) return error.problems;
    throw error;
  }
  throw new Error('expected the statement to be refused');
}

describe('CSV statement import', () => {
  it('reads the comma format: quoted fields with commas, doubled quotes and a line break, CRLF', () => {
    // Act
    const txs = parseCsvStatement(fixture('statement.csv'));

    // Assess
    expect(txs).toHaveLength(5);
    expect(txs[0]).toEqual({
      bookingDate: '2026-04-17',
      valueDate: '2026-04-17',
      amount: eur('12500.00'),
      currency: 'EUR',
      creditDebit: 'CRDT',
      reversal: false,
      status: 'BOOK',
      remittance: 'Order ord_01JQM9S346Q3D25VT4F5V37E3S, full payment',
      counterpartyName: 'ACME TRADING GMBH',
      counterpartyIban: 'DE89370400440532013000',
      bankReference: 'CSV-0417-01',
    });
    expect(txs[1].remittance).toBe('first instalment "inv 2026 000124"');
    expect(txs[1].valueDate).toBe('2026-04-17');
    expect(txs[2].remittance).toBe('ORD01JQNPZX45HY43KWJRP1XPA7Z3 incl. freight');
    expect(txs[4]).toMatchObject({ creditDebit: 'DBIT', amount: eur('35.00'), bankReference: 'CSV-0417-05' });
    expect(txs[4].counterpartyName).toBeUndefined();
  });

  it('reads the semicolon format with decimal commas, spaced IBANs and a missing bank reference', () => {
    // Act
    const txs = parseCsvStatement(fixture('statement-semicolon.csv'));

    // Assess
    expect(txs.map((t) => [t.creditDebit, t.amount, t.remittance])).toEqual([
      ['CRDT', eur('4735.00'), 'PAYMENT AS AGREED'],
      ['DBIT', eur('75.50'), 'Freight; April'],
      ['CRDT', eur('8400.00'), 'INV-2026-000123'],
    ]);
    expect(txs[0].counterpartyIban).toBe('GB29NWBK60161331926819');
    expect(txs[2].bankReference).toMatch(/^content-/);
    expect(parseCsvStatement(fixture('statement-semicolon.csv'))[2].bankReference).toBe(txs[2].bankReference);
  });

  it('finds columns by name in any order and case, and ignores unknown ones', () => {
    // Prepare
    const csv = 'Notes,CURRENCY,amount,Date\nhello,usd,1250.5,2026-04-17\n';

    // Act
    const [tx] = parseCsvStatement(csv);

    // Assess
    expect(tx).toMatchObject({
      amount: parseAmount('1250.50', 'USD'),
      bookingDate: '2026-04-17',
      remittance: '',
    });
  });

  it('reports every bad line by its number, and returns nothing', () => {
    // Prepare
    const csv = [
      'date,amount,currency,reference,bank_reference',
      '2026-04-17,100.00,EUR,ok,R1',
      '2026-04-17,abc,EUR,x,R2',
      '17.04.2026,10,EUR,x,R3',
      '2026-04-17,1.005,EUR,x,R4',
      '2026-04-17,1.250,50,EUR,x,R5',
      '2026-04-17,10,EURO,x,R6',
      '',
      '2026-04-17,0,EUR,x,R8',
      '2026-04-17,,EUR,x,R9',
    ].join('\n');

    // Act
    const problems = problemsOf(csv);

    // Assess
    expect(problems).toEqual([
      "line 3: amount 'abc' is not an amount",
      "line 4: date '17.04.2026' is not a date (YYYY-MM-DD)",
      'line 5: amount \'1.005\': EUR amounts have at most 2 decimal places; got "1.005"',
      'line 6: has 6 fields, the header 5',
      "line 6: currency '50' is not an ISO 4217 code",
      "line 7: currency 'EURO' is not an ISO 4217 code",
      'line 9: amount is zero',
      'line 10: amount is empty',
    ]);
  });

  it('counts lines inside quoted fields when reporting', () => {
    // Prepare
    const csv = 'date,amount,currency,reference\n2026-04-17,1,EUR,"two\nlines"\n2026-04-17,x,EUR,y\n';

    // Act
    const problems = problemsOf(csv);

    // Assess
    expect(problems).toEqual(["line 4: amount 'x' is not an amount"]);
  });

  it.each([
    ['an empty file', '', 'the file is empty: expected a header row'],
    ['a header without required columns', 'when,how much\n', 'line 1: the header has no date column'],
    ['a repeated column', 'date,amount,currency,Amount\n', 'line 1: the column amount appears twice'],
    [
      'an unclosed quote',
      'date,amount,currency,reference\n2026-04-17,1,EUR,"open\n',
      'line 2: a quoted field is not closed',
    ],
  ])('refuses %s', (_case, csv, problem) => {
    // Act
    const problems = problemsOf(csv);

    // Assess
    expect(problems).toContain(problem);
  });
});
