import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { actionForm, field, filterForm, input, newIdempotencyKey, select, textarea } from '../../ui/form';
import { formatDate, formatNumber } from '../../ui/format';
import { type Page, pagedTable, query } from '../../ui/pager';
import { inventoryMessages } from './inventory-messages';
import { type PurchaseOrder, parsePurchaseOrderLines, receivedShare } from './stock-model';

const STATUSES = ['OPEN', 'PARTIALLY_RECEIVED', 'RECEIVED'] as const;

function createForm(ctx: PageContext): HTMLFormElement {
  const { t, query: given } = ctx;
  const prefilled = given.get('sku') ? `${given.get('sku')}, ${given.get('quantity') ?? ''}, ` : '';
  return actionForm(ctx, {
    label: t('po.create'),
    fields: [
      field(
        t('po.supplierId'),
        input('supplierId', { required: true, pattern: 'sup_[0-9A-Za-z]+', size: 32 }),
      ),
      field(
        t('po.warehouseField'),
        input('warehouse', { maxlength: 64, value: given.get('warehouse') ?? '' }),
      ),
      field(t('po.expectedDate'), input('expectedDate', { type: 'date' }), t('po.expectedHint')),
      field(t('po.currencyField'), input('currency', { required: true, maxlength: 3, size: 4 })),
      field(t('po.linesField'), textarea('lines', prefilled, { required: true, rows: 4 }), t('po.linesHint')),
      field(
        t('po.requestIds'),
        input('requestIds', { value: given.get('request') ?? '' }),
        t('po.requestIdsHint'),
      ),
    ],
    submit: t('po.createButton'),
    onSubmit: async (values) => {
      const parsed = parsePurchaseOrderLines(values.lines);
      if ('badLine' in parsed) {
        ctx.notify('error', t('po.badLine', { line: parsed.badLine }));
        return;
      }
      const requestIds = values.requestIds
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const created = await ctx.api.post<PurchaseOrder>(
        '/purchase-orders',
        {
          supplierId: values.supplierId,
          currency: values.currency.toUpperCase(),
          lines: parsed.lines,
          ...(values.warehouse ? { warehouse: values.warehouse } : {}),
          ...(values.expectedDate ? { expectedDate: values.expectedDate } : {}),
          ...(requestIds.length > 0 ? { requestIds } : {}),
        },
        { idempotencyKey: newIdempotencyKey() },
      );
      ctx.notify('info', t('po.created', { id: created.purchaseOrderId }));
      ctx.navigate(`/purchase-orders/${created.purchaseOrderId}`);
    },
  });
}

/** Purchase orders, newest first (by status when chosen), and a form to create one. */
async function render(ctx: PageContext): Promise<void> {
  const { t, language } = ctx;
  const chosen = ctx.query.get('status') ?? '';
  const status = (STATUSES as readonly string[]).includes(chosen) ? chosen : undefined;
  const filter = select(
    'status',
    [['', t('po.all')] as const, ...STATUSES.map((value) => [value, t(`po.status.${value}`)] as const)],
    status ?? '',
  );
  const list = await pagedTable<PurchaseOrder>(ctx, {
    caption: t('po.caption', { status: status ? t(`po.status.${status}`) : t('po.all') }),
    columns: [
      {
        header: t('po.col.po'),
        rowHeader: true,
        cell: (po) => routeLink(`/purchase-orders/${po.purchaseOrderId}`, po.purchaseOrderId),
      },
      { header: t('po.col.supplier'), cell: (po) => po.supplierId },
      { header: t('common.status'), cell: (po) => t(`po.status.${po.status}`) },
      { header: t('common.warehouse'), cell: (po) => po.warehouse },
      { header: t('po.col.expected'), cell: (po) => formatDate(po.expectedDate, language) },
      {
        header: t('po.col.received'),
        numeric: true,
        cell: (po) => {
          const share = receivedShare(po);
          return t('po.receivedOf', {
            received: formatNumber(share.received, language),
            ordered: formatNumber(share.ordered, language),
          });
        },
      },
    ],
    empty: t('po.empty'),
    load: (nextToken) =>
      ctx.api.get<Page<PurchaseOrder>>(`/purchase-orders${query({ status, limit: 25, nextToken })}`),
  });
  const form = createForm(ctx);
  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page-section' },
      filterForm(ctx, t('po.filter'), filter, (value) =>
        ctx.navigate(`/purchase-orders${query({ status: value })}`),
      ),
      list,
    ),
    ctx.query.get('request')
      ? h('div', null, form)
      : h('details', null, h('summary', null, t('po.create')), form),
  );
}

export const purchaseOrderListPage: ConsolePage = {
  route: '/purchase-orders',
  titleKey: 'po.title',
  nav: { group: 'operations', order: 30 },
  render,
  messages: inventoryMessages,
};
