import { InvalidInputError } from '../../../../shared/errors';
import {
  MAX_TRANSACTIONS_PER_IMPORT,
  makeImportBankStatement,
} from '../../../../shared/use-cases/finance/import-bank-statement';
import { makeListReceivables } from '../../../../shared/use-cases/finance/receivables-report';
import { staff } from '../../../fixtures/orders';
import { aCustomer, eur, financeWorld, fixture, owing } from './finance-world';

const ACME = 'ord_01JQM9S346Q3D25VT4F5V37E3S';
const PACIFIC = 'ord_01JQNPZX45HY43KWJRP1XPA7Z3';
const ATLAS = 'ord_01JQDJ8FSSZ5AWSH8VHTPRE95B';
const BALTIC = 'ord_01JQS3C4DWA7N36096Q14DR9GP';

/** The orders the fixture statements pay, each in the wait its payment ends. */
function fixtureOrders() {
  return [
    owing(ACME, 'cus_ACME', '12500.00', { wait: 'deposit' }),
    owing(PACIFIC, 'cus_PACIFIC', '3000.00', { wait: 'deposit' }),
    owing(BALTIC, 'cus_BALTIC', '7000.00', { terms: { type: 'TT', depositPercent: 30 }, wait: 'deposit' }),
    owing(ATLAS, 'cus_ATLAS', '4750.00', {
      terms: { type: 'OA', netDays: 30 },
      status: 'AWAITING_PAYMENT',
      wait: 'payment',
      deliveredAt: '2026-03-01T00:00:00.000Z',
    }),
  ];
}
const fixtureCustomers = () => [
  aCustomer('cus_ACME', 'Acme Trading GmbH'),
  aCustomer('cus_PACIFIC', 'Pacific Rim Imports Pte. Ltd.'),
  aCustomer('cus_BALTIC', 'Baltic Tools UAB'),
  aCustomer('cus_ATLAS', 'Atlas Export Ltd'),
];

