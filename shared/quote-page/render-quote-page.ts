import { formatterFor } from '../email/format';
import { escapeHtml } from '../email/layout';
import type { BuyerQuoteView } from '../email/quotes/buyer-quote-view';
import { QUOTE_WORDS, type QuoteWords } from '../email/quotes/quote-words';
import { LANGUAGES, type Language, languageFor } from '../locale/language';
import { page, rows, section } from '../tracking-page/render-page';

/**
 * The page behind a quote's acceptance link, and the pages its form answers with: small HTML
 * documents with inline styles only and no script (the CSP allows nothing else), in the customer's
 * language. Everything shown is escaped here; the view (buyerQuoteView) holds nothing internal.
 */

const e = escapeHtml;
const EXTRA_STYLE =
  '<style>table.lines th,table.lines td{border-bottom:1px solid #e4e7eb}td.n,th.n{text-align:right}' +
  'form{margin:20px 0}button{font-size:1.05em;padding:10px 20px;background:#0b69a3;color:#fff;border:0;border-radius:6px;cursor:pointer}' +
  '.ok{background:#e3f9e5;border-left:4px solid #31b237;padding:8px 12px}</style>';

export interface QuotePageOptions {
  /** The form's action and the proforma's link, relative to the page. */
  acceptAction: string;
  proformaUrl: string;
  token: string;
  /** Whether the button is shown; otherwise `notice` says why not. */
  state: 'acceptable' | 'accepted' | 'expired' | 'closed';
  orderId?: string;
}

export function renderQuotePage(
  view: BuyerQuoteView,
  customerLanguage: string | undefined,
  options: QuotePageOptions,
): string {
  const language = languageFor(customerLanguage);
  const words = QUOTE_WORDS[language];
  const fmt = formatterFor(customerLanguage);
  const label = words.labels;
  const validUntil = view.validUntil ? fmt.date(view.validUntil) : '';

  const summary = rows([
    [label.quotation, e(`${view.quoteId}, ${label.revision(view.revision)}`)],
    [label.total, `<strong>${e(fmt.money(view.total))}</strong>`],
    [label.incoterm, e(words.incotermText(view.incoterm.code, view.incoterm.place))],
    [label.shipTo, e(`${view.shipTo.city}, ${view.shipTo.country}`)],
    validUntil && [label.validUntil, `<strong>${e(validUntil)}</strong>`],
    [label.leadTime, e(words.leadTimeDays(view.leadTimeDays))],
    [label.paymentTerms, e(words.paymentTerms(view.paymentTerms))],
    view.buyerPo && [label.yourReference, e(view.buyerPo)],
  ]);

  const lineRows = view.lines
    .map(
      (line) =>
        `<tr><td>${e(line.sku)}</td><td class="n">${e(String(line.quantity))}</td>` +
        `<td class="n">${e(fmt.money(line.unitPrice))}</td><td class="n">${e(fmt.money(line.amount))}</td></tr>`,
    )
    .join('');
  const items = section(
    label.items,
    `<table class="lines"><tr><th>${e(label.sku)}</th><th class="n">${e(label.quantity)}</th>` +
      `<th class="n">${e(label.unitPrice)}</th><th class="n">${e(label.amount)}</th></tr>${lineRows}` +
      `<tr><th colspan="3">${e(label.total)}</th><td class="n"><strong>${e(fmt.money(view.total))}</strong></td></tr></table>`,
  );
  const { freight, insurance, duties } = view.included;
  const charges =
    freight || insurance || duties
      ? `<p class="muted">${e(
          words.chargesIncluded({
            ...(freight ? { freight: fmt.money(freight) } : {}),
            ...(insurance ? { insurance: fmt.money(insurance) } : {}),
            ...(duties ? { duties: fmt.money(duties) } : {}),
          }),
        )}</p>`
      : '';
  const rates = view.exchangeRates
    .map((rate) => `<p class="muted">${e(words.rateUsed(rate.pair, rate.effectiveFrom))}</p>`)
    .join('');
  const terms = section(label.terms, `<p>${e(view.terms)}</p>${view.notes ? `<p>${e(view.notes)}</p>` : ''}`);
  const proforma = `<p><a href="${e(options.proformaUrl)}">${e(words.proformaLink.replace(/[:：]$/, ''))}</a></p>`;

  return page(language, words.title(view.quoteId), [
    EXTRA_STYLE,
    `<h1>${e(words.title(view.quoteId))}</h1>`,
    `<p class="muted">${e(words.intro)}</p>`,
    stateNotice(words, options, validUntil),
    summary,
    items,
    charges,
    rates,
    terms,
    proforma,
    options.state === 'acceptable' ? acceptForm(words, options) : '',
    `<p class="muted">${e(words.footer)}</p>`,
  ]);
}

