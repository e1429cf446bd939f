import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInquiryRepository } from '../../shared/adapters/dynamodb-inquiries';
import { loadConfig } from '../../shared/config';
import { inquiryIdParam } from '../../shared/contracts/inquiries';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { inquiryView } from '../../shared/http/inquiry-views';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeGetInquiry } from '../../shared/use-cases/inquiries/read-inquiries';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ INQUIRIES_TABLE: z.string().check(z.minLength(1)) }));
const getInquiry = makeGetInquiry({
  inquiries: makeDynamoInquiryRepository(dynamoDocumentClient(), config.INQUIRIES_TABLE),
});

/** GET /inquiries/{id}: staff, or the storefront that sent it. */
export const handler = apiHandler(async (event) => {
  const inquiry = await getInquiry(pathParam(event, 'id', inquiryIdParam), callerOf(event));
  return json(200, inquiryView(inquiry));
});
