import type { EventType } from '../contracts/events';
import type { Customer } from '../domain/customer';
import { formatAmount } from '../domain/money';
import type { Order } from '../domain/order';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Buyer emails, rendered from the order (HTML and text). Localization comes with the documents issue. */
export function renderBuyerEmail(type: EventType, order: Order, customer: Customer): RenderedEmail {
  if (type !== 'OrderReceived') throw new Error(`no buyer email for ${type}`);
  const total = `${formatAmount(order.total)} ${order.currency}`;
  const ref = order.buyerPo ? ` (your PO ${order.buyerPo})` : '';
  const lines = order.lines.map(
    (line) => `${line.quantity} × ${line.sku} at ${formatAmount(line.unitPrice)} ${order.currency}`,
  );
  const text = [
    `Dear ${customer.name},`,
    '',
    `We have received your order ${order.orderId}${ref}.`,
    '',
    ...lines,
    `Total: ${total}, ${order.incoterm.code} ${order.incoterm.place}`,
    '',
    'We are reviewing it now and will confirm it with its payment schedule shortly.',
  ].join('\n');
  const html = `<p>Dear ${escapeHtml(customer.name)},</p>
<p>We have received your order <strong>${order.orderId}</strong>${escapeHtml(ref)}.</p>
<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
<p>Total: <strong>${escapeHtml(total)}</strong>, ${escapeHtml(`${order.incoterm.code} ${order.incoterm.place}`)}</p>
<p>We are reviewing it now and will confirm it with its payment schedule shortly.</p>`;
  return { subject: `Order ${order.orderId} received`, html, text };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
