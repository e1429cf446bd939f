import { INCOTERMS } from '../../../../shared/domain/incoterms';
import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { actionForm, field, input, newIdempotencyKey, select, textarea } from '../../ui/form';
import { formatDateTime, formatMoney, formatNumber } from '../../ui/format';
import { badge, section } from '../../ui/section';
import { facts, table } from '../../ui/table';
import { type Inquiry, inquiryActions, isOverdue } from './inquiry-model';
import { salesMessages } from './sales-messages';

const actorText = (actor: { kind: string; id: string; role?: string }) =>
  actor.role ? `${actor.role} · ${actor.id}` : `${actor.kind} · ${actor.id}`;

function details(ctx: PageContext, inquiry: Inquiry): HTMLElement {
  const { t, language } = ctx;
  const wait = inquiry.firstReplyDue;
  const firstReply = wait
    ? isOverdue(inquiry, new Date())
      ? badge(
          (wait.escalatedLevel ?? 0) > 0
            ? t('inquiries.overdueLevel', { level: wait.escalatedLevel ?? 0 })
            : t('common.overdue'),
          'bad',
        )
      : t('inquiries.dueBy', { at: formatDateTime(wait.dueAt, language) })
    : t('inquiry.answered');
  return section(
    t('inquiry.details'),
    facts([
      [t('common.status'), t(`inquiries.status.${inquiry.status}`)],
      [t('common.customer'), routeLink(`/customers/${inquiry.customerId}`, inquiry.customerId)],
      [t('inquiry.receivedFrom'), actorText(inquiry.receivedFrom)],
      [t('inquiry.received'), formatDateTime(inquiry.createdAt, language)],
      [t('inquiry.firstReply'), firstReply],
      [t('inquiry.destination'), inquiry.destinationCountry ?? '—'],
      [t('inquiry.incoterm'), inquiry.incoterm ?? '—'],
      [t('inquiry.targetPrice'), inquiry.targetPrice ? formatMoney(inquiry.targetPrice, language) : '—'],
      ...(inquiry.wonQuoteId
        ? [
            [t('inquiry.won'), routeLink(`/quotes/${inquiry.wonQuoteId}`, inquiry.wonQuoteId)] as [
              string,
              Node,
            ],
          ]
        : []),
      ...(inquiry.lostReason ? [[t('inquiry.lostReason'), inquiry.lostReason] as [string, string]] : []),
    ]),
    inquiry.text ? [h('h3', null, t('inquiry.text')), h('p', { class: 'message' }, inquiry.text)] : null,
  );
}

function conversation(ctx: PageContext, inquiry: Inquiry): HTMLElement[] {
  const { t, language } = ctx;
  return [
    section(
      t('inquiry.lines'),
      table(
        t('inquiry.lines'),
        [
          { header: t('common.sku'), rowHeader: true, cell: (line) => line.sku },
          {
            header: t('common.quantity'),
            numeric: true,
            cell: (line) => formatNumber(line.quantity, language),
          },
        ],
        inquiry.lines,
        { empty: t('inquiry.linesEmpty') },
      ),
    ),
    section(
      t('inquiry.replies'),
      inquiry.replies.length === 0
        ? h('p', { class: 'empty' }, t('inquiry.repliesEmpty'))
        : h(
            'ol',
            { class: 'replies' },
            inquiry.replies.map((reply) =>
              h(
                'li',
                null,
                h(
                  'p',
                  null,
                  h('strong', null, reply.subject),
                  ` — ${formatDateTime(reply.at, language)}, ${actorText(reply.by)}`,
                ),
                h('p', { class: 'message' }, reply.message),
              ),
            ),
          ),
    ),
    section(
      t('inquiry.quotes'),
      inquiry.quoteIds.length === 0
        ? h('p', { class: 'empty' }, t('inquiry.quotesEmpty'))
        : h(
            'ul',
            null,
            inquiry.quoteIds.map((id) => h('li', null, routeLink(`/quotes/${id}`, id))),
          ),
    ),
    section(
      t('common.timeline'),
      table(
        t('common.timeline'),
        [
          { header: t('common.at'), cell: (entry) => formatDateTime(entry.at, language) },
          { header: t('common.what'), cell: (entry) => entry.what },
          { header: t('common.by'), cell: (entry) => actorText(entry.by) },
        ],
        [...inquiry.timeline].reverse(),
        { empty: '' },
      ),
    ),
  ];
}

