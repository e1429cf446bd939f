import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoStaffDirectory } from '../../shared/adapters/dynamodb-staff-directory';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { putStaffMemberBody, staffIdParam } from '../../shared/contracts/staff';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makePutStaffMember } from '../../shared/use-cases/staff/put-staff-member';
import { staffMemberView } from '../../shared/use-cases/staff/read-staff';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    STAFF_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const putStaffMember = makePutStaffMember({
  staff: makeDynamoStaffDirectory(dynamoDocumentClient(), config.STAFF_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

/** PUT /staff/{staffId} (admin): adds a staff member (201) or changes one at its version (200). */
export const handler = apiHandler(async (event) => {
  const { member, created } = await putStaffMember(
    pathParam(event, 'staffId', staffIdParam),
    parseBody(event, putStaffMemberBody),
    callerOf(event),
  );
  return json(created ? 201 : 200, staffMemberView(member));
});
