import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoPricingSettings } from '../../shared/adapters/dynamodb-pricing-settings';
import { loadConfig } from '../../shared/config';
import { apiHandler } from '../../shared/http/api-handler';
import { json } from '../../shared/http/responses';
import { pricingSettingsView } from '../../shared/use-cases/quotes/pricing-settings';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const settings = makeDynamoPricingSettings(dynamoDocumentClient(), config.SETTINGS_TABLE);

/** GET /settings/pricing (sales, admin): the stored pricing settings, or the defaults (version 0). */
export const handler = apiHandler(async () => json(200, pricingSettingsView(await settings.get())));
