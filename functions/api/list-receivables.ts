import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoReceivableReader } from '../../shared/adapters/dynamodb-receivables';
import { loadConfig } from '../../shared/config';
import { listReceivablesQuery } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { receivablesView } from '../../shared/http/finance-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeListReceivables } from '../../shared/use-cases/finance/receivables-report';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ ORDERS_TABLE: z.string().check(z.minLength(1)) }));
const list = makeListReceivables({
  receivables: makeDynamoReceivableReader(dynamoDocumentClient(), config.ORDERS_TABLE),
  clock: systemClock,
});

/** GET /receivables?customerId= (finance, sales): open installments with due dates and what is outstanding. */
export const handler = apiHandler(async (event) =>
  json(200, receivablesView(await list(parseWith(listReceivablesQuery, event.queryStringParameters ?? {})))),
);
