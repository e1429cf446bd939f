import type { ConsolePage, PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { actionForm, field, input, newIdempotencyKey, textarea } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { section } from '../../ui/section';
import {
  acceptanceState,
  approvalState,
  linesNeedingApproval,
  type Quote,
  quoteActions,
} from './quote-model';
import { linesSection, revisionsSection, termsSection } from './quote-sections';
import { salesMessages } from './sales-messages';

type Reload = () => Promise<void>;

function approvalSection(ctx: PageContext, quote: Quote, reload: Reload): HTMLElement {
  const { t, language } = ctx;
  const state = approvalState(quote);
  const text =
    state === 'approved' && quote.approval
      ? t('quote.approval.approved', {
          by: quote.approval.by.role ?? quote.approval.by.id,
          at: formatDateTime(quote.approval.at, language),
        })
      : t(`quote.approval.${state}`, { count: linesNeedingApproval(quote).length });
  const approve = quoteActions(quote.status, ctx.role).approve
    ? actionForm(ctx, {
        label: t('quote.approve', { revision: quote.revision }),
        fields: [field(t('quote.approveNote'), input('note', { maxlength: 500 }))],
        submit: t('quote.approve', { revision: quote.revision }),
        onSubmit: async (values) => {
          await ctx.api.post(
            `/quotes/${quote.quoteId}/approve`,
            { revision: quote.revision, ...(values.note ? { note: values.note } : {}) },
            { idempotencyKey: newIdempotencyKey() },
          );
          ctx.notify('info', t('quote.approved'));
          await reload();
        },
      })
    : null;
  return section(
    t('quote.approval'),
    h('p', null, text),
    quote.approval?.note ? h('p', null, quote.approval.note) : null,
    approve,
  );
}

function acceptanceSection(ctx: PageContext, quote: Quote, reload: Reload): HTMLElement {
  const { t, language } = ctx;
  const acceptance = acceptanceState(quote);
  const text =
    acceptance.state === 'awaiting'
      ? t('quote.acceptance.awaiting', {
          sentAt: formatDateTime(acceptance.sentAt, language),
          validUntil: formatDateTime(acceptance.validUntil, language),
        })
      : acceptance.state === 'accepted'
        ? t('quote.acceptance.accepted', {
            at: formatDateTime(acceptance.at, language),
            revision: acceptance.revision,
          })
        : acceptance.state === 'expired'
          ? t('quote.acceptance.expired', { at: formatDateTime(acceptance.at, language) })
          : t('quote.acceptance.not-sent');
  const send = quoteActions(quote.status, ctx.role).send
    ? actionForm(ctx, {
        label: quote.status === 'SENT' ? t('quote.sendAgain') : t('quote.send'),
        fields: [field(t('quote.sendMessage'), textarea('message', '', { maxlength: 2000 }))],
        submit: quote.status === 'SENT' ? t('quote.sendAgain') : t('quote.send'),
        onSubmit: async (values) => {
          await ctx.api.post(
            `/quotes/${quote.quoteId}/send`,
            values.message ? { message: values.message } : {},
            { idempotencyKey: newIdempotencyKey() },
          );
          ctx.notify('info', t('quote.sent'));
          await reload();
        },
      })
    : null;
  return section(
    t('quote.acceptance'),
    h('p', null, text),
    acceptance.state === 'accepted'
      ? h(
          'p',
          null,
          routeLink(`/orders/${acceptance.orderId}`, t('quote.openOrder', { id: acceptance.orderId })),
        )
      : null,
    acceptance.state === 'awaiting' ? h('p', { class: 'hint' }, t('quote.linkNote')) : null,
    send,
  );
}

function reviseForm(ctx: PageContext, quote: Quote): HTMLElement | null {
  const { t } = ctx;
  if (!quoteActions(quote.status, ctx.role).revise) return null;
  return actionForm(ctx, {
    label: t('quote.revise'),
    fields: [
      h('p', { class: 'hint' }, t('quote.reviseHint')),
      quote.lines.map((line) => [
        field(
          t('quote.quantityOf', { sku: line.sku }),
          input(`quantity-${line.lineNo}`, {
            type: 'number',
            min: 1,
            step: 1,
            required: true,
            value: line.quantity,
          }),
        ),
        field(
          t('quote.priceOf', { sku: line.sku }),
          input(`price-${line.lineNo}`, {
            inputmode: 'decimal',
            value: line.basis === 'manual' ? line.goodsUnitPrice.amount : '',
          }),
          t('quote.priceHint'),
        ),
      ]),
      field(t('quote.reviseReason'), input('reason', { maxlength: 500 })),
    ],
    submit: t('quote.reviseButton'),
    onSubmit: async (values) => {
      const lines = quote.lines.map((line) => ({
        sku: line.sku,
        quantity: Number(values[`quantity-${line.lineNo}`]),
        ...(values[`price-${line.lineNo}`] ? { unitPrice: values[`price-${line.lineNo}`] } : {}),
      }));
      const revised = await ctx.api.post<Quote>(
        `/quotes/${quote.quoteId}/revisions`,
        { lines, ...(values.reason ? { reason: values.reason } : {}) },
        { idempotencyKey: newIdempotencyKey() },
      );
      ctx.notify('info', t('quote.revised', { revision: revised.revision }));
      await render(ctx);
    },
  });
}

/** One quote: its terms and pricing explained, approval, the buyer's acceptance, revisions; approve, send, revise. */
async function render(ctx: PageContext): Promise<void> {
  const quote = await ctx.api.get<Quote>(`/quotes/${encodeURIComponent(ctx.params.id)}`);
  const reload = () => render(ctx);
  ctx.setTitle?.(ctx.t('quote.heading', { id: quote.quoteId, revision: quote.revision }));
  ctx.root.replaceChildren(
    termsSection(ctx, quote),
    approvalSection(ctx, quote, reload),
    acceptanceSection(ctx, quote, reload),
    linesSection(ctx, quote),
    reviseForm(ctx, quote) ?? '',
    revisionsSection(ctx, quote),
  );
}

export const quotePage: ConsolePage = {
  route: '/quotes/:id',
  titleKey: 'quote.title',
  roles: ['sales', 'finance', 'admin', 'sales-manager'],
  render,
  messages: salesMessages,
};
