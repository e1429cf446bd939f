import type { Quote } from '../../domain/quote';
import { languageFor } from '../../locale/language';
import { formatterFor } from '../format';
import { facts, link, list, paragraph, type RenderedEmail, renderEmail } from '../layout';
import { buyerQuoteView } from './buyer-quote-view';
import { QUOTE_WORDS } from './quote-words';

/**
 * The quote as the buyer gets it, in the customer's language (en, zh-CN; others read English, as the
 * buyer-email catalog does) with amounts and dates in the customer's locale: the figures of the
 * proforma invoice, the rates used, the terms, and the links (accept online; the proforma PDF).
 * Only what buyerQuoteView shows: never a cost, a margin or an approval note.
 */
export function quoteEmail(
  quote: Quote,
  links: { accept: string; proforma?: string },
  options: { buyerName: string; language?: string; message?: string },
): RenderedEmail {
  const language = languageFor(options.language);
  const words = QUOTE_WORDS[language];
  const fmt = formatterFor(options.language);
  const view = buyerQuoteView(quote);
  const label = words.labels;
  const validUntil = view.validUntil ? fmt.date(view.validUntil) : '';
  const included = view.included;
  const hasCharges = included.freight || included.insurance || included.duties;
  return renderEmail(
    {
      subject: words.subject(view.quoteId, view.revision, fmt.money(view.total), validUntil),
      blocks: [
        ...(options.message ? [paragraph(options.message)] : []),
        facts(
          { label: label.quotation, value: `${view.quoteId}, ${label.revision(view.revision)}` },
          { label: label.total, value: fmt.money(view.total) },
          { label: label.incoterm, value: words.incotermText(view.incoterm.code, view.incoterm.place) },
          { label: label.validUntil, value: validUntil },
          { label: label.leadTime, value: words.leadTimeDays(view.leadTimeDays) },
          { label: label.paymentTerms, value: words.paymentTerms(view.paymentTerms) },
          view.buyerPo && { label: label.yourReference, value: view.buyerPo },
        ),
        list(
          view.lines.map(
            (line) =>
              `${line.sku} × ${line.quantity} @ ${fmt.money(line.unitPrice)} = ${fmt.money(line.amount)}`,
          ),
        ),
        ...(hasCharges
          ? [
              paragraph(
                words.chargesIncluded({
                  ...(included.freight ? { freight: fmt.money(included.freight) } : {}),
                  ...(included.insurance ? { insurance: fmt.money(included.insurance) } : {}),
                  ...(included.duties ? { duties: fmt.money(included.duties) } : {}),
                }),
              ),
            ]
          : []),
        ...view.exchangeRates.map((rate) => paragraph(words.rateUsed(rate.pair, rate.effectiveFrom))),
        paragraph(view.terms),
        ...(view.notes ? [paragraph(view.notes)] : []),
        link(words.acceptLink, links.accept),
        ...(links.proforma ? [link(words.proformaLink, links.proforma)] : []),
      ],
    },
    { opening: words.opening(options.buyerName), closing: words.closing, lang: language },
  );
}
