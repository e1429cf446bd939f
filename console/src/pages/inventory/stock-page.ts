import type { ConsolePage, PageContext } from '../../shell/contract';
import { routeLink } from '../../ui/dom';
import { actionForm, field, input } from '../../ui/form';
import { formatDateTime, formatNumber } from '../../ui/format';
import { type Page, pagedTable, query } from '../../ui/pager';
import { badge, section } from '../../ui/section';
import { type Column, table } from '../../ui/table';
import { inventoryMessages } from './inventory-messages';
import {
  type Movement,
  type Stock,
  type StockLevel,
  signedQuantity,
  stockRows,
  type WarehouseStock,
} from './stock-model';

const LEVEL_TONE: Record<StockLevel, 'good' | 'warn' | 'bad' | 'info'> = {
  ok: 'good',
  reorder: 'warn',
  out: 'bad',
  over: 'info',
};

function stockTable(ctx: PageContext, stock: Stock): HTMLElement {
  const { t, language } = ctx;
  const { rows, total } = stockRows(stock);
  const n = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, language));
  const columns: Column<WarehouseStock & { level?: StockLevel }>[] = [
    { header: t('common.warehouse'), rowHeader: true, cell: (w) => w.warehouse || t('stock.allWarehouses') },
    { header: t('stock.col.onHand'), numeric: true, cell: (w) => n(w.onHand) },
    { header: t('stock.col.reserved'), numeric: true, cell: (w) => n(w.reserved) },
    { header: t('stock.col.available'), numeric: true, cell: (w) => n(w.available) },
    { header: t('stock.col.incoming'), numeric: true, cell: (w) => n(w.incoming) },
    { header: t('stock.col.reorderPoint'), numeric: true, cell: (w) => n(w.reorderPoint) },
    { header: t('stock.col.max'), numeric: true, cell: (w) => n(w.maxStock) },
    {
      header: t('stock.col.level'),
      cell: (w) => (w.level ? badge(t(`stock.level.${w.level}`), LEVEL_TONE[w.level]) : ''),
    },
  ];
  const withTotal: (WarehouseStock & { level?: StockLevel })[] = rows.length > 1 ? [...rows, total] : rows;
  return table(t('stock.perWarehouse'), columns, withTotal, {
    empty: '',
    rowClass: (w) =>
      w.level === 'reorder' || w.level === 'out' ? 'attention' : w.warehouse ? undefined : 'total',
  });
}

async function ledger(ctx: PageContext, sku: string): Promise<HTMLElement> {
  const { t, language } = ctx;
  return pagedTable<Movement>(ctx, {
    caption: t('stock.ledger'),
    columns: [
      { header: t('common.at'), cell: (m) => formatDateTime(m.at, language) },
      { header: t('common.warehouse'), cell: (m) => m.warehouse },
      { header: t('stock.col.reason'), rowHeader: true, cell: (m) => t(`stock.reason.${m.reason}`) },
      {
        header: t('stock.col.change'),
        numeric: true,
        cell: (m) => signedQuantity(m.change.onHand || m.change.available || m.quantity),
      },
      {
        header: t('stock.col.after'),
        numeric: true,
        cell: (m) => `${formatNumber(m.onHand, language)} / ${formatNumber(m.available, language)}`,
      },
      {
        header: t('stock.col.ref'),
        cell: (m) =>
          m.orderId
            ? routeLink(`/orders/${m.orderId}`, m.orderId)
            : m.purchaseOrderId
              ? routeLink(`/purchase-orders/${m.purchaseOrderId}`, m.purchaseOrderId)
              : '—',
      },
      { header: t('common.by'), cell: (m) => m.by.role ?? m.by.id },
    ],
    empty: t('stock.ledgerEmpty'),
    load: (nextToken) =>
      ctx.api.get<Page<Movement>>(
        `/inventory/${encodeURIComponent(sku)}/movements${query({ limit: 25, nextToken })}`,
      ),
  });
}

/** One SKU: stock per warehouse and in total, what is reserved for which order, and the ledger. */
async function render(ctx: PageContext): Promise<void> {
  const { t, language } = ctx;
  const sku = ctx.params.sku;
  const stock = await ctx.api.get<Stock>(`/inventory/${encodeURIComponent(sku)}`);
  ctx.setTitle?.(t('stock.heading', { sku: stock.sku }));
  ctx.root.replaceChildren(
    section(t('stock.perWarehouse'), stockTable(ctx, stock)),
    section(
      t('stock.reservations'),
      table(
        t('stock.reservations'),
        [
          {
            header: t('common.order'),
            rowHeader: true,
            cell: (r) => routeLink(`/orders/${r.orderId}`, r.orderId),
          },
          { header: t('common.quantity'), numeric: true, cell: (r) => formatNumber(r.quantity, language) },
        ],
        stock.reservations,
        { empty: t('stock.reservationsEmpty') },
      ),
    ),
    section(t('stock.ledger'), await ledger(ctx, stock.sku)),
  );
}

export const stockPage: ConsolePage = {
  route: '/inventory/:sku',
  titleKey: 'stock.title',
  render,
  messages: inventoryMessages,
};

/** A SKU lookup form, used by the inventory overview (for every role, also those who may not list all stock). */
export function skuLookup(ctx: PageContext): HTMLFormElement {
  const { t } = ctx;
  return actionForm(ctx, {
    label: t('stock.open'),
    fields: [
      field(t('stock.skuField'), input('sku', { required: true, maxlength: 64, autocomplete: 'off' })),
    ],
    submit: t('stock.openButton'),
    onSubmit: async (values) => ctx.navigate(`/inventory/${encodeURIComponent(values.sku)}`),
  });
}
