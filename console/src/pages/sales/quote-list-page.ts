import type { ConsolePage, PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { filterForm, select } from '../../ui/form';
import { type Page, pagedTable, query } from '../../ui/pager';
import { table } from '../../ui/table';
import { quoteColumns } from './quote-columns';
import type { QuoteSummary } from './quote-model';
import { salesMessages } from './sales-messages';

const STATUSES = ['DRAFT', 'PENDING_APPROVAL', 'SENT', 'ACCEPTED', 'EXPIRED'] as const;
/** The default view: every quote still in play, read per status (the API lists by status). */
const OPEN = ['PENDING_APPROVAL', 'DRAFT', 'SENT'] as const;

async function openQuotes(ctx: PageContext): Promise<HTMLElement> {
  const pages = await Promise.all(
    OPEN.map((status) => ctx.api.get<Page<QuoteSummary>>(`/quotes${query({ status, limit: 100 })}`)),
  );
  const rows = pages
    .flatMap((page) => page.items)
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  return table(ctx.t('quotes.caption', { status: ctx.t('quotes.open') }), quoteColumns(ctx), rows, {
    empty: ctx.t('quotes.empty'),
    rowClass: (q) => (q.status === 'PENDING_APPROVAL' ? 'attention' : undefined),
  });
}

/** Quotes by status: the open ones by default (awaiting approval, drafts, sent), newest change first. */
async function render(ctx: PageContext): Promise<void> {
  const { t } = ctx;
  const chosen = ctx.query.get('status') ?? 'open';
  const status = (STATUSES as readonly string[]).includes(chosen) ? chosen : 'open';
  const filter = select(
    'status',
    [
      ['open', t('quotes.open')] as const,
      ...STATUSES.map((value) => [value, t(`quotes.status.${value}`)] as const),
    ],
    status,
  );
  const list =
    status === 'open'
      ? await openQuotes(ctx)
      : await pagedTable<QuoteSummary>(ctx, {
          caption: t('quotes.caption', { status: t(`quotes.status.${status}`) }),
          columns: quoteColumns(ctx),
          empty: t('quotes.empty'),
          load: (nextToken) =>
            ctx.api.get<Page<QuoteSummary>>(`/quotes${query({ status, limit: 50, nextToken })}`),
        });
  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page-section' },
      filterForm(ctx, t('quotes.filter'), filter, (value) => ctx.navigate(`/quotes?status=${value}`)),
      list,
    ),
  );
}

export const quoteListPage: ConsolePage = {
  route: '/quotes',
  titleKey: 'quotes.title',
  nav: { group: 'sales', order: 20 },
  roles: ['sales', 'finance', 'admin', 'sales-manager'],
  render,
  messages: salesMessages,
};
