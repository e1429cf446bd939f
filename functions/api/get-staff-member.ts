import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoStaffDirectory } from '../../shared/adapters/dynamodb-staff-directory';
import { loadConfig } from '../../shared/config';
import { staffIdParam } from '../../shared/contracts/staff';
import { apiHandler } from '../../shared/http/api-handler';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeGetStaffMember, staffMemberView } from '../../shared/use-cases/staff/read-staff';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ STAFF_TABLE: z.string().check(z.minLength(1)) }));
const getStaffMember = makeGetStaffMember({
  staff: makeDynamoStaffDirectory(dynamoDocumentClient(), config.STAFF_TABLE),
});

/** GET /staff/{staffId} (admin, sales, sales-manager): one entry of the staff directory. */
export const handler = apiHandler(async (event) =>
  json(200, staffMemberView(await getStaffMember(pathParam(event, 'staffId', staffIdParam)))),
);
