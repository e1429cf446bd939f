import type { PageContext } from '../../shell/contract';
import { routeLink } from '../../ui/dom';
import { formatDateTime, formatMoney } from '../../ui/format';
import { type Page, pagedTable, query } from '../../ui/pager';
import { section } from '../../ui/section';
import type { Inquiry } from '../sales/inquiry-model';
import { quoteColumns } from '../sales/quote-columns';
import type { QuoteSummary } from '../sales/quote-model';

interface OrderSummary {
  orderId: string;
  status: string;
  currency: string;
  total: string;
  paid: string;
  createdAt: string;
}

/** The customer's orders, newest first (`GET /orders?customerId=`). */
export async function ordersSection(ctx: PageContext, customerId: string): Promise<HTMLElement> {
  const { t, language } = ctx;
  return section(
    t('customer.orders'),
    await pagedTable<OrderSummary>(ctx, {
      caption: t('customer.orders'),
      columns: [
        {
          header: t('common.order'),
          rowHeader: true,
          cell: (o) => routeLink(`/orders/${o.orderId}`, o.orderId),
        },
        { header: t('common.status'), cell: (o) => t(`status.${o.status}`) },
        {
          header: t('common.total'),
          numeric: true,
          cell: (o) => formatMoney({ amount: o.total, currency: o.currency }, language),
        },
        { header: t('common.created'), cell: (o) => formatDateTime(o.createdAt, language) },
      ],
      empty: t('customer.ordersEmpty'),
      load: (nextToken) =>
        ctx.api.get<Page<OrderSummary>>(`/orders${query({ customerId, limit: 25, nextToken })}`),
    }),
  );
}

/** The customer's quotes (`GET /quotes?customerId=`). */
export async function quotesSection(ctx: PageContext, customerId: string): Promise<HTMLElement> {
  const { t } = ctx;
  return section(
    t('customer.quotes'),
    await pagedTable<QuoteSummary>(ctx, {
      caption: t('customer.quotes'),
      columns: quoteColumns(ctx, { customer: false }),
      empty: t('customer.quotesEmpty'),
      load: (nextToken) =>
        ctx.api.get<Page<QuoteSummary>>(`/quotes${query({ customerId, limit: 25, nextToken })}`),
    }),
  );
}

/** The customer's inquiries (`GET /inquiries?customerId=`). */
export async function inquiriesSection(ctx: PageContext, customerId: string): Promise<HTMLElement> {
  const { t, language } = ctx;
  return section(
    t('customer.inquiries'),
    await pagedTable<Inquiry>(ctx, {
      caption: t('customer.inquiries'),
      columns: [
        {
          header: t('inquiries.col.inquiry'),
          rowHeader: true,
          cell: (i) => routeLink(`/inquiries/${i.inquiryId}`, i.inquiryId),
        },
        { header: t('common.status'), cell: (i) => t(`inquiries.status.${i.status}`) },
        { header: t('inquiries.col.received'), cell: (i) => formatDateTime(i.createdAt, language) },
      ],
      empty: t('customer.inquiriesEmpty'),
      load: (nextToken) =>
        ctx.api.get<Page<Inquiry>>(`/inquiries${query({ customerId, limit: 25, nextToken })}`),
    }),
  );
}
