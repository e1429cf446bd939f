import type { ConsolePage, PageContext } from '../../shell/contract';
import { routeLink } from '../../ui/dom';
import { filterForm, select } from '../../ui/form';
import { formatDateTime, formatNumber } from '../../ui/format';
import { type Page, pagedTable, query } from '../../ui/pager';
import { badge, section } from '../../ui/section';
import { inventoryMessages } from './inventory-messages';
import type { Replenishment } from './stock-model';
import { skuLookup } from './stock-page';
import { belowOnly, type StockOverviewRow, stockAttention } from './supplier-model';

/** The link that opens the purchase order form filled for a request. */
const orderLink = (request: Replenishment) =>
  `/purchase-orders${query({ request: request.requestId, sku: request.sku, quantity: request.quantity, warehouse: request.warehouse })}`;

const ATTENTION_TONE = { out: 'bad', reorder: 'warn', ok: 'good' } as const;
/** Who may list every sku's stock (GET /inventory); the others look a SKU up. */
const STOCK_LIST_ROLES: readonly string[] = ['warehouse', 'procurement', 'admin'];

/** Every sku's stock (`GET /inventory`): those at or below a reorder point first, or only those. */
async function stockList(ctx: PageContext, below: boolean): Promise<HTMLElement> {
  const { t, language } = ctx;
  const n = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, language));
  return pagedTable<StockOverviewRow>(ctx, {
    caption: t(below ? 'overview.captionBelow' : 'overview.caption'),
    columns: [
      {
        header: t('common.sku'),
        rowHeader: true,
        cell: (r) => routeLink(`/inventory/${encodeURIComponent(r.sku)}`, r.sku),
      },
      { header: t('stock.col.onHand'), numeric: true, cell: (r) => n(r.onHand) },
      { header: t('stock.col.reserved'), numeric: true, cell: (r) => n(r.reserved) },
      { header: t('stock.col.available'), numeric: true, cell: (r) => n(r.available) },
      { header: t('stock.col.incoming'), numeric: true, cell: (r) => n(r.incoming) },
      { header: t('stock.col.reorderPoint'), numeric: true, cell: (r) => n(r.reorderPoint) },
      {
        header: t('stock.col.level'),
        cell: (r) => {
          const { level, where } = stockAttention(r);
          const text = t(`stock.level.${level}`);
          return badge(where.length > 0 ? `${text} (${where.join(', ')})` : text, ATTENTION_TONE[level]);
        },
      },
    ],
    rowClass: (r) => (stockAttention(r).level === 'ok' ? undefined : 'attention'),
    empty: t(below ? 'overview.emptyBelow' : 'overview.empty'),
    load: (nextToken) =>
      ctx.api.get<Page<StockOverviewRow>>(
        `/inventory${query({ belowReorderPoint: below ? 'true' : undefined, limit: 50, nextToken })}`,
      ),
  });
}

/**
 * Inventory: every sku's stock (with a "below reorder point" filter), a SKU lookup, and the open
 * replenishment requests (each one click from a purchase order).
 */
async function render(ctx: PageContext): Promise<void> {
  const { t, language } = ctx;
  const below = belowOnly(ctx.query);
  const filter = select(
    'below',
    [
      ['', t('overview.all')],
      ['1', t('overview.below')],
    ],
    below ? '1' : '',
  );
  const [stock, requests] = await Promise.all([
    STOCK_LIST_ROLES.includes(ctx.role) ? stockList(ctx, below) : undefined,
    pagedTable<Replenishment>(ctx, {
      caption: t('replenishment.title'),
      columns: [
        { header: t('replenishment.col.request'), rowHeader: true, cell: (r) => r.requestId },
        { header: t('common.sku'), cell: (r) => routeLink(`/inventory/${encodeURIComponent(r.sku)}`, r.sku) },
        { header: t('common.warehouse'), cell: (r) => r.warehouse },
        { header: t('common.quantity'), numeric: true, cell: (r) => formatNumber(r.quantity, language) },
        { header: t('replenishment.col.raised'), cell: (r) => formatDateTime(r.raisedAt, language) },
        {
          header: t('replenishment.col.po'),
          cell: (r) =>
            r.purchaseOrderId
              ? routeLink(`/purchase-orders/${r.purchaseOrderId}`, r.purchaseOrderId)
              : routeLink(orderLink(r), t('replenishment.order', { quantity: r.quantity, sku: r.sku })),
        },
      ],
      empty: t('replenishment.empty'),
      load: (nextToken) =>
        ctx.api.get<Page<Replenishment>>(`/replenishment-requests${query({ limit: 50, nextToken })}`),
    }),
  ]);
  ctx.root.replaceChildren(
    ...(stock
      ? [
          section(
            t('overview.title'),
            filterForm(ctx, t('overview.filter'), filter, (value) =>
              ctx.navigate(`/inventory${query({ below: value })}`),
            ),
            stock,
          ),
        ]
      : []),
    skuLookup(ctx),
    section(t('replenishment.title'), requests),
  );
}

export const inventoryPage: ConsolePage = {
  route: '/inventory',
  titleKey: 'stock.title',
  nav: { group: 'operations', order: 20 },
  render,
  messages: inventoryMessages,
};
