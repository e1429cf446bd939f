import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { loadConfig } from '../../shared/config';
import { apiHandler } from '../../shared/http/api-handler';
import { json } from '../../shared/http/responses';
import { escalationSettingsView } from '../../shared/use-cases/escalation-settings';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const settings = makeDynamoEscalationSettings(dynamoDocumentClient(), config.SETTINGS_TABLE);

/** GET /settings/escalations (admin): the stored settings or the defaults, and the SLAs in force. */
export const handler = apiHandler(async () => json(200, escalationSettingsView(await settings.get())));
