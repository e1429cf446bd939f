import type { DomainEvent } from '../contracts/events';
import type { Customer } from '../domain/customer';
import type { Order } from '../domain/order';
import { type Language, languageFor } from '../locale/language';
import type { BuyerCatalog, BuyerEmailInput, BuyerEmailType, BuyerLinks } from './buyer-catalog';
import { en } from './en';
import { formatterFor } from './format';
import { type EmailContent, link, type RenderedEmail, renderEmail } from './layout';
import { zhCN } from './zh-CN';

export { escapeHtml, type RenderedEmail } from './layout';

/** The one catalog of buyer emails: every language's templates (test/unit/email checks they match). */
export const BUYER_CATALOGS: Record<Language, BuyerCatalog> = { en, 'zh-CN': zhCN };

/** The catalog for a BCP 47 tag (`zh`, `zh-Hans`, `zh-CN` → Simplified Chinese), falling back to English. */
export function catalogFor(language: string | undefined): BuyerCatalog {
  return BUYER_CATALOGS[languageFor(language)];
}

export type BuyerEvent = DomainEvent<BuyerEmailType>;

/**
 * The buyer's email for a change, in HTML and text: the words from the customer's language catalog,
 * amounts and dates formatted for the customer's locale, and the order's tracking page at the end. Pure.
 */
export function renderBuyerEmail(
  event: BuyerEvent,
  order: Order,
  customer: Customer,
  links: BuyerLinks,
): RenderedEmail {
  const catalog = catalogFor(customer.language);
  const input = { detail: event.detail, order, customer, fmt: formatterFor(customer.language), links };
  return renderEmail(templateFor(catalog, event.type)(input), {
    opening: catalog.opening(customer),
    closing: catalog.closing,
    footer: [link(catalog.trackingPage, links.trackingPage)],
    lang: catalog.language,
  });
}

/** The template of a type; a DomainEvent's type and detail travel together, so its detail fits. */
function templateFor<T extends BuyerEmailType>(catalog: BuyerCatalog, type: T) {
  return catalog.templates[type] as (input: BuyerEmailInput<T>) => EmailContent;
}
