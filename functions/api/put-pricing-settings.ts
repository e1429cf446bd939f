import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoPricingSettings } from '../../shared/adapters/dynamodb-pricing-settings';
import { loadConfig } from '../../shared/config';
import { putPricingSettingsBody } from '../../shared/contracts/pricing-settings';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makePutPricingSettings, pricingSettingsView } from '../../shared/use-cases/quotes/pricing-settings';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const putSettings = makePutPricingSettings({
  settings: makeDynamoPricingSettings(dynamoDocumentClient(), config.SETTINGS_TABLE),
  clock: systemClock,
});

/** PUT /settings/pricing (admin): a new version of the pricing settings; 409 if another came first. */
export const handler = apiHandler(async (event) => {
  const saved = await putSettings(parseBody(event, putPricingSettingsBody), callerOf(event).id);
  return json(200, pricingSettingsView(saved));
});
