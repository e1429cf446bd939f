import type { ConsolePage, FeedMessage, PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { errorText } from '../../ui/errors';
import { formatDateTime, formatMoney } from '../../ui/format';
import { type BoardColumn, filtersFrom, loadBoard } from './board-data';
import { boardFilterForm } from './board-filters';
import { boardMessages } from './board-messages';
import { liveRefresh } from './live-refresh';
import type { OrderSummary } from './order-types';
import { isStalled } from './stalled';

/**
 * The pipeline board (`#/orders`): every order by status, one column per status in the order's life,
 * stalled orders marked, filtered by customer, destination country and owner; it reads itself again
 * when the live feed says an order changed.
 */
export const boardPage: ConsolePage = {
  route: '/orders',
  titleKey: 'board.title',
  nav: { group: 'orders', order: 1 },
  messages: boardMessages,
  async render(ctx) {
    const filters = filtersFrom(ctx.query);
    const summary = h('p', { class: 'board-summary', 'aria-live': 'polite' });
    const board = h('div', { class: 'board' });
    ctx.root.append(boardFilterForm(ctx, filters), summary, board);

    const refresh = async () => {
      const columns = await loadBoard(ctx.api, filters);
      if (ctx.signal?.aborted) return;
      const shown = filters.stalledOnly
        ? columns.map((column) => ({ ...column, orders: column.orders.filter((order) => isStalled(order)) }))
        : columns;
      drawBoard(ctx, board, summary, shown);
    };

    // Subscribed before the first read: a change made while it runs is read again after it.
    const live = liveRefresh(refresh, (error) => ctx.notify('error', errorText(error)));
    ctx.signal?.addEventListener('abort', () => live.stop());
    ctx.onFeed((message: FeedMessage) => {
      if (message.orderId || message.type === 'feed.resync') live.changed();
    });
    summary.textContent = ctx.t('shell.loading');
    await refresh();
  },
};

function drawBoard(ctx: PageContext, board: HTMLElement, summary: HTMLElement, columns: BoardColumn[]): void {
  const { t } = ctx;
  // Redrawn in place: the card that had focus gets it back.
  const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-order-id]')
    ?.dataset.orderId;
  const all = columns.flatMap((column) => column.orders);
  summary.textContent = t('board.summary', {
    count: all.length,
    stalled: all.filter((o) => isStalled(o)).length,
  });
  board.replaceChildren(
    ...columns.map((column) => {
      const headingId = `column-${column.status}`;
      return h(
        'section',
        { class: 'board-column', 'aria-labelledby': headingId, 'data-status': column.status },
        h(
          'h2',
          { id: headingId },
          h('span', null, t(`status.${column.status}`)),
          h(
            'span',
            {
              class: 'badge',
              'aria-label': t('board.column', {
                status: t(`status.${column.status}`),
                count: column.orders.length,
              }),
            },
            column.more ? `${column.orders.length}+` : String(column.orders.length),
          ),
        ),
        column.orders.length === 0
          ? h('p', { class: 'column-empty' }, t('board.empty'))
          : h(
              'ol',
              null,
              column.orders.map((order) => h('li', null, orderCard(ctx, order))),
            ),
        column.more ? h('p', { class: 'column-empty' }, t('board.more')) : null,
      );
    }),
  );
  if (focused) board.querySelector<HTMLElement>(`[data-order-id="${CSS.escape(focused)}"]`)?.focus();
}

function orderCard(ctx: PageContext, order: OrderSummary): HTMLElement {
  const { t, language } = ctx;
  const stalled = isStalled(order);
  return h(
    'a',
    {
      class: 'order-card',
      href: `#/orders/${encodeURIComponent(order.orderId)}`,
      'data-order-id': order.orderId,
      'data-stalled': String(stalled),
    },
    h('span', { class: 'card-id' }, order.orderId),
    h('div', null, formatMoney({ amount: order.total, currency: order.currency }, language)),
    h(
      'div',
      { class: 'card-meta' },
      h('span', null, order.customerId),
      order.destinationCountry ? h('span', null, `→ ${order.destinationCountry}`) : null,
      order.buyerPo ? h('span', null, order.buyerPo) : null,
    ),
    h(
      'div',
      { class: 'card-meta' },
      stalled
        ? h(
            'span',
            { class: 'badge badge-stalled' },
            order.escalatedLevel
              ? t('board.escalated', { level: order.escalatedLevel })
              : t('board.stalledDue', { due: formatDateTime(order.waitDueAt, language) }),
          )
        : null,
      order.exception ? h('span', { class: 'badge badge-exception' }, order.exception) : null,
      order.failed ? h('span', { class: 'badge badge-stalled' }, t('board.failed')) : null,
      order.waitingFor
        ? h('span', null, t('board.waitingFor', { wait: t(`wait.${order.waitingFor}`) }))
        : null,
    ),
  );
}