function stateNotice(words: QuoteWords, options: QuotePageOptions, validUntil: string): string {
  switch (options.state) {
    case 'accepted':
      return `<p class="ok" role="status">${e(words.accepted.text(options.orderId ?? ''))}</p>`;
    case 'expired':
      return `<p class="alert" role="alert">${e(words.expired.text(validUntil))}</p>`;
    case 'closed':
      return `<p class="alert" role="alert">${e(words.notOpen.text)}</p>`;
    default:
      return '';
  }
}

/** A plain form: the token in a hidden field, POSTed to the acceptance route (urlencoded). */
function acceptForm(words: QuoteWords, options: QuotePageOptions): string {
  return (
    `<form method="post" action="${e(options.acceptAction)}">` +
    `<input type="hidden" name="token" value="${e(options.token)}">` +
    `<p>${e(words.acceptHint)}</p><button type="submit">${e(words.acceptButton)}</button></form>`
  );
}

/** The page after the form: the quote accepted (its order), expired, or not open for acceptance. */
export function renderAcceptResultPage(
  customerLanguage: string | undefined,
  result:
    | { kind: 'accepted'; quoteId: string; orderId: string }
    | { kind: 'expired'; quoteId: string; validUntil?: string }
    | { kind: 'closed'; quoteId: string },
): string {
  const language = languageFor(customerLanguage);
  const words = QUOTE_WORDS[language];
  const fmt = formatterFor(customerLanguage);
  const [title, text, css] =
    result.kind === 'accepted'
      ? [words.accepted.title, words.accepted.text(result.orderId), 'ok']
      : result.kind === 'expired'
        ? [
            words.expired.title,
            words.expired.text(result.validUntil ? fmt.date(result.validUntil) : ''),
            'alert',
          ]
        : [words.notOpen.title, words.notOpen.text, 'alert'];
  return page(language, `${title} · ${words.title(result.quoteId)}`, [
    EXTRA_STYLE,
    `<h1>${e(title)}</h1>`,
    `<p class="${css}" role="status">${e(text)}</p>`,
    `<p class="muted">${e(words.title(result.quoteId))}</p>`,
    `<p class="muted">${e(words.footer)}</p>`,
  ]);
}

/**
 * A link that opens nothing, or a superseded revision's (`revised`: the only thing it says is that a
 * newer revision exists). Without a customer to take a language from, every buyer language.
 */
export function renderQuoteNotFoundPage(
  kind: 'notFound' | 'revised' = 'notFound',
  customerLanguage?: string,
): string {
  const languages: readonly Language[] = customerLanguage ? [languageFor(customerLanguage)] : LANGUAGES;
  const texts = languages.map((language) => QUOTE_WORDS[language][kind]);
  return page(languages[0], texts.map((text) => text.title).join(' · '), [
    ...texts.map(
      (text, index) =>
        `<section lang="${languages[index]}"><h1>${e(text.title)}</h1><p>${e(text.text)}</p></section>`,
    ),
  ]);
}
