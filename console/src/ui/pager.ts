import type { PageContext } from '../shell/contract';
import { h } from './dom';
import { errorText } from './errors';
import { type Column, table } from './table';

export interface Page<Item> {
  items: Item[];
  nextToken?: string;
}

/**
 * A table filled a page at a time from a listing route (`nextToken`): the first page at once, the
 * next ones by a "Load more" button. Rows may be reshaped or sorted (`rows`) over all pages loaded.
 */
export async function pagedTable<Item, Row = Item>(
  ctx: Pick<PageContext, 't' | 'notify'>,
  options: {
    caption: string;
    columns: readonly Column<Row>[];
    empty: string;
    load: (nextToken?: string) => Promise<Page<Item>>;
    rows?: (items: Item[]) => Row[];
    rowClass?: (row: Row) => string | undefined;
  },
): Promise<HTMLElement> {
  const container = h('div', { class: 'paged' });
  const items: Item[] = [];
  const toRows = options.rows ?? ((all: Item[]) => all as unknown as Row[]);
  let nextToken: string | undefined;
  const render = () => {
    const more = nextToken
      ? h(
          'button',
          {
            type: 'button',
            class: 'load-more',
            onclick: async (event: Event) => {
              const button = event.currentTarget as HTMLButtonElement;
              button.disabled = true;
              try {
                await loadPage(nextToken);
              } catch (error) {
                ctx.notify('error', errorText(error));
                button.disabled = false;
              }
            },
          },
          ctx.t('common.loadMore'),
        )
      : null;
    const hidden = container.querySelector('caption.visually-hidden') !== null;
    container.replaceChildren(
      table(options.caption, options.columns, toRows(items), {
        empty: options.empty,
        rowClass: options.rowClass,
      }),
    );
    if (hidden) container.querySelector('caption')?.classList.add('visually-hidden');
    if (more) container.appendChild(more);
  };
  const loadPage = async (token?: string) => {
    const page = await options.load(token);
    items.push(...page.items);
    nextToken = page.nextToken;
    render();
  };
  await loadPage();
  return container;
}

/** A query string of the values given (`?status=OPEN&limit=50`), leaving out the undefined ones. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
