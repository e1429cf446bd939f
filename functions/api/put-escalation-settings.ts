import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { loadConfig } from '../../shared/config';
import { putEscalationSettingsBody } from '../../shared/contracts/escalation-settings';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import {
  escalationSettingsView,
  makePutEscalationSettings,
} from '../../shared/use-cases/escalation-settings';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SETTINGS_TABLE: z.string().check(z.minLength(1)) }));
const putSettings = makePutEscalationSettings({
  settings: makeDynamoEscalationSettings(dynamoDocumentClient(), config.SETTINGS_TABLE),
  clock: systemClock,
});

/** PUT /settings/escalations (admin): a new version of the settings; 409 if another came first. */
export const handler = apiHandler(async (event) => {
  const saved = await putSettings(parseBody(event, putEscalationSettingsBody), callerOf(event).id);
  return json(200, escalationSettingsView(saved));
});
