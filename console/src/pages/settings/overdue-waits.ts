import type { PageContext } from '../../shell/contract';
import { routeLink } from '../../ui/dom';
import { formatDateTime } from '../../ui/format';
import { query } from '../../ui/pager';
import { type Column, table } from '../../ui/table';
import { type Inquiry, isOverdue } from '../sales/inquiry-model';
import { byUrgency, type OverdueRow, overdueOrders, type WaitingOrder } from './escalation-model';
import { waitName } from './wait-name';

/** The order statuses that hold a wait with an SLA. */
const WAITING_STATUSES = [
  'CREDIT_HOLD',
  'AWAITING_DEPOSIT',
  'AWAITING_STOCK',
  'IN_PRODUCTION',
  'AWAITING_BALANCE',
  'READY_TO_SHIP',
  'IN_TRANSIT',
  'AWAITING_PAYMENT',
] as const;
const ORDERS_PER_STATUS = 100;

async function overdueInquiries(ctx: PageContext, now: Date): Promise<OverdueRow[]> {
  const page = await ctx.api.get<{ items: Inquiry[] }>(`/inquiries${query({ status: 'OPEN', limit: 100 })}`);
  return page.items
    .filter((inquiry) => isOverdue(inquiry, now))
    .map((inquiry) => ({
      kind: 'inquiry' as const,
      id: inquiry.inquiryId,
      customerId: inquiry.customerId,
      wait: 'inquiry-first-reply',
      since: inquiry.firstReplyDue?.since,
      nextDueAt: inquiry.firstReplyDue?.dueAt,
      level: inquiry.firstReplyDue?.escalatedLevel ?? 0,
    }));
}

/**
 * Overdue waits of orders (read per waiting status: summaries carry each wait's due time and level)
 * and of inquiries' first replies; how many waiting orders were read, and whether there were more.
 */
export async function loadOverdue(
  ctx: PageContext,
): Promise<{ rows: OverdueRow[]; ordersRead: number; more: boolean }> {
  const now = new Date();
  const [inquiries, pages] = await Promise.all([
    overdueInquiries(ctx, now),
    Promise.all(
      WAITING_STATUSES.map((status) =>
        ctx.api.get<{ items: WaitingOrder[]; nextToken?: string }>(
          `/orders${query({ status, limit: ORDERS_PER_STATUS })}`,
        ),
      ),
    ),
  ]);
  const orders = pages.flatMap((page) => page.items);
  return {
    rows: [...overdueOrders(orders, now), ...inquiries].sort(byUrgency),
    ordersRead: orders.length,
    more: pages.some((page) => page.nextToken),
  };
}

export function overdueTable(ctx: Pick<PageContext, 't' | 'language'>, rows: OverdueRow[]): HTMLElement {
  const { t, language } = ctx;
  const columns: Column<OverdueRow>[] = [
    {
      header: t('esc.col.item'),
      rowHeader: true,
      cell: (r) => routeLink(r.kind === 'order' ? `/orders/${r.id}` : `/inquiries/${r.id}`, r.id),
    },
    { header: t('common.customer'), cell: (r) => routeLink(`/customers/${r.customerId}`, r.customerId) },
    { header: t('esc.col.wait'), cell: (r) => waitName(ctx, r.wait) },
    { header: t('esc.col.since'), cell: (r) => formatDateTime(r.since, language) },
    { header: t('esc.col.nextDue'), cell: (r) => formatDateTime(r.nextDueAt, language) },
    {
      header: t('esc.col.level'),
      numeric: true,
      cell: (r) => (r.level > 0 ? t('common.level', { level: r.level }) : t('esc.notEscalated')),
    },
  ];
  return table(t('esc.overdueCaption'), columns, rows, {
    empty: t('esc.overdueEmpty'),
    rowClass: () => 'overdue',
  });
}
