import { addressLines } from '../../documents/build-documents';
import type { CompanyDetails } from '../../documents/company-details';
import { type ProformaInput, proformaDocument } from '../../documents/proforma';
import { renderDocumentPdf } from '../../documents/render-pdf';
import type { Customer } from '../../domain/customer';
import type { Product } from '../../domain/inventory';
import { formatAmount, type Money } from '../../domain/money';
import type { Quote } from '../../domain/quote';
import { buyerQuoteView } from '../../email/quotes/buyer-quote-view';
import { enPaymentTerms } from '../../email/quotes/quote-words';
import type { CompanyDetailsStore } from '../../ports/company-details';
import type { InventoryRepository } from '../../ports/inventory';
import type { KeptPdfs } from '../../ports/pdf-links';

/** The proforma of a quote revision: `PI-<quote id without its prefix>-<revision>`. */
export const quoteProformaNumber = (quote: Quote) =>
  `PI-${quote.quoteId.replace(/^quo_/, '')}-${quote.current.revision}`;

/**
 * The proforma invoice of a quote's current revision, as plain figures for proformaDocument: the
 * buyer's view of it (buyerQuoteView: no costs or margins), the products' names, HS codes, origins
 * and weights, the exporter from the company details. Unit prices are all-in (goods and the
 * Incoterm's adders), so freight and insurance are not added again: the document says they are
 * included, and a note gives the amounts. In English, as every trade document is.
 */
export function quoteProformaInput(
  quote: Quote,
  company: CompanyDetails,
  products: ReadonlyMap<string, Product>,
  customer: Customer | undefined,
): ProformaInput {
  const view = buyerQuoteView(quote);
  const ship = quote.current.terms.shippingAddress;
  const name = customer?.company ?? ship.name;
  const money = (m: Money) => `${m.currency} ${formatAmount(m)}`;
  const { freight, insurance, duties } = view.included;
  const included = [
    freight && `freight ${money(freight)}`,
    insurance && `insurance ${money(insurance)}`,
    duties && `duties ${money(duties)}`,
  ].filter(Boolean);
  return {
    number: quoteProformaNumber(quote),
    date: (quote.current.sent?.at ?? quote.current.createdAt).slice(0, 10),
    version: quote.current.revision,
    reference: { label: 'Quote', value: `${view.quoteId} (revision ${view.revision})` },
    company,
    consignee: {
      name,
      ...(name !== ship.name ? { attention: ship.name } : {}),
      addressLines: addressLines(ship),
      country: ship.country,
    },
    ...(view.buyerPo ? { buyerPo: view.buyerPo } : {}),
    incoterm: view.incoterm,
    paymentTerms: enPaymentTerms(view.paymentTerms),
    currency: view.currency,
    lines: view.lines.map((line) => {
      const product = products.get(line.sku);
      return {
        sku: line.sku,
        description: product?.name ?? line.sku,
        ...(product?.hsCode ? { hsCode: product.hsCode } : {}),
        ...(product?.originCountry ? { originCountry: product.originCountry } : {}),
        quantity: line.quantity,
        ...(product?.unit ? { unit: product.unit } : {}),
        unitPrice: line.unitPrice,
        ...(product?.netWeightKg !== undefined ? { unitNetWeightKg: product.netWeightKg } : {}),
        ...(product?.grossWeightKg !== undefined ? { unitGrossWeightKg: product.grossWeightKg } : {}),
      };
    }),
    ...(view.validUntil ? { validUntil: view.validUntil.slice(0, 10) } : {}),
    notes: [
      ...(included.length ? [`Unit prices include ${included.join(', ')}.`] : []),
      ...view.exchangeRates.map(
        (rate) => `Converted at ${rate.pair}, the rate in effect from ${rate.effectiveFrom}.`,
      ),
      `Lead time: ${view.leadTimeDays} days from order confirmation.`,
      view.terms,
      ...(view.notes ? [view.notes] : []),
    ],
  };
}

export interface QuoteProformaDeps {
  catalog: Pick<InventoryRepository, 'getProduct'>;
  company: Pick<CompanyDetailsStore, 'get'>;
}

/** The PDF of a quote's proforma invoice (rendered on request: the quote's figures never change). */
export function makeRenderQuoteProforma(deps: QuoteProformaDeps) {
  return async (quote: Quote, customer: Customer | undefined) => {
    const products = new Map<string, Product>();
    for (const sku of new Set(quote.current.pricing.lines.map((line) => line.sku))) {
      const product = await deps.catalog.getProduct(sku);
      if (product) products.set(sku, product);
    }
    const input = quoteProformaInput(quote, await deps.company.get(), products, customer);
    return {
      filename: `${input.number}.pdf`,
      bytes: await renderDocumentPdf(proformaDocument(input)),
    };
  };
}

/** Where a quote revision's proforma is kept in the documents bucket: one PDF per revision. */
export const quoteProformaKey = (quote: Quote) =>
  `quotes/${quote.quoteId}/r${quote.current.revision}/proforma.pdf`;

export interface QuoteProformaAnswerDeps extends QuoteProformaDeps {
  pdfs: KeptPdfs;
}

export type QuoteProformaAnswer = { filename: string } & ({ bytes: Uint8Array } | { url: string });

/**
 * The proforma of a quote's current revision, for its link: rendered once per revision and kept in
 * the documents bucket (written only if absent, so racing requests keep one), then its bytes when the
 * caller asked for a PDF, else a short-lived presigned link for the browser (API Gateway would send
 * the bytes to a browser's Accept as base64 text). Every later request serves the kept PDF.
 */
export function makeQuoteProformaAnswer(deps: QuoteProformaAnswerDeps) {
  const render = makeRenderQuoteProforma(deps);
  return async (
    quote: Quote,
    customer: () => Promise<Customer | undefined>,
    answer: { asBytes: boolean },
  ): Promise<QuoteProformaAnswer> => {
    const key = quoteProformaKey(quote);
    const filename = `${quoteProformaNumber(quote)}.pdf`;
    const kept = answer.asBytes ? await deps.pdfs.read(key) : undefined;
    if (kept) return { filename, bytes: kept };
    if (answer.asBytes || !(await deps.pdfs.has(key))) {
      const { bytes } = await render(quote, await customer());
      await deps.pdfs.keep(key, bytes);
      if (answer.asBytes) return { filename, bytes: (await deps.pdfs.read(key)) ?? bytes };
    }
    return { filename, url: await deps.pdfs.link(key, filename) };
  };
}
