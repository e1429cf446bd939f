/**
 * Where staff open an order: the console's page for it, on the API's base URL
 * (`<API_BASE_URL>/console/orders/<id>`; the console itself is served there by a later issue).
 * Without a base URL, no link (the notice names `GET /orders/<id>` instead).
 */
export const CONSOLE_ORDER_PATH = '/console/orders/';

export function consoleOrderUrl(apiBaseUrl: string | undefined): (orderId: string) => string | undefined {
  if (!apiBaseUrl) return () => undefined;
  const base = apiBaseUrl.replace(/\/+$/, '');
  return (orderId) => `${base}${CONSOLE_ORDER_PATH}${encodeURIComponent(orderId)}`;
}

/** A customer's and a quote's pages in the console, as the order's (staff emails link them). */
export const CONSOLE_CUSTOMER_PATH = '/console/customers/';
export const CONSOLE_QUOTE_PATH = '/console/quotes/';

export function consolePageUrl(
  apiBaseUrl: string | undefined,
  path: string,
): (id: string) => string | undefined {
  if (!apiBaseUrl) return () => undefined;
  const base = apiBaseUrl.replace(/\/+$/, '');
  return (id) => `${base}${path}${encodeURIComponent(id)}`;
}
