import type { BuyerTemplates } from '../buyer-catalog';
import { isPositive } from '../format';
import { facts, list, paragraph } from '../layout';
import { dueText, incotermText, orderRef } from './common';

/** The order's own changes: received (and held for review), rejected, confirmed, cancelled. */

/** Sent only while the order waits for review: the buyer hears nothing of credit. */
export const CreditHeld: BuyerTemplates['CreditHeld'] = ({ order, fmt }) => ({
  subject: `Order ${order.orderId} received`,
  blocks: [
    paragraph(`We have received your ${orderRef(order)}.`),
    list(
      order.lines.map(
        (line) => `${line.quantity} × ${line.sku} at ${fmt.money(line.unitPrice)}: ${fmt.money(line.amount)}`,
      ),
    ),
    facts(
      { label: 'Total', value: fmt.money(order.total) },
      { label: 'Incoterm', value: incotermText(order) },
    ),
    paragraph('We are reviewing it and will confirm it with its payment schedule shortly.'),
  ],
});

export const OrderRejected: BuyerTemplates['OrderRejected'] = ({ detail, order }) => ({
  subject: `Order ${order.orderId} could not be accepted`,
  blocks: [
    paragraph(`We are sorry: we cannot accept your ${orderRef(order)} as it stands, for these reasons:`),
    list(detail.reasons),
    paragraph(
      'If you can correct these points, please place the order again, or reply to this email and we will help.',
    ),
  ],
});

export const OrderConfirmed: BuyerTemplates['OrderConfirmed'] = ({ detail, order, fmt }) => ({
  subject: `Order ${order.orderId} confirmed`,
  blocks: [
    paragraph(`Your ${orderRef(order)} is confirmed.`),
    facts(
      { label: 'Total', value: fmt.money(detail.total) },
      { label: 'Incoterm', value: incotermText(order) },
      { label: 'Payment terms', value: detail.paymentTerms },
    ),
    paragraph('Payment schedule:'),
    facts(
      ...detail.installments.map((installment) => ({
        label: installment.label,
        value: `${fmt.money(installment.amount)}, due ${dueText(installment.dueOn, fmt)}`,
      })),
    ),
    paragraph(
      `Please quote ${order.orderId} with every payment. We will tell you when each payment arrives and when your goods ship.`,
    ),
  ],
});

export const OrderCancelled: BuyerTemplates['OrderCancelled'] = ({ detail, order, fmt }) => ({
  subject: `Order ${order.orderId} cancelled`,
  blocks: [
    paragraph(`Your ${orderRef(order)} has been cancelled.`),
    facts({ label: 'Reason', value: detail.reason }),
    isPositive(detail.refundDue)
      ? paragraph(
          `You have paid ${fmt.money(detail.refundDue)} towards this order. We will refund it to you; our finance team will contact you to arrange the transfer.`,
        )
      : paragraph('No payment was received for this order, so there is nothing to refund.'),
    paragraph('If you did not expect this, please reply to this email.'),
  ],
});
