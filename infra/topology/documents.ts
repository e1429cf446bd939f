import { apiFunction, keyed, stepFunction } from './function-specs';
import { type FunctionSpec, type RouteSpec, STAFF_ROLES } from './types';

/**
 * Trade documents (issue 7, documents): issued by a workflow step from the order, kept in the
 * documents bucket with every version; listed, downloaded and retried through the API; the company
 * details they carry are admin settings. Kept beside index.ts, as lifecycle.ts is.
 */

/** Whatever issues documents reads the order, its buyer and products, and the numbers and company details. */
const issuing: FunctionSpec['access'] = {
  // settings: the document counters and numbers, and the company details.
  tables: { orders: 'readwrite', customers: 'read', inventory: 'read', settings: 'readwrite' },
  buckets: { documents: 'readwrite' },
  bus: true,
};

const api = keyed(apiFunction);

export const documentFunctions: [string, FunctionSpec][] = [
  keyed(stepFunction)(
    'issue-documents',
    'Workflow step: checks and issues a set of trade documents (PDF, customs JSON/CSV) to S3; a failed check becomes a task for sales',
    issuing,
    30,
  ),
  // PDF rendering is CPU: more memory is more CPU on Lambda.
  ...[
    api(
      'retry-documents',
      'POST /orders/{id}/documents/retry: checks again and issues the held documents; ends the wait',
      {
        ...issuing,
        tables: { ...issuing.tables, idempotency: 'readwrite' },
        workflows: { orderLifecycle: ['callback'] },
      },
    ),
  ].map(([name, spec]): [string, FunctionSpec] => [name, { ...spec, memoryMb: 512, timeoutSeconds: 20 }]),
  api('list-documents', 'GET /orders/{id}/documents: every version of every trade document, with links', {
    tables: { orders: 'read' },
    buckets: { documents: 'read' },
  }),
  api(
    'get-document',
    'GET /orders/{id}/documents/{kind}: a document file (PDF; customs data also JSON or CSV)',
    {
      tables: { orders: 'read' },
      buckets: { documents: 'read' },
    },
  ),
  api('get-company-settings', 'GET /settings/company: the exporter details on the documents', {
    tables: { settings: 'read' },
  }),
  api('put-company-settings', 'PUT /settings/company: a new version of the company details', {
    tables: { settings: 'readwrite' },
  }),
  api('update-product', "PATCH /products/{sku}: a product's HS code, origin, weights, name", {
    tables: { inventory: 'readwrite' },
  }),
];

export const documentRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/orders/{id}/documents',
    function: 'list-documents',
    callers: { storefront: true, staff: STAFF_ROLES },
  },
  {
    method: 'GET',
    path: '/orders/{id}/documents/{kind}',
    function: 'get-document',
    callers: { storefront: true, staff: STAFF_ROLES },
  },
  {
    method: 'POST',
    path: '/orders/{id}/documents/retry',
    function: 'retry-documents',
    callers: { staff: ['sales', 'admin'] },
  },
  {
    method: 'GET',
    path: '/settings/company',
    function: 'get-company-settings',
    callers: { staff: ['admin'] },
  },
  {
    method: 'PUT',
    path: '/settings/company',
    function: 'put-company-settings',
    callers: { staff: ['admin'] },
  },
  {
    method: 'PATCH',
    path: '/products/{sku}',
    function: 'update-product',
    callers: { staff: ['sales', 'procurement', 'admin'] },
  },
];
