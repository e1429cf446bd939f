import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInquiryRepository } from '../../shared/adapters/dynamodb-inquiries';
import { loadConfig } from '../../shared/config';
import { listInquiriesQuery } from '../../shared/contracts/inquiries';
import { apiHandler } from '../../shared/http/api-handler';
import { inquiryView } from '../../shared/http/inquiry-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListInquiries } from '../../shared/use-cases/inquiries/read-inquiries';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ INQUIRIES_TABLE: z.string().check(z.minLength(1)) }));
const listInquiries = makeListInquiries({
  inquiries: makeDynamoInquiryRepository(dynamoDocumentClient(), config.INQUIRIES_TABLE),
});

/** GET /inquiries?status=&customerId=&limit=&nextToken= (staff). */
export const handler = apiHandler(async (event) => {
  const page = await listInquiries(parseWith(listInquiriesQuery, event.queryStringParameters ?? {}));
  return json(200, {
    items: page.items.map(inquiryView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
