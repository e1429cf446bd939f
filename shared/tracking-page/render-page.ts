import { type Formatter, formatterFor } from '../email/format';
import { escapeHtml, safeUrl } from '../email/layout';
import { DOCUMENT_NAMES } from '../locale/document-names';
import { LANGUAGES, type Language, languageFor } from '../locale/language';
import { PAGE_WORDS } from './page-words';
import { SHIPMENT_WORDS } from './shipment-words';
import type { TrackingView } from './tracking-view';

/**
 * The tracking page as one small HTML document: no script, inline styles only (the page's CSP allows
 * nothing else), readable on a phone. Everything shown is escaped here; links are http(s) only.
 */
export function renderTrackingPage(view: TrackingView, customerLanguage: string | undefined): string {
  const language = languageFor(customerLanguage);
  const words = PAGE_WORDS[language];
  const fmt = formatterFor(customerLanguage);
  const label = words.labels;
  const e = escapeHtml;

  const summary = rows([
    [label.status, `<strong>${e(words.statuses[view.status])}</strong>`],
    view.buyerPo && [label.yourPo, e(view.buyerPo)],
    [label.placedOn, e(fmt.date(view.placedAt))],
    [label.shipTo, e(`${view.shipTo.city}, ${countryName(view.shipTo.country, fmt)}`)],
    [label.items, view.lines.map((line) => e(`${line.quantity} × ${line.sku}`)).join('<br>')],
    [label.total, e(fmt.money(view.total))],
    view.eta && !view.deliveredAt && [label.eta, `<strong>${e(fmt.date(view.eta))}</strong>`],
    view.deliveredAt && [label.deliveredOn, e(fmt.date(view.deliveredAt))],
  ]);

  const bookingRows = (shipment: NonNullable<TrackingView['shipment']>, eta: string | undefined): Row[] => {
    const carrierLink = safeUrl(shipment.trackingUrl);
    return [
      [label.carrier, e(shipment.carrier)],
      shipment.vesselOrFlight && [
        shipment.mode === 'AIR' ? label.flight : label.vessel,
        e(shipment.vesselOrFlight),
      ],
      [words.transportDocuments[shipment.mode] ?? shipment.mode, e(shipment.transportDocumentNo)],
      [
        label.trackingNumber,
        carrierLink
          ? `<a href="${e(carrierLink)}" rel="noopener noreferrer">${e(shipment.trackingNumber)}</a> (${e(label.trackAtCarrier)})`
          : e(shipment.trackingNumber),
      ],
      [label.etd, e(fmt.date(shipment.etd))],
      [label.eta, e(fmt.date(eta ?? shipment.eta))],
      shipment.portOfLoading && [label.portOfLoading, e(shipment.portOfLoading)],
      shipment.portOfDischarge && [label.portOfDischarge, e(shipment.portOfDischarge)],
    ];
  };
  const updateList = (updates: TrackingView['carrierUpdates']) =>
    `<ol class="events">${updates
      .map(
        (update) =>
          `<li><time>${e(fmt.dateTime(update.at))}</time> ${e(words.carrierStatuses[update.status])}` +
          (update.location ? ` · ${e(update.location)}` : '') +
          (update.newEta ? ` · ${e(label.newEta)}: ${e(fmt.date(update.newEta))}` : '') +
          '</li>',
      )
      .join('')}</ol>`;
  const documentList = (documents: TrackingView['documents']) =>
    `<ul>${documents
      .map(
        (document) =>
          `<li><a href="${e(document.url)}">${e(DOCUMENT_NAMES[language][document.kind])} ${e(document.number)}</a> (PDF, ${e(fmt.date(document.issuedAt))})</li>`,
      )
      .join('')}</ul>`;

  // An order shipped in parts: a section per shipment, each with its booking, updates and documents.
  const parts = SHIPMENT_WORDS[language];
  const shipmentSections = (view.shipments ?? []).map((part) =>
    section(
      parts.title(part.shipmentNo),
      rows([
        [parts.status, `<strong>${e(parts.statuses[part.status])}</strong>`],
        [parts.contents, part.lines.map((line) => e(`${line.quantity} × ${line.sku}`)).join('<br>')],
        ...(part.booking ? bookingRows(part.booking, part.eta) : []),
        part.deliveredAt && [label.deliveredOn, e(fmt.date(part.deliveredAt))],
      ]) +
        (part.exception
          ? `<p class="alert" role="alert">${e(words.exceptions[part.exception.type])}</p>`
          : '') +
        (part.carrierUpdates.length
          ? `<h3>${e(label.carrierUpdates)}</h3>${updateList(part.carrierUpdates)}`
          : '') +
        (part.documents.length ? `<h3>${e(label.documents)}</h3>${documentList(part.documents)}` : ''),
    ),
  );

  const shipment = view.shipment;
  const shipmentSection =
    shipment && !view.shipments ? section(label.shipment, rows(bookingRows(shipment, view.eta))) : '';

  const updates =
    view.carrierUpdates.length && !view.shipments
      ? section(label.carrierUpdates, updateList(view.carrierUpdates))
      : '';

  const timeline = section(
    label.timeline,
    `<ol class="events">${view.timeline
      .map((entry) => `<li><time>${e(fmt.dateTime(entry.at))}</time> ${e(words.statuses[entry.status])}</li>`)
      .join('')}</ol>`,
  );

  const documents = section(
    label.documents,
    view.documents.length ? documentList(view.documents) : `<p>${e(label.noDocuments)}</p>`,
  );

  const exception = view.exception
    ? `<p class="alert" role="alert">${e(words.exceptions[view.exception.type])}</p>`
    : '';

  return page(language, words.title(view.orderId), [
    `<h1>${e(words.title(view.orderId))}</h1>`,
    `<p class="muted">${e(words.intro)}</p>`,
    exception,
    summary,
    ...(view.shipments ? [`<p class="muted">${e(parts.intro)}</p>`, ...shipmentSections] : []),
    shipmentSection,
    updates,
    timeline,
    documents,
    `<p class="muted">${e(words.footer)}</p>`,
  ]);
}

