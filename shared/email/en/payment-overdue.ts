import type { BuyerTemplates } from '../buyer-catalog';
import { facts, paragraph } from '../layout';
import { orderRef } from './common';

/** The buyer's reminder when a payment is well past its due date (escalation level 3 and up). */
export const PaymentOverdue: BuyerTemplates['PaymentOverdue'] = ({ detail, order, fmt }) => ({
  subject: `Reminder: payment overdue for order ${order.orderId}: ${fmt.money(detail.outstanding)}`,
  blocks: [
    paragraph(
      `The payment of ${fmt.money(detail.outstanding)} for your ${orderRef(order)} was due on ${fmt.date(detail.dueAt)} and has not reached us yet.`,
    ),
    facts(
      { label: 'Amount overdue', value: fmt.money(detail.outstanding) },
      { label: 'Was due on', value: fmt.date(detail.dueAt) },
      { label: 'Payment reference', value: order.orderId },
    ),
    paragraph(
      'Please arrange the transfer, or tell us if something is holding it up. If you have paid in the last few days, thank you, and please ignore this reminder.',
    ),
  ],
});
