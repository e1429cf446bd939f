import { type DomainEvent, type EventDetail, type EventType, subjectIdOf } from '../../contracts/events';
import { WAIT_OWNER } from '../../domain/waits';
import { type Formatter, formatterFor } from '../format';
import { facts, lines, type RenderedEmail, renderEmail } from '../layout';
import { type Department, NEXT_STEPS } from './next-steps';
import { type Happening, WHAT_HAPPENED } from './what-happened';

/** Staff read amounts and dates in English formats. */
const fmt = formatterFor('en');

/** The department that chases a stall: the owner of the wait, or sales when no wait is named. */
export function stallOwner(detail: EventDetail<'OrderStalled'>): string {
  return (detail.wait && (WAIT_OWNER as Record<string, string>)[detail.wait]) || 'sales';
}

/**
 * A short staff email: "[finance] Credit hold: ord_… (EUR 6,099.60 over limit by EUR 1,099.60)", then
 * what happened, what the department does next, and the order. Undefined when the department does not
 * act on the change (including a stall another department owns).
 */
export function departmentNotice(
  department: Department,
  event: DomainEvent,
  orderUrl?: string,
): RenderedEmail | undefined {
  if (event.type === 'OrderStalled' && stallOwner(event.detail) !== department) return undefined;
  const parts = noticeParts(department, event.type, event.detail);
  if (!parts) return undefined;
  const { happening, next } = parts;
  const orderId = subjectIdOf(event.detail);
  const summary = happening.summary ? ` (${happening.summary})` : '';
  const subject = `[${department}] ${happening.title}: ${orderId}${summary}`;
  // An inquiry's or a customer's events carry its id as `orderId`, a quote's events their `quoteId`:
  // named and linked as what it is.
  const other = nonOrderSubject(orderId);
  if (other) {
    return renderEmail({
      subject,
      blocks: [lines(...happening.lines, `Next: ${next}`, `${other.label}: ${orderId} (GET ${other.path})`)],
    });
  }
  return renderEmail({
    subject,
    // With the console's address, the order is a link (`Order: ord_… (https://…/console/orders/ord_…)`).
    blocks: orderUrl
      ? [
          lines(...happening.lines, `Next: ${next}`),
          facts({ label: 'Order', value: orderId, href: orderUrl }),
        ]
      : [lines(...happening.lines, `Next: ${next}`, `Order: ${orderId} (GET /orders/${orderId})`)],
  });
}

/** What a subject id that is not an order's names: an inquiry, a customer, a quote (`quo_…`). */
function nonOrderSubject(id: string): { label: string; path: string } | undefined {
  if (id.startsWith('inq_')) return { label: 'Inquiry', path: `/inquiries/${id}` };
  if (id.startsWith('cus_')) return { label: 'Customer', path: `/customers/${id}` };
  if (id.startsWith('quo_')) return { label: 'Quote', path: `/quotes/${id}` };
  return undefined;
}

/** The describer and the next step of one type, applied to its own detail. */
function noticeParts<T extends EventType>(
  department: Department,
  type: T,
  detail: EventDetail<T>,
): { happening: Happening; next: string } | undefined {
  const describe = WHAT_HAPPENED[type] as ((d: EventDetail<T>, f: Formatter) => Happening) | undefined;
  const nextStep = NEXT_STEPS[department][type] as
    | ((d: EventDetail<T>, f: Formatter) => string | undefined)
    | undefined;
  const next = describe && nextStep?.(detail, fmt);
  return describe && next ? { happening: describe(detail, fmt), next } : undefined;
}
