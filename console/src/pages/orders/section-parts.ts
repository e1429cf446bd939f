import { type Child, h } from '../../ui/dom';

/** A titled part of the order page (a region named by its heading). */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': `${id}-title`, 'data-section': id },
    h('h2', { id: `${id}-title` }, title),
    children,
  );
}

/** Terms and their values; rows without a value are left out. */
export const facts = (rows: [string, Child][]) =>
  h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([term, value]) => [h('dt', null, term), h('dd', null, value)]),
  );

/** A table with column headers (`numeric` columns right-aligned). */
export const table = (headers: string[], rows: Child[][], numeric: number[] = []) =>
  h(
    'table',
    null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        headers.map((header, i) =>
          h('th', { scope: 'col', class: numeric.includes(i) ? 'number' : undefined }, header),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          null,
          row.map((cell, i) => h('td', { class: numeric.includes(i) ? 'number' : undefined }, cell)),
        ),
      ),
    ),
  );
