import { bankTransactionIdParam, matchBankTransactionBody } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { bankTransactionView } from '../../shared/http/finance-views';
import { idempotentApi } from '../../shared/http/idempotency';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeMatchBankTransaction } from '../../shared/use-cases/finance/match-bank-transaction';
import { bankReconciliationRoot } from './bank-reconciliation-root';

const { deps, idempotencyStore } = bankReconciliationRoot();
const match = makeMatchBankTransaction(deps);
const idempotent = idempotentApi({ scope: 'match-bank-transaction', store: idempotencyStore });

/** POST /bank-transactions/{id}/match (finance): a queued transaction recorded as payment on the order named. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const transactionId = pathParam(event, 'id', bankTransactionIdParam);
    const { orderId } = parseBody(event, matchBankTransactionBody);
    return json(200, bankTransactionView(await match(transactionId, orderId, callerOf(event))));
  }),
);
