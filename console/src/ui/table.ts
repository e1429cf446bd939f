import { type Child, h } from './dom';

/** One column of a data table: its header and how a row fills its cell. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => Child;
  /** Figures are right-aligned. */
  numeric?: boolean;
  /** The column that names the row: its cells are row headers (`<th scope="row">`) for screen readers. */
  rowHeader?: boolean;
}

/**
 * A table with a caption and column headers (`scope="col"`), or the `empty` text when there are no
 * rows. Rows may be marked (`rowClass`), e.g. overdue ones.
 */
export function table<Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  options: { empty: string; rowClass?: (row: Row) => string | undefined } = { empty: '' },
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, options.empty);
  const cellClass = (column: Column<Row>) => (column.numeric ? 'number' : undefined);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data' },
      h('caption', null, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          columns.map((column) => h('th', { scope: 'col', class: cellClass(column) }, column.header)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((row) =>
          h(
            'tr',
            { class: options.rowClass?.(row) },
            columns.map((column) =>
              column.rowHeader
                ? h('th', { scope: 'row', class: cellClass(column) }, column.cell(row))
                : h('td', { class: cellClass(column) }, column.cell(row)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A definition list of label → value pairs (a profile, a quote's terms). */
export function facts(pairs: readonly [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    pairs.map(([label, value]) => [h('dt', null, label), h('dd', null, value ?? '—')]),
  );
}