function actions(ctx: PageContext, inquiry: Inquiry, reload: () => Promise<void>): HTMLElement[] {
  const { t } = ctx;
  const allowed = inquiryActions(inquiry.status);
  const path = `/inquiries/${inquiry.inquiryId}`;
  const forms: HTMLElement[] = [];
  if (allowed.reply)
    forms.push(
      actionForm(ctx, {
        label: t('inquiry.reply'),
        fields: [
          field(t('inquiry.subject'), input('subject', { maxlength: 200 }), t('inquiry.subjectHint')),
          field(t('inquiry.message'), textarea('message', '', { required: true, rows: 5, maxlength: 10000 })),
        ],
        submit: t('inquiry.sendReply'),
        onSubmit: async (values) => {
          await ctx.api.post(
            `${path}/replies`,
            { message: values.message, ...(values.subject ? { subject: values.subject } : {}) },
            { idempotencyKey: newIdempotencyKey() },
          );
          ctx.notify('info', t('inquiry.replied'));
          await reload();
        },
      }),
    );
  if (allowed.quote)
    forms.push(
      actionForm(ctx, {
        label: t('inquiry.createQuote'),
        fields: [
          h('p', { class: 'hint' }, t('inquiry.quoteHint')),
          field(
            t('inquiry.quoteCurrency'),
            input('currency', { maxlength: 3, size: 4, autocomplete: 'off' }),
          ),
          field(
            t('inquiry.incoterm'),
            select('incoterm', [
              ['', inquiry.incoterm ?? '—'],
              ...INCOTERMS.map((code) => [code, code] as const),
            ]),
          ),
          field(t('inquiry.quotePlace'), input('place', { maxlength: 200 })),
          field(t('inquiry.shipName'), input('shipName', { maxlength: 200 })),
          field(t('inquiry.shipLine1'), input('shipLine1', { maxlength: 200 })),
          field(t('inquiry.shipCity'), input('shipCity', { maxlength: 100 })),
          field(t('inquiry.shipCountry'), input('shipCountry', { maxlength: 2, size: 3 })),
        ],
        submit: t('inquiry.createQuoteButton'),
        onSubmit: async (values) => {
          const quote = await ctx.api.post<{ quoteId: string }>('/quotes', quoteBody(inquiry, values), {
            idempotencyKey: newIdempotencyKey(),
          });
          ctx.notify('info', t('inquiry.quoteCreated', { id: quote.quoteId }));
          ctx.navigate(`/quotes/${quote.quoteId}`);
        },
      }),
    );
  if (allowed.markLost)
    forms.push(
      actionForm(ctx, {
        label: t('inquiry.markLost'),
        fields: [
          field(t('inquiry.lostReasonField'), textarea('reason', '', { required: true, maxlength: 1000 })),
        ],
        submit: t('inquiry.markLostButton'),
        onSubmit: async (values) => {
          await ctx.api.post(
            `${path}/lost`,
            { reason: values.reason },
            { idempotencyKey: newIdempotencyKey() },
          );
          ctx.notify('info', t('inquiry.markedLost'));
          await reload();
        },
      }),
    );
  return forms;
}

/** `POST /quotes` for the inquiry: what the form gives; the rest the API takes from the inquiry. */
function quoteBody(inquiry: Inquiry, values: Record<string, string>) {
  const code = values.incoterm || inquiry.incoterm;
  const shipping = values.shipLine1 || values.shipCity || values.shipCountry || values.shipName;
  return {
    customerId: inquiry.customerId,
    inquiryId: inquiry.inquiryId,
    ...(values.currency ? { currency: values.currency.toUpperCase() } : {}),
    ...(values.place && code ? { incoterm: { code, place: values.place } } : {}),
    ...(shipping
      ? {
          shippingAddress: {
            name: values.shipName,
            line1: values.shipLine1,
            city: values.shipCity,
            country: values.shipCountry.toUpperCase(),
          },
        }
      : {}),
  };
}

/** One inquiry: what was asked, replies, quotes, timeline; reply, create a quote, or mark it lost. */
async function render(ctx: PageContext): Promise<void> {
  const load = async () => {
    const inquiry = await ctx.api.get<Inquiry>(`/inquiries/${encodeURIComponent(ctx.params.id)}`);
    ctx.setTitle?.(ctx.t('inquiry.heading', { id: inquiry.inquiryId }));
    ctx.root.replaceChildren(
      details(ctx, inquiry),
      h('div', { class: 'page-actions' }, actions(ctx, inquiry, load)),
      ...conversation(ctx, inquiry),
    );
  };
  await load();
}

export const inquiryPage: ConsolePage = {
  route: '/inquiries/:id',
  titleKey: 'inquiry.title',
  render,
  messages: salesMessages,
};
