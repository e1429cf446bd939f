import { dormantQuery } from '../../shared/contracts/customer-insights';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { customerListsRoot } from './customer-lists-root';

const lists = customerListsRoot();

/** GET /customers/lists/dormant (staff): repeat buyers past their predicted next order. */
export const handler = apiHandler(async (event) =>
  json(200, await lists.dormant(parseWith(dormantQuery, event.queryStringParameters ?? {}))),
);
