import type { CreateQuoteBody, ReviseQuoteBody } from '../../contracts/quotes';
import type { Customer } from '../../domain/customer';
import { RateTable } from '../../domain/exchange-rates';
import type { Product } from '../../domain/inventory';
import { AmountFormatError, parseAmount } from '../../domain/money';
import type { Actor } from '../../domain/order';
import { priceQuote } from '../../domain/pricing/price-quote';
import { STANDARD_TEMPLATE } from '../../domain/pricing/pricing-settings';
import type { QuoteRevision, QuoteTerms } from '../../domain/quote';
import { InvalidInputError } from '../../errors';
import type { InventoryRepository } from '../../ports/inventory';
import type { PricingSettingsStore } from '../../ports/pricing-settings';

export interface PricingDeps {
  catalog: Pick<InventoryRepository, 'getProduct'>;
  pricing: PricingSettingsStore;
}

/** Products cost in EUR in the fixtures and the defaults' rate table: the currency of last resort. */
const FALLBACK_CURRENCY = 'EUR';

/**
 * A revision from what sales gave (`body`) over the revision before (`previous`, for a revision) and
 * the customer's and template's defaults, priced by the engine at today's rates. Refuses (400, naming
 * the field) an unknown template or sku, a price with too many decimals, a missing exchange rate.
 */
export async function buildRevision(
  deps: PricingDeps,
  input: {
    body: CreateQuoteBody | ReviseQuoteBody;
    customer: Customer;
    previous?: QuoteRevision;
    revision: number;
    by: Actor;
    now: string;
  },
): Promise<Omit<QuoteRevision, 'changes'>> {
  const { body, customer, previous, now } = input;
  const settings = await deps.pricing.get();
  const templateName = body.template ?? previous?.terms.template ?? STANDARD_TEMPLATE;
  const base = settings.templates[templateName];
  if (!base) {
    throw new InvalidInputError(
      `no quote template "${templateName}" (templates: ${Object.keys(settings.templates).join(', ')})`,
      'template',
      'UNKNOWN_TEMPLATE',
    );
  }
  // A revision keeps its own template values unless it moves to another template.
  const start = previous && previous.terms.template === templateName ? previous.template : base;
  const template = {
    ...start,
    ...(body.validityDays !== undefined ? { validityDays: body.validityDays } : {}),
    ...(body.leadTimeDays !== undefined ? { leadTimeDays: body.leadTimeDays } : {}),
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
  };
  const currency = body.currency ?? previous?.terms.currency ?? customer.currency ?? FALLBACK_CURRENCY;
  const incoterm = body.incoterm ?? previous?.terms.incoterm;
  const shippingAddress = body.shippingAddress ?? previous?.terms.shippingAddress;
  const lines = body.lines ?? previous?.terms.lines;
  // The contract requires these on a new quote; a revision inherits them.
  if (!incoterm || !shippingAddress || !lines)
    throw new Error('a quote revision without incoterm, address or lines');
  const buyerPo = body.buyerPo ?? previous?.terms.buyerPo;
  const terms: QuoteTerms = {
    currency,
    incoterm,
    shippingAddress,
    paymentTerms:
      body.paymentTerms ?? previous?.terms.paymentTerms ?? customer.paymentTerms ?? template.paymentTerms,
    template: templateName,
    lines: lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      ...(line.unitPrice !== undefined ? { unitPrice: String(line.unitPrice) } : {}),
    })),
    ...(buyerPo ? { buyerPo } : {}),
  };

  const products = new Map<string, Product>();
  for (const sku of new Set(terms.lines.map((line) => line.sku))) {
    const product = await deps.catalog.getProduct(sku);
    if (product) products.set(sku, product);
  }
  const pricing = priceQuote(
    {
      customerId: customer.customerId,
      currency,
      incoterm: incoterm.code,
      destinationCountry: shippingAddress.country,
      pricedOn: now.slice(0, 10),
      lines: terms.lines.map((line, index) => ({
        sku: line.sku,
        quantity: line.quantity,
        ...(line.unitPrice !== undefined ? { unitPrice: money(line.unitPrice, currency, index) } : {}),
      })),
    },
    products,
    settings,
    new RateTable(settings.exchangeRates),
  );
  return { revision: input.revision, createdAt: now, createdBy: input.by, terms, template, pricing };
}

function money(amount: string, currency: string, index: number) {
  try {
    return parseAmount(amount, currency);
  } catch (error) {
    if (error instanceof AmountFormatError)
      throw new InvalidInputError(error.message, `lines.${index}.unitPrice`);
    throw error;
  }
}
