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
];
