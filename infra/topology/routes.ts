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
    callers: { storefront: true, staff: ['sales', 'admin'] },
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
];
