import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { importResultView } from '../../shared/http/finance-views';
import { idempotentApi } from '../../shared/http/idempotency';
import { json } from '../../shared/http/responses';
import { statementOf } from '../../shared/http/statement-upload';
import { makeImportBankStatement } from '../../shared/use-cases/finance/import-bank-statement';
import { bankReconciliationRoot } from './bank-reconciliation-root';

const { deps, idempotencyStore } = bankReconciliationRoot();
const importStatement = makeImportBankStatement(deps);
const idempotent = idempotentApi({ scope: 'import-bank-statement', store: idempotencyStore });

/**
 * POST /bank-transactions (finance): a camt.053 or CSV statement (the file as text/csv or
 * application/xml, or the JSON envelope `importStatementEnvelope`), kept once per bank transaction
 * and reconciled against the open receivables.
 */
export const handler = apiHandler(
  idempotent(async (event) => {
    const { format, text } = statementOf(event);
    return json(200, importResultView(await importStatement(format, text, callerOf(event))));
  }),
);
