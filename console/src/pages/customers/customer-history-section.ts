import type { PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { actionForm, field, input, newIdempotencyKey, select, textarea } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { type Page, pagedTable } from '../../ui/pager';
import { section } from '../../ui/section';
import type { Communication } from './customer-model';

function refs(entry: Communication): Node[] {
  const links: Node[] = [];
  if (entry.refs?.orderId) links.push(routeLink(`/orders/${entry.refs.orderId}`, entry.refs.orderId));
  if (entry.refs?.quoteId) links.push(routeLink(`/quotes/${entry.refs.quoteId}`, entry.refs.quoteId));
  if (entry.refs?.inquiryId)
    links.push(routeLink(`/inquiries/${entry.refs.inquiryId}`, entry.refs.inquiryId));
  return links.flatMap((link, index) => (index === 0 ? [link] : [document.createTextNode(' '), link]));
}

/** The communication history, newest first, and a form to add a note or a call. */
export async function historySection(
  ctx: PageContext,
  customerId: string,
  reload: () => Promise<void>,
): Promise<HTMLElement> {
  const { t, language } = ctx;
  const path = `/customers/${encodeURIComponent(customerId)}/communications`;
  const list = await pagedTable<Communication>(ctx, {
    caption: t('customer.history'),
    columns: [
      { header: t('common.at'), cell: (e) => formatDateTime(e.at, language) },
      { header: t('customer.col.kind'), cell: (e) => e.kind },
      { header: t('customer.col.direction'), cell: (e) => e.direction },
      {
        header: t('customer.col.subject'),
        rowHeader: true,
        cell: (e) => [e.subject, e.summary ? h('div', { class: 'summary' }, e.summary) : null],
      },
      { header: t('customer.col.refs'), cell: refs },
      { header: t('common.by'), cell: (e) => e.by },
    ],
    empty: t('customer.historyEmpty'),
    load: (nextToken) =>
      ctx.api.get<Page<Communication>>(
        `${path}?limit=25${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`,
      ),
  });
  const add = actionForm(ctx, {
    label: t('customer.addEntry'),
    fields: [
      field(
        t('customer.entryKind'),
        select('kind', [
          ['note', t('customer.kind.note')],
          ['call', t('customer.kind.call')],
        ]),
      ),
      field(t('customer.subject'), input('subject', { required: true, maxlength: 200 })),
      field(t('customer.summary'), textarea('summary', '', { maxlength: 5000 })),
    ],
    submit: t('customer.addEntryButton'),
    onSubmit: async (values) => {
      await ctx.api.post(
        path,
        {
          kind: values.kind,
          subject: values.subject,
          ...(values.summary ? { summary: values.summary } : {}),
        },
        { idempotencyKey: newIdempotencyKey() },
      );
      ctx.notify('info', t('customer.entryAdded'));
      await reload();
    },
  });
  return section(t('customer.history'), add, list);
}
