import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink, uniqueId } from '../../ui/dom';
import { errorText } from '../../ui/errors';
import { filterForm, newIdempotencyKey, select } from '../../ui/form';
import { formatMoney } from '../../ui/format';
import { query } from '../../ui/pager';
import { table } from '../../ui/table';
import { financeMessages } from './finance-messages';
import {
  type BankTransaction,
  type BankTransactionPage,
  type QueueRow,
  queueChange,
  queueRows,
} from './reconciliation-model';
import { statementImport } from './statement-import';

const STATUSES = ['unmatched', 'matched', 'ignored', 'not-applicable'] as const;

/** A small inline form in a table cell: one labelled field and its button, calling the API on submit. */
function rowForm(
  ctx: PageContext,
  options: {
    label: string;
    control: HTMLInputElement;
    button: string;
    onSubmit: (value: string) => Promise<void>;
  },
): HTMLFormElement {
  options.control.id = uniqueId('row');
  const button = h('button', { type: 'submit' }, options.button);
  const form = h(
    'form',
    { class: 'row-form' },
    h('label', { for: options.control.id, class: 'visually-hidden' }, options.label),
    options.control,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await options.onSubmit(options.control.value.trim());
    } catch (error) {
      ctx.notify('error', errorText(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function actions(ctx: PageContext, row: QueueRow, reload: () => Promise<void>): HTMLElement {
  const { t } = ctx;
  const listId = uniqueId('candidates');
  const hintId = uniqueId('hint');
  const candidates = row.candidateOrderIds;
  const orderInput = h('input', {
    name: 'orderId',
    required: true,
    size: 30,
    list: listId,
    value: candidates.length === 1 ? candidates[0] : undefined,
    placeholder: 'ord_…',
    'aria-describedby': candidates.length > 0 ? hintId : undefined,
  });
  const path = `/bank-transactions/${encodeURIComponent(row.transactionId)}`;
  return h(
    'div',
    { class: 'row-actions' },
    h(
      'datalist',
      { id: listId },
      candidates.map((id) => h('option', { value: id })),
    ),
    candidates.length > 0
      ? h('small', { id: hintId }, t('recon.orderHint', { orders: candidates.join(', ') }))
      : null,
    rowForm(ctx, {
      label: t('recon.orderFor', { id: row.transactionId }),
      control: orderInput,
      button: t('recon.match'),
      onSubmit: async (orderId) => {
        await ctx.api.post(`${path}/match`, { orderId }, { idempotencyKey: newIdempotencyKey() });
        ctx.notify('info', t('recon.matched', { id: row.transactionId, order: orderId }));
        await reload();
      },
    }),
    rowForm(ctx, {
      label: t('recon.ignoreReasonFor', { id: row.transactionId }),
      control: h('input', { name: 'reason', required: true, maxlength: 500, size: 24 }),
      button: t('recon.ignore'),
      onSubmit: async (reason) => {
        await ctx.api.post(`${path}/ignore`, { reason }, { idempotencyKey: newIdempotencyKey() });
        ctx.notify('info', t('recon.ignored', { id: row.transactionId }));
        await reload();
      },
    }),
  );
}

function queueTable(ctx: PageContext, status: string, items: BankTransaction[], reload: () => Promise<void>) {
  const { t, language } = ctx;
  const byId = new Map(items.map((item) => [item.transactionId, item]));
  return table(
    t('recon.queue', { status: t(`recon.status.${status}`) }),
    [
      { header: t('recon.col.booked'), cell: (r) => r.bookingDate },
      {
        header: t('common.amount'),
        numeric: true,
        rowHeader: true,
        cell: (r) => formatMoney(r.amount, language),
      },
      { header: t('recon.col.payer'), cell: (r) => r.payer || '—' },
      { header: t('recon.col.remittance'), cell: (r) => r.remittance },
      status === 'unmatched'
        ? { header: t('recon.col.why'), cell: (r) => r.reason }
        : {
            header: t('recon.col.match'),
            cell: (r) => {
              const match = byId.get(r.transactionId)?.match;
              if (match) return match.allocations.map((a) => routeLink(`/orders/${a.orderId}`, a.orderId));
              return byId.get(r.transactionId)?.ignored?.reason ?? r.reason;
            },
          },
      ...(status === 'unmatched'
        ? [{ header: t('recon.col.action'), cell: (r: QueueRow) => actions(ctx, r, reload) }]
        : []),
    ],
    queueRows(items),
    { empty: t('recon.empty') },
  );
}

/**
 * Finance's reconciliation queue: bank credits no order claimed, matched to an order or ignored by
 * hand; a statement import; kept current by the live feed's bank events.
 */
async function render(ctx: PageContext): Promise<void> {
  const { t } = ctx;
  const chosen = ctx.query.get('status') ?? 'unmatched';
  const status = (STATUSES as readonly string[]).includes(chosen) ? chosen : 'unmatched';
  const filter = select(
    'status',
    STATUSES.map((value) => [value, t(`recon.status.${value}`)] as const),
    status,
  );
  const queue = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    const page = await ctx.api.get<BankTransactionPage>(`/bank-transactions${query({ status, limit: 100 })}`);
    queue.replaceChildren(queueTable(ctx, status, page.items, load));
  };
  await load();
  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page-section' },
      filterForm(ctx, t('recon.filter'), filter, (value) =>
        ctx.navigate(`/finance/reconciliation?status=${value}`),
      ),
      queue,
    ),
    statementImport(ctx, load),
  );
  ctx.onFeed((message) => {
    const change = message.type === 'feed.resync' ? { kind: 'reload' } : queueChange(message);
    if (change.kind === 'reload') void load().catch((error) => ctx.notify('error', errorText(error)));
  });
}

export const reconciliationPage: ConsolePage = {
  route: '/finance/reconciliation',
  titleKey: 'recon.title',
  nav: { group: 'finance', order: 10 },
  roles: ['finance'],
  render,
  messages: financeMessages,
};
