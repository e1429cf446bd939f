import type { PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import type { OrderView } from './order-types';
import { facts, section, table } from './section-parts';
import { isStalled } from './stalled';

/** Status, the wait and whether it is overdue, the exception, a failed step: the first thing to see. */
export function orderHeadline(ctx: PageContext, order: OrderView): HTMLElement {
  const { t, language } = ctx;
  const stalled = isStalled(order);
  return h(
    'div',
    { class: 'order-summary' },
    h('span', { class: 'badge badge-status', 'data-status': order.status }, t(`status.${order.status}`)),
    order.waitingFor ? h('span', null, t('board.waitingFor', { wait: t(`wait.${order.waitingFor}`) })) : null,
    order.waitDueAt
      ? h(
          'span',
          { class: stalled ? 'badge badge-stalled' : 'badge' },
          t(stalled ? 'order.overdue' : 'order.dueBy', { due: formatDateTime(order.waitDueAt, language) }),
        )
      : null,
    order.escalatedLevel
      ? h('span', { class: 'badge badge-stalled' }, t('board.escalated', { level: order.escalatedLevel }))
      : null,
    order.exception
      ? h('span', { class: 'badge badge-exception' }, t('order.exceptionBadge', { type: order.exception }))
      : null,
    order.failure ? h('span', { class: 'badge badge-stalled' }, t('board.failed')) : null,
  );
}

export function overviewSection(ctx: PageContext, order: OrderView): HTMLElement {
  const { t, language } = ctx;
  const terms = Object.entries(order.paymentTerms)
    .filter(([name]) => name !== 'type')
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  const address = order.shippingAddress;
  return section(
    'overview',
    t('order.overview'),
    facts([
      [
        t('order.customer'),
        h('a', { href: `#/customers/${encodeURIComponent(order.customerId)}` }, order.customerId),
      ],
      [t('order.incoterm'), `${order.incoterm.code} ${order.incoterm.place}`],
      [t('order.terms'), terms ? `${order.paymentTerms.type} (${terms})` : order.paymentTerms.type],
      [t('order.shipTo'), [address.city, address.country].filter(Boolean).join(', ')],
      [t('order.buyerPo'), order.buyerPo],
      [t('order.externalRef'), order.externalRef],
      [t('order.promisedDate'), order.promisedDate ? formatDate(order.promisedDate, language) : undefined],
      [t('order.placed'), formatDateTime(order.createdAt, language)],
    ]),
    table(
      ['#', t('order.sku'), t('order.quantity'), t('order.unitPrice'), t('order.amount')],
      order.lines.map((line) => [
        String(line.lineNo),
        line.sku,
        String(line.quantity),
        formatMoney({ amount: line.unitPrice, currency: order.currency }, language),
        formatMoney({ amount: line.amount, currency: order.currency }, language),
      ]),
      [2, 3, 4],
    ),
  );
}

/** What went wrong, when something did: a failed step, a cancellation. */
export function problemsSection(ctx: PageContext, order: OrderView): HTMLElement | null {
  const { t, language } = ctx;
  if (!order.failure && !order.cancellation) return null;
  return section(
    'problems',
    t('order.problems'),
    order.failure
      ? h('p', { class: 'load-error' }, t('order.failed', { detail: JSON.stringify(order.failure) }))
      : null,
    order.cancellation
      ? facts([
          [t('order.cancelledAt'), formatDateTime(order.cancellation.at, language)],
          [t('order.reason'), order.cancellation.reason],
          [
            t('order.refundDue'),
            formatMoney({ amount: order.cancellation.refundDue, currency: order.currency }, language),
          ],
        ])
      : null,
  );
}

export function timelineSection(ctx: PageContext, order: OrderView): HTMLElement {
  const { t, language } = ctx;
  return section(
    'timeline',
    t('order.timeline'),
    h(
      'ol',
      { class: 'timeline', reversed: true },
      [...order.timeline]
        .reverse()
        .map((entry) =>
          h(
            'li',
            null,
            h('time', { datetime: entry.at }, formatDateTime(entry.at, language)),
            h('span', null, entry.what),
            entry.status ? [' ', h('span', { class: 'badge' }, t(`status.${entry.status}`))] : null,
            entry.by ? h('small', { class: 'action-who' }, ` — ${entry.by.role ?? entry.by.kind}`) : null,
            entry.note ? h('p', null, entry.note) : null,
          ),
        ),
    ),
  );
}
