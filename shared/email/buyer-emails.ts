import type { DomainEvent } from '../contracts/events';
import type { Customer } from '../domain/customer';
import type { Order } from '../domain/order';
import type { BuyerCatalog, BuyerEmailInput, BuyerEmailType } from './buyer-catalog';
import { en } from './en';
import { formatterFor } from './format';
import { type EmailContent, type RenderedEmail, renderEmail } from './layout';

export { escapeHtml, type RenderedEmail } from './layout';

/** The catalogs by primary language subtag; a language missing here is written in English. */
const CATALOGS: Record<string, BuyerCatalog> = { en };

/** The catalog for a BCP 47 tag: `zh-CN` → `zh`, falling back to English. */
export function catalogFor(language: string | undefined): BuyerCatalog {
  const primary = (language ?? '').split('-')[0].toLowerCase();
  return CATALOGS[primary] ?? en;
}

export type BuyerEvent = DomainEvent<BuyerEmailType>;

/**
 * The buyer's email for a change, in HTML and text: the words from the customer's language catalog,
 * amounts and dates formatted for the customer's locale. Pure.
 */
export function renderBuyerEmail(event: BuyerEvent, order: Order, customer: Customer): RenderedEmail {
  const catalog = catalogFor(customer.language);
  const input = { detail: event.detail, order, customer, fmt: formatterFor(customer.language) };
  return renderEmail(templateFor(catalog, event.type)(input), {
    opening: catalog.opening(customer),
    closing: catalog.closing,
  });
}

/** The template of a type; a DomainEvent's type and detail travel together, so its detail fits. */
function templateFor<T extends BuyerEmailType>(catalog: BuyerCatalog, type: T) {
  return catalog.templates[type] as (input: BuyerEmailInput<T>) => EmailContent;
}
