import orderLifecycle from '../../../../workflows/order-lifecycle.asl.json';
import type { ConsolePage, FeedMessage, PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { errorText } from '../../ui/errors';
import { actionPanel } from './action-forms';
import { documentsSection } from './documents-section';
import { liveRefresh } from './live-refresh';
import { availableActions, type OrderAction } from './order-actions';
import { orderMessages } from './order-messages';
import { orderHeadline, overviewSection, problemsSection, timelineSection } from './order-sections';
import type { OrderView } from './order-types';
import { paymentsSection } from './payments-section';
import { section } from './section-parts';
import { shipmentSection } from './shipment-section';
import { workflowDiagram } from './workflow-diagram';
import { type Asl, workflowGraph } from './workflow-graph';
import { currentState, OFF_MAIN_PATH } from './workflow-state';

/** The workflow is bundled from the ASL file Step Functions runs: drawn once, the same for every order. */
const graph = workflowGraph(orderLifecycle as unknown as Asl);

/**
 * One order (`#/orders/:id`): where it stands in its workflow, what staff can do now (a button and a
 * small form per action the current wait allows), payments and what is owed, documents, shipment and
 * tracking, the open exception and the timeline. It reads the order again when the live feed says it
 * changed; while the person has an action form open, it offers the new state instead of replacing
 * what they are typing.
 */
export const orderPage: ConsolePage = {
  route: '/orders/:id',
  titleKey: 'order.title',
  messages: orderMessages,
  async render(ctx) {
    const { t } = ctx;
    const orderId = ctx.params.id;
    const path = `/orders/${encodeURIComponent(orderId)}`;
    // Subscribed before the first read: a change made while it runs is read again after it.
    let reread: () => Promise<void> = async () => {};
    const live = liveRefresh(
      () => reread(),
      (error) => ctx.notify('error', errorText(error)),
    );
    ctx.signal?.addEventListener('abort', () => live.stop());
    ctx.onFeed((message: FeedMessage) => {
      if (message.orderId === orderId || message.type === 'feed.resync') live.changed();
    });
    let order = await ctx.api.get<OrderView>(path);
    if (ctx.signal?.aborted) return;
    ctx.setTitle?.(t('order.heading', { id: orderId }));

    const content = h('div', { class: 'order' });
    const stale = h('div', { class: 'stale-banner', role: 'status' });
    ctx.root.append(h('p', null, h('a', { href: '#/orders' }, t('order.back'))), stale, content);

    const formOpen = () => content.querySelector('[data-action-panel] button[aria-expanded="true"]') !== null;
    const draw = () => {
      stale.replaceChildren();
      content.replaceChildren(...orderContent(ctx, order, { done }));
    };
    const reload = async (force: boolean) => {
      const latest = await ctx.api.get<OrderView>(path);
      if (ctx.signal?.aborted) return;
      order = latest;
      if (force || !formOpen()) return draw();
      const show = h('button', { type: 'button', onclick: () => draw() }, t('order.showLatest'));
      stale.replaceChildren(h('p', null, t('order.changed', { status: t(`status.${order.status}`) })), show);
    };
    const done = async (action: OrderAction) => {
      ctx.notify('info', t(`order.done.${action}`));
      await reload(true);
      content.querySelector<HTMLElement>('.order-summary')?.focus();
    };
    draw();
    reread = () => reload(false);
  },
};

function orderContent(
  ctx: PageContext,
  order: OrderView,
  options: { done: (action: OrderAction) => Promise<void> },
): HTMLElement[] {
  const { t } = ctx;
  const current = currentState(order, graph);
  const headline = orderHeadline(ctx, order);
  headline.tabIndex = -1;
  const actions = availableActions(order);
  return [
    headline,
    section(
      'workflow',
      t('order.workflow'),
      h('div', { class: 'workflow' }, workflowDiagram(graph, current, t)),
      OFF_MAIN_PATH.has(order.status)
        ? h('p', null, t('order.offMainPath', { status: t(`status.${order.status}`) }))
        : null,
    ),
    h(
      'div',
      { class: 'order-grid' },
      h(
        'div',
        null,
        section(
          'actions',
          t('order.actions'),
          actions.length
            ? h(
                'div',
                { class: 'action-list' },
                actions.map((action) => actionPanel({ ctx, order, done: options.done }, action)),
              )
            : h('p', null, t('order.noActions')),
        ),
        problemsSection(ctx, order),
        paymentsSection(ctx, order),
        shipmentSection(ctx, order),
        documentsSection(ctx, order),
        overviewSection(ctx, order),
      ),
      h('div', null, timelineSection(ctx, order)),
    ),
  ];
}
