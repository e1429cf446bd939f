import { apiFunction, keyed } from './function-specs';
import type { FunctionSpec, RouteSpec } from './types';

/**
 * The buyer's public tracking page (the documents issue): opened by the unguessable link in every
 * buyer email, with no API key or sign-in; the functions check the link's token. Kept beside index.ts.
 */

const api = keyed(apiFunction);

/**
 * Reads only: the token's lookup and the order (orders table), the customer's language, the PDFs. No
 * `apiUrl`: an API function given the API's URL would make a deploy-time cycle; the page links its
 * documents relative to itself.
 */
const pageAccess: FunctionSpec['access'] = {
  tables: { orders: 'read', customers: 'read' },
  buckets: { documents: 'read' },
};

export const trackingPageFunctions: [string, FunctionSpec][] = [
  api(
    'get-tracking-page',
    "GET /track/{token}: a buyer's tracking page for one order (HTML, or JSON on Accept: application/json)",
    pageAccess,
  ),
  api(
    'get-tracking-document',
    "GET /track/{token}/documents/{kind}: the newest PDF of a buyer document of the link's order",
    { tables: { orders: 'read' }, buckets: { documents: 'read' } },
  ),
];

const link = "a buyer's tracking page for one order";

export const trackingPageRoutes: RouteSpec[] = [
  { method: 'GET', path: '/track/{token}', function: 'get-tracking-page', callers: { link } },
  {
    method: 'GET',
    path: '/track/{token}/documents/{kind}',
    function: 'get-tracking-document',
    callers: { link: `${link}'s documents` },
  },
];
