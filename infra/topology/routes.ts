import { documentRoutes } from './documents';
import { financeRoutes } from './finance';
import { procurementRoutes } from './procurement';
import { quoteRoutes } from './quotes';
import { staffRoutes } from './staff';
import { trackingPageRoutes } from './tracking-page';
import { type RouteSpec, STAFF_ROLES } from './types';

/**
 * The API's routes and who may call each. The authorizer function imports this list too: it allows a
 * caller exactly the routes listed for it, on AWS and locally alike.
 */
export const routes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/customers',
    function: 'create-customer',
    callers: { storefront: true, staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'POST',
    path: '/orders',
    function: 'create-order',
    callers: { storefront: true, staff: ['sales', 'admin'] },
  },
  {
    method: 'GET',
    path: '/orders/{id}',
    function: 'get-order',
    callers: { storefront: true, staff: STAFF_ROLES },
  },
  // Storefronts list only their own orders, by their shop's order id (`externalRef`).
  {
    method: 'GET',
    path: '/orders',
    function: 'list-orders',
    callers: { storefront: true, staff: STAFF_ROLES },
  },
  {
    method: 'POST',
    path: '/orders/{id}/credit-decision',
    function: 'decide-credit',
    callers: { staff: ['finance'] },
  },
  {
    method: 'POST',
    path: '/orders/{id}/payments',
    function: 'record-payment',
    callers: { staff: ['finance'] },
  },
  {
    method: 'POST',
    path: '/orders/{id}/packing',
    function: 'record-packing',
    callers: { staff: ['warehouse'] },
  },
  {
    method: 'POST',
    path: '/orders/{id}/shipment',
    function: 'record-shipment',
    callers: { staff: ['logistics'] },
  },
  {
    method: 'POST',
    path: '/orders/{id}/tracking-events',
    function: 'record-tracking-event',
    callers: { staff: ['logistics'] },
  },
  {
    method: 'POST',
    path: '/orders/{id}/promised-date',
    function: 'promise-production-date',
    callers: { staff: ['warehouse', 'admin'] },
  },
  {
    method: 'POST',
    path: '/orders/{id}/delivery',
    function: 'record-delivery',
    callers: { staff: ['logistics'] },
  },
  {
    method: 'POST',
    path: '/orders/{id}/cancel',
    function: 'cancel-order',
    callers: { staff: ['sales', 'admin'] },
  },
  {
    method: 'POST',
    path: '/products',
    function: 'create-product',
    callers: { staff: ['procurement', 'admin'] },
  },
  {
    method: 'PUT',
    path: '/inventory/{sku}',
    function: 'put-inventory',
    callers: { staff: ['warehouse', 'procurement', 'admin'] },
  },
  {
    method: 'POST',
    path: '/inventory/receipts',
    function: 'receive-inventory',
    callers: { staff: ['warehouse', 'procurement'] },
  },
  // Stock per warehouse and its ledger, suppliers, purchase orders, replenishment requests.
  ...procurementRoutes,
  // Inquiries: a storefront's form (it reads back only its own) or sales; staff read and list them.
  {
    method: 'POST',
    path: '/inquiries',
    function: 'create-inquiry',
    callers: { storefront: true, staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'GET',
    path: '/inquiries/{id}',
    function: 'get-inquiry',
    callers: { storefront: true, staff: STAFF_ROLES },
  },
  { method: 'GET', path: '/inquiries', function: 'list-inquiries', callers: { staff: STAFF_ROLES } },
  {
    method: 'POST',
    path: '/inquiries/{id}/replies',
    function: 'reply-to-inquiry',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'POST',
    path: '/inquiries/{id}/lost',
    function: 'mark-inquiry-lost',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  // The CRM profile (sales, sales-manager, admin) and the communication history (every staff role).
  {
    method: 'GET',
    path: '/customers/{id}',
    function: 'get-customer',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'PATCH',
    path: '/customers/{id}',
    function: 'update-customer',
    callers: { staff: ['sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'GET',
    path: '/customers/{id}/communications',
    function: 'list-communications',
    callers: { staff: STAFF_ROLES },
  },
  {
    method: 'POST',
    path: '/customers/{id}/communications',
    function: 'add-communication',
    callers: { staff: STAFF_ROLES },
  },
  // The CRM's insights, lists and product demand: every staff role reads them.
  ...(
    [
      ['/customers/{id}/insights', 'get-customer-insights'],
      ['/customers/lists/prospects', 'list-prospects'],
      ['/customers/lists/dormant', 'list-dormant-customers'],
      ['/customers/lists/top', 'list-top-customers'],
      ['/products/{sku}/demand', 'get-product-demand'],
    ] as const
  ).map(([path, fn]): RouteSpec => ({ method: 'GET', path, function: fn, callers: { staff: STAFF_ROLES } })),
  { method: 'POST', path: '/storefronts', function: 'create-storefront', callers: { staff: ['admin'] } },
  { method: 'GET', path: '/storefronts/{id}', function: 'get-storefront', callers: { staff: ['admin'] } },
  // The SLAs, the business calendar and the managers that escalations reach: admin only.
  {
    method: 'GET',
    path: '/settings/escalations',
    function: 'get-escalation-settings',
    callers: { staff: ['admin'] },
  },
  {
    method: 'PUT',
    path: '/settings/escalations',
    function: 'put-escalation-settings',
    callers: { staff: ['admin'] },
  },
  // Admin manages every department's subscriptions; each department's role its own (checked in the use case).
  ...(
    [
      ['POST', '/subscriptions', 'create-subscription'],
      ['GET', '/subscriptions', 'list-subscriptions'],
      ['GET', '/subscriptions/{id}', 'get-subscription'],
      ['PUT', '/subscriptions/{id}', 'update-subscription'],
      ['DELETE', '/subscriptions/{id}', 'delete-subscription'],
    ] as const
  ).map(([method, path, fn]): RouteSpec => ({ method, path, function: fn, callers: { staff: STAFF_ROLES } })),
  {
    method: 'POST',
    path: '/webhooks/shopify/{storefrontId}',
    function: 'receive-shopify-webhook',
    callers: { webhook: 'shopify' },
  },
  {
    method: 'POST',
    path: '/webhooks/woocommerce/{storefrontId}',
    function: 'receive-woocommerce-webhook',
    callers: { webhook: 'woocommerce' },
  },
  // A buyer's tracking page and its documents, opened by the link in every buyer email.
  ...trackingPageRoutes,
  // Bank statements and reconciliation, receivables, credit control, exchange rates (finance.ts).
  ...financeRoutes,
  // Trade documents (list, download, retry after a failed check), company details, product fixes (documents.ts).
  ...documentRoutes,
  // Quotes: pricing settings, the quotes API, the buyer's acceptance by link (quotes.ts).
  ...quoteRoutes,
  // The staff directory: admin keeps it, sales reads it to pick customers' owners (staff.ts).
  ...staffRoutes,
];
