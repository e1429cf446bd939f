import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { actionForm, field, input, newIdempotencyKey } from '../../ui/form';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../ui/format';
import { section } from '../../ui/section';
import { facts, table } from '../../ui/table';
import { inventoryMessages } from './inventory-messages';
import { type PurchaseOrder, receiptBody, receivedShare } from './stock-model';

function receiptForm(ctx: PageContext, order: PurchaseOrder): HTMLFormElement | null {
  const { t } = ctx;
  const open = order.lines.filter((line) => line.remaining > 0);
  if (open.length === 0) return null;
  return actionForm(ctx, {
    label: t('po.receipt'),
    fields: [
      open.map((line) =>
        field(
          t('po.receiptQuantity', { lineNo: line.lineNo, sku: line.sku, remaining: line.remaining }),
          input(`line-${line.lineNo}`, { type: 'number', min: 0, step: 1, inputmode: 'numeric' }),
        ),
      ),
      field(t('po.receiptWarehouse'), input('warehouse', { maxlength: 64 }), t('po.receiptWarehouseHint')),
    ],
    submit: t('po.receiptButton'),
    onSubmit: async (values) => {
      const quantities = Object.fromEntries(
        open.map((line) => [line.lineNo, values[`line-${line.lineNo}`] ?? '']),
      );
      const body = receiptBody(quantities, values.warehouse);
      if (!body) {
        ctx.notify('error', t('po.receiptNothing'));
        return;
      }
      const answer = await ctx.api.post<{ resumedOrderIds: string[]; note?: string }>(
        `/purchase-orders/${encodeURIComponent(order.purchaseOrderId)}/receipts`,
        body,
        { idempotencyKey: newIdempotencyKey() },
      );
      ctx.notify('info', t('po.received'));
      if (answer.resumedOrderIds.length > 0)
        ctx.notify('info', t('po.resumed', { orders: answer.resumedOrderIds.join(', ') }));
      if (answer.note) ctx.notify('info', answer.note);
      await render(ctx);
    },
  });
}

/** One purchase order: its lines with what has arrived, its receipts, and a receipt to record. */
async function render(ctx: PageContext): Promise<void> {
  const { t, language } = ctx;
  const order = await ctx.api.get<PurchaseOrder>(`/purchase-orders/${encodeURIComponent(ctx.params.id)}`);
  ctx.setTitle?.(t('po.heading', { id: order.purchaseOrderId }));
  const share = receivedShare(order);
  ctx.root.replaceChildren(
    section(
      t('po.details'),
      facts([
        [t('common.status'), t(`po.status.${order.status}`)],
        [t('po.col.supplier'), order.supplierId],
        [t('common.warehouse'), order.warehouse],
        [t('po.col.expected'), formatDate(order.expectedDate, language)],
        [t('po.col.received'), t('po.receivedOf', { received: share.received, ordered: share.ordered })],
        [t('po.requests'), order.requestIds.length > 0 ? order.requestIds.join(', ') : '—'],
        [t('common.created'), formatDateTime(order.createdAt, language)],
      ]),
    ),
    section(
      t('po.lines'),
      table(
        t('po.lines'),
        [
          { header: '#', numeric: true, cell: (l) => l.lineNo },
          {
            header: t('common.sku'),
            rowHeader: true,
            cell: (l) => routeLink(`/inventory/${encodeURIComponent(l.sku)}`, l.sku),
          },
          { header: t('common.quantity'), numeric: true, cell: (l) => formatNumber(l.quantity, language) },
          { header: t('po.col.unitCost'), numeric: true, cell: (l) => formatMoney(l.unitCost, language) },
          { header: t('po.col.received'), numeric: true, cell: (l) => formatNumber(l.received, language) },
          { header: t('po.col.remaining'), numeric: true, cell: (l) => formatNumber(l.remaining, language) },
        ],
        order.lines,
        { empty: '' },
      ),
    ),
    receiptForm(ctx, order) ?? '',
    section(
      t('po.receipts'),
      table(
        t('po.receipts'),
        [
          { header: t('common.at'), rowHeader: true, cell: (r) => formatDateTime(r.at, language) },
          { header: t('common.warehouse'), cell: (r) => r.warehouse },
          {
            header: t('po.lines'),
            cell: (r) =>
              h(
                'ul',
                null,
                r.lines.map((l) => h('li', null, `${l.sku} × ${formatNumber(l.quantity, language)}`)),
              ),
          },
        ],
        [...order.receipts].reverse(),
        { empty: t('po.receiptsEmpty') },
      ),
    ),
  );
}

export const purchaseOrderPage: ConsolePage = {
  route: '/purchase-orders/:id',
  titleKey: 'po.title',
  render,
  messages: inventoryMessages,
};
