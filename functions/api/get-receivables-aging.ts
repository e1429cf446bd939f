import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoExchangeRateSettings } from '../../shared/adapters/dynamodb-exchange-rate-settings';
import { makeDynamoReceivableReader } from '../../shared/adapters/dynamodb-receivables';
import { loadConfig } from '../../shared/config';
import { agingQuery } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { agingView } from '../../shared/http/finance-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeAgingReport } from '../../shared/use-cases/finance/receivables-report';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const report = makeAgingReport({
  receivables: makeDynamoReceivableReader(db, config.ORDERS_TABLE),
  rates: makeDynamoExchangeRateSettings(db, config.SETTINGS_TABLE),
  clock: systemClock,
});

/** GET /receivables/aging?asOf= (finance): current, 1–30, 31–60, 61–90, 90+ per customer and in total. */
export const handler = apiHandler(async (event) =>
  json(200, agingView(await report(parseWith(agingQuery, event.queryStringParameters ?? {})))),
);
