import type { PageContext } from '../../shell/contract';
import { routeLink } from '../../ui/dom';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import type { Column } from '../../ui/table';
import type { QuoteSummary } from './quote-model';

/** The columns of a quotes table (the quotes list, a customer's quotes). */
export function quoteColumns(
  ctx: Pick<PageContext, 't' | 'language'>,
  options: { customer?: boolean } = {},
): Column<QuoteSummary>[] {
  const { t, language } = ctx;
  const customer: Column<QuoteSummary> = {
    header: t('common.customer'),
    cell: (q) => routeLink(`/customers/${q.customerId}`, q.customerId),
  };
  return [
    {
      header: t('quotes.col.quote'),
      rowHeader: true,
      cell: (q) => routeLink(`/quotes/${q.quoteId}`, q.quoteId),
    },
    ...(options.customer === false ? [] : [customer]),
    { header: t('common.status'), cell: (q) => t(`quotes.status.${q.status}`) },
    { header: t('quotes.col.revision'), numeric: true, cell: (q) => q.revision ?? '—' },
    { header: t('common.total'), numeric: true, cell: (q) => formatMoney(q.total, language) },
    { header: t('quotes.col.validUntil'), cell: (q) => formatDate(q.validUntil, language) },
    { header: t('common.updated'), cell: (q) => formatDateTime(q.updatedAt, language) },
  ];
}
