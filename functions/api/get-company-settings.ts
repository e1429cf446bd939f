import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCompanyDetails } from '../../shared/adapters/dynamodb-company-details';
import { loadConfig } from '../../shared/config';
import { apiHandler } from '../../shared/http/api-handler';
import { json } from '../../shared/http/responses';
import { companySettingsView } from '../../shared/use-cases/documents/company-settings';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const company = makeDynamoCompanyDetails(dynamoDocumentClient(), config.SETTINGS_TABLE);

/** GET /settings/company (admin): the exporter details on the documents, or the defaults (version 0). */
export const handler = apiHandler(async () => json(200, companySettingsView(await company.get())));
