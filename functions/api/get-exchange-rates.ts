import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoExchangeRateSettings } from '../../shared/adapters/dynamodb-exchange-rate-settings';
import { loadConfig } from '../../shared/config';
import { apiHandler } from '../../shared/http/api-handler';
import { exchangeRatesView } from '../../shared/http/finance-views';
import { json } from '../../shared/http/responses';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const settings = makeDynamoExchangeRateSettings(dynamoDocumentClient(), config.SETTINGS_TABLE);

/** GET /settings/exchange-rates (finance, admin): the company currency and the dated rates, with their version. */
export const handler = apiHandler(async () => json(200, exchangeRatesView(await settings.get())));
