/**
 * Where staff open a page of the staff console from an email: the console's own address (the
 * CloudFront distribution on AWS, `<API>/console/` locally) in `CONSOLE_URL`, and the page in the
 * hash, as the console routes (`<CONSOLE_URL>#/orders/<id>`): the same link works on both, and a
 * person who must sign in first comes back to the page. Without the address, no link (the notice
 * names the API route instead).
 */
export const CONSOLE_ORDER_PATH = '/orders/';
export const CONSOLE_CUSTOMER_PATH = '/customers/';
export const CONSOLE_QUOTE_PATH = '/quotes/';

export function consolePageUrl(
  consoleUrl: string | undefined,
  path: string,
): (id: string) => string | undefined {
  if (!consoleUrl) return () => undefined;
  const base = `${consoleUrl.replace(/\/+$/, '')}/`;
  return (id) => `${base}#${path}${encodeURIComponent(id)}`;
}

export const consoleOrderUrl = (consoleUrl: string | undefined) =>
  consolePageUrl(consoleUrl, CONSOLE_ORDER_PATH);
