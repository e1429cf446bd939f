import type { ConsolePage } from './contract';

export const DEFAULT_ROUTE = '/orders';

/** Where the hash points: `#/orders/ord_1?status=IN_TRANSIT` → path and query. */
export function parseHash(hash: string): { path: string; query: URLSearchParams } {
  const raw = hash.replace(/^#/, '');
  const [path, search = ''] = raw.split('?', 2);
  return {
    path: path && path !== '/' ? path.replace(/\/+$/, '') : DEFAULT_ROUTE,
    query: new URLSearchParams(search),
  };
}

/** The page whose route matches the path, and its `:name` parameters (decoded). */
export function matchRoute(
  pages: readonly ConsolePage[],
  path: string,
): { page: ConsolePage; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  // `/orders/new` before `/orders/:id`: the route with more fixed segments wins.
  const fixed = (page: ConsolePage) => page.route.split('/').filter((s) => s && !s.startsWith(':')).length;
  for (const page of [...pages].sort((a, b) => fixed(b) - fixed(a))) {
    const pattern = page.route.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, index) => {
      if (segment.startsWith(':')) {
        try {
          params[segment.slice(1)] = decodeURIComponent(parts[index]);
          return true;
        } catch {
          return false;
        }
      }
      return segment === parts[index];
    });
    if (matches) return { page, params };
  }
  return undefined;
}

/** `#/path?query` for a console path (a leading `#` or none). */
export const hashOf = (path: string) => `#${path.startsWith('/') ? path : `/${path}`}`;
