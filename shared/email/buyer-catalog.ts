import type { EventDetail } from '../contracts/events';
import type { Customer } from '../domain/customer';
import { type Money, parseAmount } from '../domain/money';
import { subtract, zero } from '../domain/money-math';
import type { Order } from '../domain/order';
import type { Language } from '../locale/language';
import type { BuyerDocumentKind } from '../tracking-page/buyer-documents';
import type { Formatter, MoneyText } from './format';
import type { EmailContent } from './layout';

/**
 * The changes a buyer gets an email for (the `buyer-notifications` rule routes exactly these). An order
 * that passes its credit review is confirmed within seconds, so the confirmation is the buyer's first
 * email; only an order held for review gets a "received, we will confirm shortly" email first (CreditHeld,
 * worded without credit talk). Each email costs money (SES bills per recipient): none says nothing new.
 */
export const BUYER_EMAIL_TYPES = [
  'CreditHeld',
  'OrderRejected',
  'OrderConfirmed',
  'DepositReceived',
  'PaymentReceived',
  'ShipmentDispatched',
  'ShipmentExceptionOpened',
  'OrderDelivered',
  /** One shipment of an order shipped in parts arrived (the whole order's arrival is OrderDelivered). */
  'ShipmentDelivered',
  'PaymentDue',
  'PaymentOverdue',
  'OrderCancelled',
] as const;
export type BuyerEmailType = (typeof BUYER_EMAIL_TYPES)[number];

export function isBuyerEmailType(type: string): type is BuyerEmailType {
  return (BUYER_EMAIL_TYPES as readonly string[]).includes(type);
}

/**
 * A change whose news another email of the same moment already gives: the payment that completes the
 * deposit is told by the DepositReceived email published with it, not by a second one.
 */
export function toldByAnotherEmail(event: { type: string; detail: object }): boolean {
  return event.type === 'PaymentReceived' && 'coversDeposit' in event.detail && !!event.detail.coversDeposit;
}

/** The buyer is reminded of an overdue payment from escalation level 3 on; levels 1–2 are for staff. */
export const BUYER_REMINDER_LEVEL = 3;

/** A change whose email is not for the buyer: an overdue payment below the buyer's reminder level. */
export function notForTheBuyer(event: { type: string; detail: object }): boolean {
  return (
    event.type === 'PaymentOverdue' &&
    'level' in event.detail &&
    Number(event.detail.level) < BUYER_REMINDER_LEVEL
  );
}

/** Where an email sends the buyer: the order's public tracking page, and documents through it. */
export interface BuyerLinks {
  trackingPage: string;
  /** Documents issued so far that this email links to (the shipment email: invoice and packing list). */
  documents: { kind: BuyerDocumentKind; number: string; url: string }[];
}

/**
 * What a template gets: the change (the event's detail), the order as it is now, its buyer, the
 * formatter of the buyer's locale and the links of the order.
 */
export interface BuyerEmailInput<T extends BuyerEmailType> {
  detail: EventDetail<T>;
  order: Order;
  customer: Customer;
  fmt: Formatter;
  links: BuyerLinks;
}

export type BuyerTemplates = { [T in BuyerEmailType]: (input: BuyerEmailInput<T>) => EmailContent };

/**
 * One language's buyer emails. Adding a language is adding one of these (words only: amounts and dates
 * are formatted for the customer's locale whatever the language), a `Language` (shared/locale) and
 * its entry in buyer-emails.ts; test/unit/email/buyer-catalog.test.ts then checks it covers every
 * type and every fact of the English emails.
 */
export interface BuyerCatalog {
  language: Language;
  opening(customer: Customer): string;
  closing: string[];
  /** The words of the tracking-page link every email ends with. */
  trackingPage: string;
  templates: BuyerTemplates;
}

/**
 * What is still to pay on the order once `paid` is counted; undefined when it cannot be worked out
 * exactly (another currency, an unreadable amount), so templates leave the line out rather than guess.
 */
export function stillToPay(order: Order, paid: Money | MoneyText | undefined): Money | undefined {
  const currency = order.total.currency;
  if (paid && paid.currency !== currency) return undefined;
  try {
    const received = !paid ? zero(currency) : 'minor' in paid ? paid : parseAmount(paid.amount, currency);
    const rest = subtract(order.total, received);
    return rest.minor > 0 ? rest : { ...rest, minor: 0 };
  } catch {
    return undefined;
  }
}
