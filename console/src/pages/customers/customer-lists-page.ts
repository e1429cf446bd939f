import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { actionForm, field, input } from '../../ui/form';
import { formatDate, formatMoney, formatNumber } from '../../ui/format';
import { attempt, loadFailure } from '../../ui/load';
import { type Page, pagedTable, query } from '../../ui/pager';
import { section } from '../../ui/section';
import { table } from '../../ui/table';
import { customerLabel, type NamedCustomer } from './customer-label';
import { customerMessages } from './customer-messages';

interface Prospect extends NamedCustomer {
  inquiries: number;
  quotesSent: number;
  lastInquiryAt?: string;
}
interface Dormant extends NamedCustomer {
  orderCount: number;
  lastOrderAt?: string;
  predictedNextOrderAt: string;
  daysOverdue: number;
}
interface TopCustomers {
  from: string;
  to: string;
  rankings: {
    currency: string;
    converted: boolean;
    customers: (NamedCustomer & {
      rank: number;
      revenue: { amount: string; currency: string };
      orderCount: number;
    })[];
  }[];
  unavailable?: string;
}

const TOP_MONTHS = 12;
/** The customer's company or name, linked, with its id below (the lists carry both). */
const customerLink = (row: NamedCustomer) => {
  const label = customerLabel(row);
  return h(
    'span',
    { class: 'customer-label' },
    routeLink(`/customers/${row.customerId}`, label.title),
    label.detail ? h('small', { class: 'hint' }, ` ${label.detail}`) : null,
  );
};

async function prospects(ctx: PageContext): Promise<HTMLElement> {
  const { t, language } = ctx;
  return pagedTable<Prospect>(ctx, {
    caption: t('customers.prospects'),
    columns: [
      { header: t('common.customer'), rowHeader: true, cell: customerLink },
      {
        header: t('customers.col.inquiries'),
        numeric: true,
        cell: (p) => formatNumber(p.inquiries, language),
      },
      {
        header: t('customers.col.quotesSent'),
        numeric: true,
        cell: (p) => formatNumber(p.quotesSent, language),
      },
      { header: t('customers.col.lastInquiry'), cell: (p) => formatDate(p.lastInquiryAt, language) },
    ],
    empty: t('customers.prospectsEmpty'),
    load: (nextToken) =>
      ctx.api.get<Page<Prospect>>(`/customers/lists/prospects${query({ limit: 25, nextToken })}`),
  });
}

async function dormant(ctx: PageContext): Promise<HTMLElement> {
  const { t, language } = ctx;
  return pagedTable<Dormant>(ctx, {
    caption: t('customers.dormant'),
    columns: [
      { header: t('common.customer'), rowHeader: true, cell: customerLink },
      { header: t('customers.col.orders'), numeric: true, cell: (d) => formatNumber(d.orderCount, language) },
      { header: t('customers.col.lastOrder'), cell: (d) => formatDate(d.lastOrderAt, language) },
      { header: t('customers.col.predicted'), cell: (d) => formatDate(d.predictedNextOrderAt, language) },
      {
        header: t('customers.col.daysOverdue'),
        numeric: true,
        cell: (d) => formatNumber(d.daysOverdue, language),
      },
    ],
    empty: t('customers.dormantEmpty'),
    load: (nextToken) =>
      ctx.api.get<Page<Dormant>>(`/customers/lists/dormant${query({ limit: 25, nextToken })}`),
  });
}

async function top(ctx: PageContext): Promise<HTMLElement> {
  const { t, language } = ctx;
  const answer = await ctx.api.get<TopCustomers>(
    `/customers/lists/top${query({ months: TOP_MONTHS, limit: 20 })}`,
  );
  if (answer.rankings.every((ranking) => ranking.customers.length === 0))
    return h('p', { class: 'empty' }, answer.unavailable ?? t('customers.topEmpty'));
  return h(
    'div',
    null,
    answer.unavailable ? h('p', { class: 'hint' }, answer.unavailable) : null,
    answer.rankings.map((ranking) =>
      table(
        t(ranking.converted ? 'customers.topConverted' : 'customers.topIn', { currency: ranking.currency }),
        [
          { header: t('customers.col.rank'), numeric: true, cell: (c) => c.rank },
          { header: t('common.customer'), rowHeader: true, cell: customerLink },
          {
            header: t('customers.col.revenue'),
            numeric: true,
            cell: (c) => formatMoney(c.revenue, language),
          },
          {
            header: t('customers.col.orders'),
            numeric: true,
            cell: (c) => formatNumber(c.orderCount, language),
          },
        ],
        ranking.customers,
        { empty: t('customers.topEmpty') },
      ),
    ),
  );
}

/** The CRM's lists: prospects, dormant customers, top customers; and a customer opened by id. */
async function render(ctx: PageContext): Promise<void> {
  const { t } = ctx;
  const open = actionForm(ctx, {
    label: t('customers.open'),
    fields: [
      field(
        t('customers.idField'),
        input('customerId', { required: true, pattern: 'cus_[0-9A-Za-z]+', size: 32 }),
      ),
    ],
    submit: t('customers.openButton'),
    onSubmit: async (values) => ctx.navigate(`/customers/${encodeURIComponent(values.customerId)}`),
  });
  const part = async (title: string, build: () => Promise<HTMLElement>) => {
    const built = await attempt(build);
    return section(title, built.ok ? built.value : loadFailure(built));
  };
  const parts = await Promise.all([
    part(t('customers.prospects'), () => prospects(ctx)),
    part(t('customers.dormant'), () => dormant(ctx)),
    part(t('customers.top', { months: TOP_MONTHS }), () => top(ctx)),
  ]);
  ctx.root.replaceChildren(open, ...parts);
}

export const customerListsPage: ConsolePage = {
  route: '/customers',
  titleKey: 'customers.title',
  nav: { group: 'sales', order: 30 },
  render,
  messages: customerMessages,
};
