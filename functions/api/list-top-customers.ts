import { topQuery } from '../../shared/contracts/customer-insights';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { customerListsRoot } from './customer-lists-root';

const lists = customerListsRoot();

/** GET /customers/lists/top (staff): customers by revenue over a period. */
export const handler = apiHandler(async (event) =>
  json(200, await lists.top(parseWith(topQuery, event.queryStringParameters ?? {}))),
);
