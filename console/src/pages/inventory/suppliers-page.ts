import type { ConsolePage, PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { actionForm, field, input, newIdempotencyKey } from '../../ui/form';
import { formatDate, formatNumber } from '../../ui/format';
import { type Page, pagedTable, query } from '../../ui/pager';
import { section } from '../../ui/section';
import { inventoryMessages } from './inventory-messages';
import { type Supplier, skuSummary } from './supplier-model';

/** Every supplier (`GET /suppliers`), newest first, a page at a time. */
function supplierList(ctx: PageContext): Promise<HTMLElement> {
  const { t, language } = ctx;
  return pagedTable<Supplier>(ctx, {
    caption: t('suppliers.list'),
    columns: [
      { header: t('suppliers.name'), rowHeader: true, cell: (s) => s.name },
      { header: t('suppliers.col.id'), cell: (s) => h('code', null, s.supplierId) },
      {
        header: t('suppliers.leadTime'),
        numeric: true,
        cell: (s) => formatNumber(s.leadTimeDays, language),
      },
      { header: t('suppliers.currency'), cell: (s) => s.currency ?? '—' },
      {
        header: t('suppliers.skus'),
        cell: (s) => h('span', { title: s.skus.join(', ') }, skuSummary(s.skus)),
      },
      { header: t('suppliers.col.added'), cell: (s) => formatDate(s.createdAt, language) },
    ],
    empty: t('suppliers.empty'),
    load: (nextToken) => ctx.api.get<Page<Supplier>>(`/suppliers${query({ limit: 50, nextToken })}`),
  });
}

/** Suppliers: add one (lead time, currency, the SKUs it supplies), and the list of all of them. */
async function render(ctx: PageContext): Promise<void> {
  const { t } = ctx;
  const listed = h('div', null, section(t('suppliers.list'), await supplierList(ctx)));
  const create = actionForm(ctx, {
    label: t('suppliers.create'),
    fields: [
      field(t('suppliers.name'), input('name', { required: true, maxlength: 200 })),
      field(
        t('suppliers.leadTime'),
        input('leadTimeDays', { type: 'number', min: 0, max: 730, step: 1, required: true }),
      ),
      field(t('suppliers.currency'), input('currency', { maxlength: 3, size: 4 })),
      field(t('suppliers.skus'), input('skus', { maxlength: 5000 }), t('suppliers.skusHint')),
    ],
    submit: t('suppliers.createButton'),
    onSubmit: async (values) => {
      const skus = values.skus
        .split(',')
        .map((sku) => sku.trim())
        .filter(Boolean);
      const created = await ctx.api.post<{ supplierId: string }>(
        '/suppliers',
        {
          name: values.name,
          leadTimeDays: Number(values.leadTimeDays),
          ...(values.currency ? { currency: values.currency.toUpperCase() } : {}),
          skus,
        },
        { idempotencyKey: newIdempotencyKey() },
      );
      ctx.notify('info', t('suppliers.created', { id: created.supplierId }));
      // The new supplier heads the list (newest first).
      listed.replaceChildren(section(t('suppliers.list'), await supplierList(ctx)));
    },
  });
  ctx.root.replaceChildren(create, listed);
}

export const suppliersPage: ConsolePage = {
  route: '/suppliers',
  titleKey: 'suppliers.title',
  nav: { group: 'operations', order: 40 },
  roles: ['procurement', 'admin'],
  render,
  messages: inventoryMessages,
};
