import type { PageContext } from '../../shell/contract';
import { h, routeLink } from '../../ui/dom';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../../ui/format';
import { badge, section } from '../../ui/section';
import { facts, table } from '../../ui/table';
import { termsText } from '../customers/customer-model';
import { type ExplainStep, explainLine, type Quote, revisionRows } from './quote-model';

type Ctx = Pick<PageContext, 't' | 'language'>;

/** The quote's terms and the pricing context: rates with their dates, margins, adders. */
export function termsSection(ctx: Ctx, quote: Quote): HTMLElement {
  const { t, language } = ctx;
  const { pricing } = quote;
  const address = quote.shippingAddress;
  return section(
    t('quote.terms'),
    facts([
      [t('common.status'), t(`quotes.status.${quote.status}`)],
      [t('common.customer'), routeLink(`/customers/${quote.customerId}`, quote.customerId)],
      [
        t('quote.inquiry'),
        quote.inquiryId ? routeLink(`/inquiries/${quote.inquiryId}`, quote.inquiryId) : '—',
      ],
      [t('common.total'), formatMoney(quote.total, language)],
      [t('quote.incoterm'), `${quote.incoterm.code} ${quote.incoterm.place}`],
      [t('quote.paymentTerms'), termsText(quote.paymentTerms)],
      [
        t('quote.shipTo'),
        address ? `${address.name}, ${address.line1}, ${address.city}, ${address.country}` : '—',
      ],
      [
        t('quote.validity'),
        quote.validUntil
          ? formatDate(quote.validUntil, language)
          : quote.template?.validityDays
            ? t('quote.validityDays', { days: quote.template.validityDays })
            : '—',
      ],
      [t('quote.pricedOn'), formatDate(pricing.pricedOn, language)],
      [t('quote.zone'), [pricing.destinationCountry, pricing.zone].filter(Boolean).join(' · ')],
      [
        t('quote.col.margin'),
        t('quote.margins', {
          target: formatPercent(pricing.targetMarginPercent, language),
          floor: formatPercent(pricing.marginFloorPercent, language),
        }),
      ],
      [
        t('quote.rates'),
        pricing.exchangeRates.length === 0
          ? t('common.none')
          : h(
              'ul',
              null,
              pricing.exchangeRates.map((rate) =>
                h(
                  'li',
                  null,
                  t('quote.rate', {
                    from: rate.from,
                    to: rate.to,
                    rate: rate.rate,
                    date: formatDate(rate.effectiveFrom, language),
                  }),
                ),
              ),
            ),
      ],
    ]),
    h(
      'p',
      null,
      t('quote.adders', {
        freight: formatMoney(pricing.freightTotal, language),
        insurance: formatMoney(pricing.insuranceTotal, language),
        duties: formatMoney(pricing.dutiesTotal, language),
      }),
    ),
  );
}

function stepText(ctx: Ctx, step: ExplainStep): string {
  const value =
    step.money !== undefined
      ? formatMoney(step.money, ctx.language)
      : step.percent !== undefined
        ? formatPercent(step.percent, ctx.language)
        : '';
  return ctx.t(`quote.explain.${step.step}`, { value });
}

/** The lines, each with its price explained step by step and what needs approval. */
export function linesSection(ctx: Ctx, quote: Quote): HTMLElement {
  const { t, language } = ctx;
  return section(
    t('quote.lines'),
    table(
      t('quote.lines'),
      [
        { header: t('quote.col.line'), numeric: true, cell: (line) => line.lineNo },
        { header: t('common.sku'), rowHeader: true, cell: (line) => line.sku },
        {
          header: t('common.quantity'),
          numeric: true,
          cell: (line) => formatNumber(line.quantity, language),
        },
        {
          header: t('quote.col.unitPrice'),
          numeric: true,
          cell: (line) => formatMoney(line.unitPrice, language),
        },
        { header: t('common.amount'), numeric: true, cell: (line) => formatMoney(line.amount, language) },
        {
          header: t('quote.col.margin'),
          numeric: true,
          cell: (line) =>
            line.marginPercent === undefined ? '—' : formatPercent(Number(line.marginPercent), language),
        },
        {
          header: t('quote.col.explain'),
          cell: (line) => [
            h(
              'ol',
              { class: 'explain' },
              explainLine(line).map((step) => h('li', null, stepText(ctx, step))),
            ),
            line.needsApproval
              ? badge(t('quote.needsApproval', { reason: line.approvalReason ?? '' }), 'warn')
              : null,
          ],
        },
      ],
      quote.lines,
      { empty: '', rowClass: (line) => (line.needsApproval ? 'attention' : undefined) },
    ),
  );
}

/** Every revision, newest first, with what it changed and how it ended. */
export function revisionsSection(ctx: Ctx, quote: Quote): HTMLElement {
  const { t, language } = ctx;
  return section(
    t('quote.revisions'),
    table(
      t('quote.revisions'),
      [
        { header: t('quote.col.revision'), rowHeader: true, numeric: true, cell: (r) => r.revision },
        { header: t('common.status'), cell: (r) => t(`quotes.status.${r.status}`) },
        { header: t('common.total'), numeric: true, cell: (r) => formatMoney(r.total, language) },
        { header: t('common.created'), cell: (r) => formatDateTime(r.createdAt, language) },
        { header: t('common.by'), cell: (r) => r.createdBy.role ?? r.createdBy.id },
        {
          header: t('quote.col.changes'),
          cell: (r) =>
            h(
              'ul',
              { class: 'changes' },
              r.changes.map((change) => h('li', null, change)),
            ),
        },
      ],
      revisionRows(quote.history),
      { empty: '' },
    ),
  );
}
