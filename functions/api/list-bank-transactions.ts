import { makeDynamoBankTransactionStore } from '../../shared/adapters/dynamodb-bank-transactions';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { loadConfig } from '../../shared/config';
import { listBankTransactionsQuery } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { bankTransactionView } from '../../shared/http/finance-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ FINANCE_TABLE: z.string().check(z.minLength(1)) }));
const transactions = makeDynamoBankTransactionStore(dynamoDocumentClient(), config.FINANCE_TABLE);

/** GET /bank-transactions?status= (finance): the reconciliation queue (`unmatched`, the default) or another status. */
export const handler = apiHandler(async (event) => {
  const query = parseWith(listBankTransactionsQuery, event.queryStringParameters ?? {});
  const page = await transactions.listByStatus(query.status, {
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return json(200, {
    items: page.items.map(bankTransactionView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