describe('POST /bank-transactions: a camt.053 statement', () => {
  it('records full, partial and over payments on their orders and queues what does not match', async () => {
    // Prepare
    const w = financeWorld(fixtureOrders(), fixtureCustomers());

    // Act
    const result = await makeImportBankStatement(w.deps)(
      'camt053',
      fixture('camt053-v08.xml'),
      staff.finance,
    );

    // Assess: what became of each transaction
    expect(
      result.transactions.map((tx) => [tx.bankReference, tx.status, tx.match?.by, tx.match?.settlement]),
    ).toEqual([
      ['2026041500001', 'matched', 'reference', 'full'],
      ['2026041500002', 'unmatched', undefined, undefined],
      ['2026041500003', 'unmatched', undefined, undefined],
      ['2026041500004', 'matched', 'reference', 'over'],
      ['2026041500005', 'matched', 'amount-and-customer', 'partial'],
      ['2026041500006', 'unmatched', undefined, undefined],
      ['2026041500007', 'not-applicable', undefined, undefined],
      ['2026041500008/1', 'unmatched', undefined, undefined],
      ['2026041500008/2', 'matched', 'reference', 'partial'],
    ]);
    expect(result.transactions.every((tx) => !tx.alreadyImported)).toBe(true);
    // invoice numbers are not on orders (yet): quoted alone, they are for finance to match
    expect(await w.byReference('2026041500002')).toMatchObject({
      reason: 'the references found match no open receivable',
      references: ['INV2026000123'],
    });
    expect((await w.byReference('2026041500006')).reason).toContain('not a known customer');
    expect((await w.byReference('2026041500007')).reason).toContain('debit');

    // the payments, with the transaction id as their reference
    const acmeTx = await w.byReference('2026041500001');
    expect((await w.order(ACME)).payments).toEqual([
      {
        amount: eur('12500.00'),
        reference: acmeTx.transactionId,
        receivedAt: '2026-04-16T09:00:00.000Z',
        by: { kind: 'system', id: 'bank-reconciliation' },
      },
    ]);
    expect((await w.order(PACIFIC)).paid).toEqual(eur('3150.00'));
    expect((await w.order(ATLAS)).paid).toEqual(eur('4735.00'));
    expect((await w.order(BALTIC)).paid).toEqual(eur('3000.00'));

    // the waits the money covers end (ACME, PACIFIC and BALTIC's deposit); ATLAS is short by a wire fee
    expect(w.callbacks.succeeded.map((s) => s.token).sort()).toEqual(
      [`token-${ACME}`, `token-${BALTIC}`, `token-${PACIFIC}`].sort(),
    );
    expect((await w.byReference('2026041500005')).match).toMatchObject({
      remainder: eur('15.00'),
      withinTolerance: true,
    });
    expect((await w.byReference('2026041500008/2')).match).toMatchObject({ remainder: eur('4000.00') });
  });

  it('announces each match and each queued transaction with ids and figures only', async () => {
    // Prepare
    const w = financeWorld(fixtureOrders(), fixtureCustomers());

    // Act
    await makeImportBankStatement(w.deps)('camt053', fixture('camt053-v08.xml'), staff.finance);

    // Assess
    const bank = w.events.published.filter((e) => e.type.startsWith('BankTransaction'));
    expect(bank.map((e) => e.type).sort()).toEqual([
      ...Array(4).fill('BankTransactionMatched'),
      ...Array(4).fill('BankTransactionUnmatched'),
    ]);
    const pacificTx = await w.byReference('2026041500004');
    expect(bank.find((e) => e.detail.changeId === `${pacificTx.transactionId}:matched`)?.detail).toEqual({
      version: 1,
      changeId: `${pacificTx.transactionId}:matched`,
      occurredAt: '2026-04-16T09:00:00.000Z',
      orderId: PACIFIC,
      transactionId: pacificTx.transactionId,
      bookingDate: '2026-04-15',
      amount: { amount: '3150.00', currency: 'EUR' },
      matchedBy: 'reference',
      settlement: 'over',
      remainder: { amount: '150.00', currency: 'EUR' },
      withinTolerance: false,
      allocations: [
        { orderId: PACIFIC, customerId: 'cus_PACIFIC', amount: { amount: '3150.00', currency: 'EUR' } },
      ],
    });
    expect(JSON.stringify(bank)).not.toMatch(/Doe|ACME TRADING|DE89|deposit samples/);
    // the payment path announced each payment too
    expect(w.types().filter((t) => t === 'PaymentReceived')).toHaveLength(4);
  });

  it('keeps an over payment visible as the customer credit in the receivables', async () => {
    // Prepare
    const w = financeWorld(fixtureOrders(), fixtureCustomers());
    await makeImportBankStatement(w.deps)('camt053', fixture('camt053-v08.xml'), staff.finance);

    // Act
    const listing = await makeListReceivables(w.deps)({ customerId: 'cus_PACIFIC' });

    // Assess
    expect(listing.items).toEqual([]);
    expect(listing.credits).toEqual([{ orderId: PACIFIC, customerId: 'cus_PACIFIC', amount: eur('150.00') }]);
  });

  it('adds nothing when the same statement is imported again', async () => {
    // Prepare
    const w = financeWorld(fixtureOrders(), fixtureCustomers());
    const importStatement = makeImportBankStatement(w.deps);
    await importStatement('camt053', fixture('camt053-v08.xml'), staff.finance);
    const published = w.events.published.length;
    const stored = structuredClone([...w.transactions.items.values()]);

    // Act
    const again = await importStatement('camt053', fixture('camt053-v08.xml'), staff.finance);

    // Assess
    expect(again.transactions.every((tx) => tx.alreadyImported)).toBe(true);
    expect(again.transactions.map((tx) => tx.status)).toContain('matched');
    expect(w.events.published).toHaveLength(published);
    expect([...w.transactions.items.values()]).toEqual(stored);
    expect((await w.order(ACME)).payments).toHaveLength(1);
  });

  it('finishes a match an earlier import left half done, without paying twice', async () => {
    // Prepare: the bus fails once, after the payment is recorded
    const w = financeWorld(fixtureOrders(), fixtureCustomers());
    const publish = w.deps.events.publish.bind(w.deps.events);
    let failures = 1;
    w.deps.events = {
      publish: async (events) => {
        if (failures > 0 && events.some((e) => e.type === 'BankTransactionMatched')) {
          failures--;
          throw new Error('bus unavailable');
        }
        return publish(events);
      },
    };
    const importStatement = makeImportBankStatement(w.deps);
    await expect(importStatement('csv', fixture('statement.csv'), staff.finance)).rejects.toThrow(
      'bus unavailable',
    );
    expect((await w.byReference('CSV-0417-01')).state).toBe('matching');

    // Act
    const again = await importStatement('csv', fixture('statement.csv'), staff.finance);

    // Assess
    expect(again.transactions.find((tx) => tx.bankReference === 'CSV-0417-01')).toMatchObject({
      status: 'matched',
      alreadyImported: true,
    });
    expect((await w.order(ACME)).payments).toHaveLength(1);
    expect(again.transactions.map((tx) => tx.status)).toEqual([
      'matched',
      'unmatched',
      'matched',
      'unmatched',
      'not-applicable',
    ]);
  });

  it('matches by amount and a payer IBAN learned from an earlier match', async () => {
    // Prepare: the customer trades under a name the bank does not print
    const w = financeWorld(
      [owing(ATLAS, 'cus_ATLAS', '4735.00', { wait: 'deposit' })],
      [aCustomer('cus_ATLAS', 'AEL Holdings')],
    );
    w.transactions.payers.set('GB29NWBK60161331926819', 'cus_ATLAS');

    // Act
    const result = await makeImportBankStatement(w.deps)(
      'csv',
      fixture('statement-semicolon.csv'),
      staff.finance,
    );

    // Assess
    expect(result.transactions[0]).toMatchObject({
      bankReference: 'SEMI-01',
      status: 'matched',
      match: { by: 'amount-and-customer', settlement: 'full' },
    });
    expect(w.callbacks.succeeded.map((s) => s.token)).toEqual([`token-${ATLAS}`]);
  });

  it('queues a payment that names an order whose currency differs', async () => {
    // Prepare
    const w = financeWorld([owing(ACME, 'cus_ACME', '12500.00', { currency: 'USD', wait: 'deposit' })]);

    // Act
    const result = await makeImportBankStatement(w.deps)('csv', fixture('statement.csv'), staff.finance);

    // Assess
    expect(result.transactions[0]).toMatchObject({
      status: 'unmatched',
      reason: expect.stringContaining('USD'),
    });
    expect((await w.order(ACME)).payments).toBeUndefined();
  });

  it('refuses a statement that cannot be read, or is too large, storing nothing', async () => {
    // Prepare
    const w = financeWorld([]);
    const importStatement = makeImportBankStatement(w.deps);
    const rows = Array.from(
      { length: MAX_TRANSACTIONS_PER_IMPORT + 1 },
      (_, i) => `2026-04-17,1.00,EUR,r,x,B-${i}`,
    );

    // Act
    const broken = importStatement('csv', 'date,amount,currency\n2026-04-17,abc,EUR\n', staff.finance);
    const huge = importStatement(
      'csv',
      ['date,amount,currency,reference,counterparty_name,bank_reference', ...rows].join('\n'),
      staff.finance,
    );

    // Assess
    await expect(broken).rejects.toThrow(InvalidInputError);
    await expect(huge).rejects.toThrow(`import at most ${MAX_TRANSACTIONS_PER_IMPORT}`);
    expect(w.transactions.items.size).toBe(0);
  });
});
