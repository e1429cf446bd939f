import type { ConsolePage } from './contract';

export const NAV_GROUPS = ['orders', 'sales', 'operations', 'finance', 'settings'] as const;

/** The menu for a role: pages with a `nav` entry that the role sees, by group, then by their order. */
export function navigationFor(
  pages: readonly ConsolePage[],
  role: string,
): { group: (typeof NAV_GROUPS)[number]; pages: ConsolePage[] }[] {
  const visible = pages.filter((page) => page.nav && (!page.roles || page.roles.includes(role)));
  return NAV_GROUPS.map((group) => ({
    group,
    pages: visible
      .filter((page) => page.nav?.group === group)
      .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0)),
  })).filter((entry) => entry.pages.length > 0);
}

/** The menu entry a path belongs to: the route itself, or the entry whose route it extends (`/orders/ord_1` → `/orders`). */
export function currentEntry(pages: readonly ConsolePage[], path: string): ConsolePage | undefined {
  const withNav = pages.filter((page) => page.nav);
  return (
    withNav.find((page) => page.route === path) ??
    withNav
      .filter((page) => path.startsWith(`${page.route}/`))
      .sort((a, b) => b.route.length - a.route.length)[0]
  );
}