/**
 * The page for a link that opens nothing: the same for every such link (unknown, malformed or
 * withdrawn), in every buyer language since there is no order to take one from.
 */
export function renderNotFoundPage(): string {
  const texts = LANGUAGES.map((language) => PAGE_WORDS[language].notFound);
  return page('en', texts.map((text) => text.title).join(' · '), [
    ...texts.map(
      (text, index) =>
        `<section lang="${LANGUAGES[index]}"><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.text)}</p></section>`,
    ),
  ]);
}

export type Row = [label: string, html: string] | undefined | false | '' | null;

export function rows(entries: Row[]): string {
  const kept = entries.filter((entry): entry is [string, string] => Boolean(entry));
  return `<table>${kept.map(([label, html]) => `<tr><th>${escapeHtml(label)}</th><td>${html}</td></tr>`).join('')}</table>`;
}

export function section(title: string, body: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function countryName(code: string, fmt: Formatter): string {
  try {
    return new Intl.DisplayNames([fmt.locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const STYLE = [
  'body{margin:0;padding:16px;font-family:Arial,"PingFang SC","Microsoft YaHei",sans-serif;font-size:16px;line-height:1.5;color:#1f2933;background:#f5f7fa}',
  'main{max-width:640px;margin:0 auto;background:#fff;padding:16px 20px;border-radius:8px}',
  'h1{font-size:1.4em;margin:0 0 4px}h2{font-size:1.1em;margin:24px 0 8px;border-bottom:1px solid #e4e7eb}',
  'table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:4px 8px 4px 0}',
  'th{font-weight:normal;color:#52606d;width:40%}ol.events{padding-left:20px}time{color:#52606d}',
  '.muted{color:#52606d;font-size:.9em}.alert{background:#fff3c4;border-left:4px solid #f0b429;padding:8px 12px}',
  'a{color:#0b69a3;word-break:break-all}',
].join('');

export function page(language: Language, title: string, parts: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><main>${parts.filter(Boolean).join('\n')}</main></body></html>`,
  ].join('\n');
}
