import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { formatDate, formatMoney, formatMoneyList, formatNumber } from '../../ui/format';
import { attempt, loadFailure } from '../../ui/load';
import { section } from '../../ui/section';
import { table } from '../../ui/table';
import { agingChartSvg } from './aging-chart';
import { AGING_BUCKETS, type Aging, agingCharts, agingTableRows } from './aging-model';
import { financeMessages } from './finance-messages';

type Money = { amount: string; currency: string };
interface Receivables {
  asOf: string;
  items: {
    orderId: string;
    customerId: string;
    orderStatus: string;
    installment: string;
    label: string;
    amount: Money;
    outstanding: Money;
    dueAt?: string;
    daysOverdue?: number;
  }[];
  credits: { orderId: string; customerId: string; amount: Money }[];
  totals: { currency: string; outstanding: Money; overdue: Money; notYetDue: Money }[];
}

function receivablesSection(ctx: PageContext, answer: Receivables): HTMLElement {
  const { t, language } = ctx;
  const items = [...answer.items].sort((a, b) => (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1));
  return section(
    t('receivables.title'),
    table(
      t('receivables.caption', { asOf: formatDate(answer.asOf, language) }),
      [
        {
          header: t('common.order'),
          rowHeader: true,
          cell: (r) => routeLink(`/orders/${r.orderId}`, r.orderId),
        },
        { header: t('common.customer'), cell: (r) => routeLink(`/customers/${r.customerId}`, r.customerId) },
        { header: t('receivables.col.installment'), cell: (r) => r.label },
        {
          header: t('receivables.col.outstanding'),
          numeric: true,
          cell: (r) => formatMoney(r.outstanding, language),
        },
        { header: t('receivables.col.due'), cell: (r) => formatDate(r.dueAt, language) },
        {
          header: t('receivables.col.daysOverdue'),
          numeric: true,
          cell: (r) => (r.daysOverdue ? formatNumber(r.daysOverdue, language) : '—'),
        },
      ],
      items,
      { empty: t('receivables.empty'), rowClass: (r) => ((r.daysOverdue ?? 0) > 0 ? 'overdue' : undefined) },
    ),
    table(
      t('receivables.totals'),
      [
        { header: t('common.currency'), rowHeader: true, cell: (r) => r.currency },
        {
          header: t('receivables.col.outstanding'),
          numeric: true,
          cell: (r) => formatMoney(r.outstanding, language),
        },
        {
          header: t('receivables.col.overdue'),
          numeric: true,
          cell: (r) => formatMoney(r.overdue, language),
        },
        {
          header: t('receivables.col.notYetDue'),
          numeric: true,
          cell: (r) => formatMoney(r.notYetDue, language),
        },
      ],
      answer.totals,
      { empty: '' },
    ),
    answer.credits.length > 0
      ? table(
          t('receivables.credits'),
          [
            {
              header: t('common.order'),
              rowHeader: true,
              cell: (c) => routeLink(`/orders/${c.orderId}`, c.orderId),
            },
            {
              header: t('common.customer'),
              cell: (c) => routeLink(`/customers/${c.customerId}`, c.customerId),
            },
            { header: t('common.amount'), numeric: true, cell: (c) => formatMoney(c.amount, language) },
          ],
          answer.credits,
          { empty: '' },
        )
      : null,
  );
}

/** The aging chart(s) and, as their fallback and detail, the table per customer and currency. */
function agingSection(ctx: PageContext, aging: Aging): HTMLElement {
  const { t, language } = ctx;
  const charts = agingCharts(aging);
  return section(
    t('aging.title'),
    charts.length === 0
      ? h('p', { class: 'empty' }, t('aging.empty'))
      : charts.map((chart) => agingChartSvg(ctx, chart)),
    aging.conversionProblem
      ? h('p', { class: 'hint' }, t('aging.conversionProblem', { problem: aging.conversionProblem }))
      : null,
    aging.notYetDue.length > 0
      ? h('p', null, t('aging.notYetDue', { amounts: formatMoneyList(aging.notYetDue, language) }))
      : null,
    table(
      t('aging.table', { asOf: formatDate(aging.asOf, language) }),
      [
        {
          header: t('common.customer'),
          rowHeader: true,
          cell: (r) => routeLink(`/customers/${r.customerId}`, r.customerId),
        },
        ...AGING_BUCKETS.map((bucket) => ({
          header: t(`aging.bucket.${bucket}`),
          numeric: true,
          cell: (r: ReturnType<typeof agingTableRows>[number]) => formatMoney(r.buckets[bucket], language),
        })),
        { header: t('common.total'), numeric: true, cell: (r) => formatMoney(r.total, language) },
      ],
      agingTableRows(aging),
      { empty: t('aging.empty') },
    ),
  );
}

/** Receivables: what is owed per installment, totals per currency, and the aging chart with its table. */
async function render(ctx: PageContext): Promise<void> {
  const { t } = ctx;
  const [receivables, aging] = await Promise.all([
    attempt(() => ctx.api.get<Receivables>('/receivables')),
    attempt(() => ctx.api.get<Aging>('/receivables/aging')),
  ]);
  ctx.root.replaceChildren(
    aging.ok ? agingSection(ctx, aging.value) : section(t('aging.title'), loadFailure(aging)),
    receivables.ok
      ? receivablesSection(ctx, receivables.value)
      : section(t('receivables.title'), loadFailure(receivables)),
  );
}

export const receivablesPage: ConsolePage = {
  route: '/finance/receivables',
  titleKey: 'receivables.title',
  nav: { group: 'finance', order: 20 },
  roles: ['finance', 'sales', 'admin'],
  render,
  messages: financeMessages,
};
