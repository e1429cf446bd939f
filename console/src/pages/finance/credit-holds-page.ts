import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink, uniqueId } from '../../ui/dom';
import { errorText } from '../../ui/errors';
import { actionButton, newIdempotencyKey } from '../../ui/form';
import { formatDateTime, formatMoney, formatMoneyList } from '../../ui/format';
import { type Page, pagedTable } from '../../ui/pager';
import { badge } from '../../ui/section';
import { facts } from '../../ui/table';
import { type CreditHold, type HoldRow, holdRows } from './credit-hold-model';
import { financeMessages } from './finance-messages';

const HOLD_EVENTS = ['CreditHeld', 'OrderConfirmed', 'OrderRejected', 'OrderCancelled'];

/** The figures behind a hold, as a short list: terms, limit, what is owed, what the order adds, headroom. */
function numbers(ctx: PageContext, row: HoldRow): HTMLElement {
  const { t, language } = ctx;
  const money = (value: { amount: string; currency: string } | undefined) => formatMoney(value, language);
  return facts([
    [t('holds.col.terms'), row.terms ?? '—'],
    [
      t('holds.col.limit'),
      [
        money(row.limit),
        row.limitChanged
          ? [' ', badge(`${t('holds.limitChanged')}: ${money(row.current.creditLimit)}`, 'info')]
          : null,
      ],
    ],
    [t('holds.col.outstanding'), money(row.outstanding)],
    [t('holds.col.orderExposure'), money(row.orderExposure)],
    [t('holds.col.exposure'), money(row.exposure)],
    [
      t('holds.col.headroom'),
      row.overLimitBy
        ? badge(t('holds.overLimit', { amount: money(row.overLimitBy) }), 'bad')
        : money(row.headroom),
    ],
    [
      t('holds.col.overdue'),
      row.hasOverdue ? badge(formatMoneyList(row.overdue, language), 'bad') : t('common.none'),
    ],
  ]);
}

function decide(ctx: PageContext, row: HoldRow, reload: () => Promise<void>): HTMLElement {
  const { t } = ctx;
  const noteId = uniqueId('note');
  const note = h('input', {
    id: noteId,
    name: 'note',
    maxlength: 500,
    size: 18,
    placeholder: t('common.note'),
  });
  const press = (decision: 'approve' | 'reject') => async () => {
    await ctx.api.post(
      `/orders/${encodeURIComponent(row.orderId)}/credit-decision`,
      { decision, ...(note.value.trim() ? { note: note.value.trim() } : {}) },
      { idempotencyKey: newIdempotencyKey() },
    );
    ctx.notify('info', t('holds.decided', { id: row.orderId, decision: t(`holds.decision.${decision}`) }));
    await reload();
  };
  return h(
    'div',
    { class: 'row-actions' },
    h('label', { for: noteId, class: 'visually-hidden' }, t('holds.noteFor', { id: row.orderId })),
    note,
    actionButton(ctx, t('holds.approve'), press('approve')),
    actionButton(ctx, t('holds.reject'), press('reject'), { class: 'danger' }),
  );
}

/** The credit controller's queue: each held order with the numbers behind the hold, and its decision. */
async function render(ctx: PageContext): Promise<void> {
  const { t, language } = ctx;
  const money = (value: { amount: string; currency: string } | undefined) => formatMoney(value, language);
  const list = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    list.replaceChildren(
      await pagedTable<CreditHold, HoldRow>(ctx, {
        caption: t('holds.caption'),
        columns: [
          {
            header: t('common.order'),
            rowHeader: true,
            cell: (r) => [
              routeLink(`/orders/${r.orderId}`, r.orderId),
              h('div', null, routeLink(`/customers/${r.customerId}`, r.customerId)),
              h('div', null, money(r.total)),
            ],
          },
          { header: t('holds.col.heldSince'), cell: (r) => formatDateTime(r.heldSince, language) },
          { header: t('holds.col.why'), cell: (r) => h('div', { class: 'reason' }, r.reason ?? '—') },
          { header: t('holds.col.numbers'), cell: (r) => numbers(ctx, r) },
          { header: t('holds.col.decide'), cell: (r) => decide(ctx, r, load) },
        ],
        empty: t('holds.empty'),
        load: (nextToken) =>
          ctx.api.get<Page<CreditHold>>(
            `/credit/holds?limit=50${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`,
          ),
        rows: holdRows,
        rowClass: (r) => (r.overLimitBy || r.hasOverdue ? 'attention' : undefined),
      }),
    );
  };
  await load();
  ctx.root.replaceChildren(h('div', { class: 'page-section' }, list));
  ctx.onFeed((message) => {
    if (message.type === 'feed.resync' || HOLD_EVENTS.includes(message.type))
      void load().catch((error) => ctx.notify('error', errorText(error)));
  });
}

export const creditHoldsPage: ConsolePage = {
  route: '/finance/credit-holds',
  titleKey: 'holds.title',
  nav: { group: 'finance', order: 30 },
  roles: ['finance'],
  render,
  messages: financeMessages,
};
