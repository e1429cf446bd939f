import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCompanyDetails } from '../../shared/adapters/dynamodb-company-details';
import { loadConfig } from '../../shared/config';
import { putCompanySettingsBody } from '../../shared/contracts/documents';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import {
  companySettingsView,
  makePutCompanySettings,
} from '../../shared/use-cases/documents/company-settings';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const putSettings = makePutCompanySettings({
  company: makeDynamoCompanyDetails(dynamoDocumentClient(), config.SETTINGS_TABLE),
  clock: systemClock,
});

/** PUT /settings/company (admin): a new version of the company details; 409 if another came first. */
export const handler = apiHandler(async (event) => {
  const saved = await putSettings(parseBody(event, putCompanySettingsBody), callerOf(event).id);
  return json(200, companySettingsView(saved));
});
