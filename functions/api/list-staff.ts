import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoStaffDirectory } from '../../shared/adapters/dynamodb-staff-directory';
import { loadConfig } from '../../shared/config';
import { listStaffQuery } from '../../shared/contracts/staff';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListStaff, staffMemberView } from '../../shared/use-cases/staff/read-staff';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ STAFF_TABLE: z.string().check(z.minLength(1)) }));
const listStaff = makeListStaff({
  staff: makeDynamoStaffDirectory(dynamoDocumentClient(), config.STAFF_TABLE),
});

/** GET /staff?role=&active=&limit=&nextToken= (admin, sales, sales-manager): the staff directory. */
export const handler = apiHandler(async (event) => {
  const page = await listStaff(parseWith(listStaffQuery, event.queryStringParameters ?? {}));
  return json(200, {
    items: page.items.map(staffMemberView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
