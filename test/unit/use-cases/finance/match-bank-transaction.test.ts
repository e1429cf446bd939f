import { ConflictError, NotFoundError } from '../../../../shared/errors';
import { makeImportBankStatement } from '../../../../shared/use-cases/finance/import-bank-statement';
import {
  makeIgnoreBankTransaction,
  makeMatchBankTransaction,
} from '../../../../shared/use-cases/finance/match-bank-transaction';
import { staff } from '../../../fixtures/orders';
import { eur, financeWorld, fixture, owing } from './finance-world';

const NORDIC = 'ord_01JQQKFBF5KZNWJ47TAN9ZT24M';

/** The CSV statement imported over one Nordic order: its invoice-number payment waits in the queue. */
async function queued() {
  const w = financeWorld([owing(NORDIC, 'cus_NORDIC', '2000.00', { wait: 'deposit' })]);
  await makeImportBankStatement(w.deps)('csv', fixture('statement.csv'), staff.finance);
  const tx = await w.byReference('CSV-0417-02');
  expect(tx.state).toBe('unmatched');
  return { w, tx };
}

describe('the reconciliation queue', () => {
  it('records a manual match through the payment path, which ends the deposit wait', async () => {
    // Prepare
    const { w, tx } = await queued();

    // Act
    const matched = await makeMatchBankTransaction(w.deps)(tx.transactionId, NORDIC, staff.finance);

    // Assess
    expect(matched).toMatchObject({
      state: 'matched',
      match: {
        by: 'manual',
        settlement: 'full',
        allocations: [{ orderId: NORDIC, customerId: 'cus_NORDIC', amount: eur('2000.00') }],
        actor: staff.finance,
      },
    });
    expect((await w.order(NORDIC)).payments).toEqual([
      expect.objectContaining({ amount: eur('2000.00'), reference: tx.transactionId, by: staff.finance }),
    ]);
    expect(w.callbacks.succeeded.map((s) => s.token)).toEqual([`token-${NORDIC}`]);
    expect(w.types().slice(-2)).toEqual(['PaymentReceived', 'BankTransactionMatched']);
    // the payer's IBAN now identifies the customer
    expect(w.transactions.payers.get('NO9386011117947')).toBe('cus_NORDIC');
  });

  it('answers the same match again without paying twice, and refuses another order', async () => {
    // Prepare
    const { w, tx } = await queued();
    const match = makeMatchBankTransaction(w.deps);
    await match(tx.transactionId, NORDIC, staff.finance);

    // Act
    const again = await match(tx.transactionId, NORDIC, staff.finance);
    const elsewhere = match(tx.transactionId, 'ord_01JQM9S346Q3D25VT4F5V37E3S', staff.finance);

    // Assess
    expect(again.state).toBe('matched');
    expect((await w.order(NORDIC)).payments).toHaveLength(1);
    await expect(elsewhere).rejects.toThrow(ConflictError);
  });

  it('refuses an order that takes no payment now, leaving the transaction in the queue', async () => {
    // Prepare
    const { w, tx } = await queued();
    const cancelled = { ...(await w.order(NORDIC)), status: 'CANCELLED' as const, version: 2 };
    await w.orders.save(cancelled);

    // Act
    const attempt = makeMatchBankTransaction(w.deps)(tx.transactionId, NORDIC, staff.finance);

    // Assess
    await expect(attempt).rejects.toThrow(ConflictError);
    expect((await w.transactions.get(tx.transactionId))?.state).toBe('unmatched');
    await expect(
      makeMatchBankTransaction(w.deps)(tx.transactionId, 'ord_01JQZZZZZZZZZZZZZZZZZZZZZZ', staff.finance),
    ).rejects.toThrow(NotFoundError);
  });

  it('sets a transaction aside with its reason, once', async () => {
    // Prepare
    const { w } = await queued();
    const stranger = await w.byReference('CSV-0417-04');
    const ignore = makeIgnoreBankTransaction(w.deps);

    // Act
    const ignored = await ignore(
      stranger.transactionId,
      'Sample order paid by a private person: booked by hand',
      staff.finance,
    );
    const again = await ignore(stranger.transactionId, 'twice', staff.finance);

    // Assess
    expect(ignored).toMatchObject({
      state: 'ignored',
      ignored: { reason: 'Sample order paid by a private person: booked by hand', actor: staff.finance },
    });
    expect(again.ignored?.reason).toBe('Sample order paid by a private person: booked by hand');
    const queue = await w.transactions.listByStatus('unmatched');
    // (this world has no orders for CSV-0417-01 and -03: they wait too)
    expect(queue.items.map((t) => t.bankReference).sort()).toEqual([
      'CSV-0417-01',
      'CSV-0417-02',
      'CSV-0417-03',
    ]);
    const debit = await w.byReference('CSV-0417-05');
    await expect(ignore(debit.transactionId, 'no', staff.finance)).rejects.toThrow(ConflictError);
  });
});
