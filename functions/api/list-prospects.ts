import { prospectsQuery } from '../../shared/contracts/customer-insights';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { customerListsRoot } from './customer-lists-root';

const lists = customerListsRoot();

/** GET /customers/lists/prospects (staff): inquired, never ordered. */
export const handler = apiHandler(async (event) =>
  json(200, await lists.prospects(parseWith(prospectsQuery, event.queryStringParameters ?? {}))),
);
