import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoExchangeRateSettings } from '../../shared/adapters/dynamodb-exchange-rate-settings';
import { loadConfig } from '../../shared/config';
import { putExchangeRatesBody } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { exchangeRatesView } from '../../shared/http/finance-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makePutExchangeRates } from '../../shared/use-cases/finance/exchange-rates';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const put = makePutExchangeRates({
  settings: makeDynamoExchangeRateSettings(dynamoDocumentClient(), config.SETTINGS_TABLE),
  clock: systemClock,
});

/** PUT /settings/exchange-rates (finance, admin): the whole rate table as the next version; 409 if another came first. */
export const handler = apiHandler(async (event) => {
  const saved = await put(parseBody(event, putExchangeRatesBody), callerOf(event).id);
  return json(200, exchangeRatesView(saved));
});
