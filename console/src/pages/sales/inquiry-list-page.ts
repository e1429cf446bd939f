import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { errorText } from '../../ui/errors';
import { filterForm, select } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { pagedTable, query } from '../../ui/pager';
import { badge } from '../../ui/section';
import type { Column } from '../../ui/table';
import { type Inquiry, type InquiryPage, type InquiryRow, openInquiryRows } from './inquiry-model';
import { salesMessages } from './sales-messages';

const STATUSES = ['OPEN', 'REPLIED', 'QUOTED', 'WON', 'LOST'] as const;
/** Feed events after which the list may have changed. */
const INQUIRY_EVENTS = [
  'InquiryReceived',
  'InquiryOverdue',
  'InquiryReplied',
  'InquiryLost',
  'InquiryWon',
  'QuoteSent',
  'QuoteAccepted',
];

function columns(ctx: PageContext): Column<InquiryRow>[] {
  const { t, language } = ctx;
  return [
    {
      header: t('inquiries.col.inquiry'),
      rowHeader: true,
      cell: (row) => routeLink(`/inquiries/${row.inquiryId}`, row.inquiryId),
    },
    {
      header: t('common.customer'),
      cell: (row) => routeLink(`/customers/${row.customerId}`, row.customerId),
    },
    { header: t('inquiries.col.asked'), cell: (row) => row.asked },
    { header: t('inquiries.col.received'), cell: (row) => formatDateTime(row.receivedAt, language) },
    {
      header: t('inquiries.col.firstReply'),
      cell: (row) =>
        row.overdue
          ? badge(
              row.escalatedLevel > 0
                ? t('inquiries.overdueLevel', { level: row.escalatedLevel })
                : t('common.overdue'),
              'bad',
            )
          : row.dueAt
            ? t('inquiries.dueBy', { at: formatDateTime(row.dueAt, language) })
            : t(`inquiries.status.${row.status}`),
    },
  ];
}

/** Inquiries by status (open by default), the overdue ones first; updated as the feed tells of changes. */
async function render(ctx: PageContext): Promise<void> {
  const { t } = ctx;
  const status = (STATUSES as readonly string[]).includes(ctx.query.get('status') ?? '')
    ? (ctx.query.get('status') as string)
    : 'OPEN';
  const filter = select(
    'status',
    STATUSES.map((value) => [value, t(`inquiries.status.${value}`)] as const),
    status,
  );
  const list = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    const now = new Date();
    list.replaceChildren(
      await pagedTable<Inquiry, InquiryRow>(ctx, {
        caption: t('inquiries.caption', { status: t(`inquiries.status.${status}`) }),
        columns: columns(ctx),
        empty: t('inquiries.empty'),
        load: (nextToken) =>
          ctx.api.get<InquiryPage>(`/inquiries${query({ status, limit: 100, nextToken })}`),
        rows: (items) => openInquiryRows(items, now),
        rowClass: (row) => (row.overdue ? 'overdue' : undefined),
      }),
    );
  };
  await load();
  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page-section' },
      filterForm(ctx, t('inquiries.filter'), filter, (value) => ctx.navigate(`/inquiries?status=${value}`)),
      list,
    ),
  );
  ctx.onFeed((message) => {
    if (message.type === 'feed.resync' || INQUIRY_EVENTS.includes(message.type))
      void load().catch((error) => ctx.notify('error', errorText(error)));
  });
}

export const inquiryListPage: ConsolePage = {
  route: '/inquiries',
  titleKey: 'inquiries.title',
  nav: { group: 'sales', order: 10 },
  render,
  messages: salesMessages,
};
