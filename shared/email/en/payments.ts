import { type BuyerTemplates, stillToPay } from '../buyer-catalog';
import { isPositive } from '../format';
import { facts, paragraph } from '../layout';
import { orderRef } from './common';

/** Money: deposit received, payment received, payment due. */

export const DepositReceived: BuyerTemplates['DepositReceived'] = ({ detail, order, fmt }) => {
  const rest = stillToPay(order, detail.paid);
  return {
    subject: `Deposit received for order ${order.orderId}`,
    blocks: [
      paragraph(`Thank you: we have received the deposit for your ${orderRef(order)}.`),
      facts(
        { label: 'Received so far', value: fmt.money(detail.paid) },
        rest &&
          rest.minor > 0 && {
            label: 'Still to pay',
            value: `${fmt.money(rest)}, as in your payment schedule`,
          },
      ),
      paragraph('We are now reserving stock and preparing your goods, and will tell you when they ship.'),
    ],
  };
};

export const PaymentReceived: BuyerTemplates['PaymentReceived'] = ({ detail, order, fmt }) => {
  const settled = !isPositive(detail.outstanding);
  return {
    subject: `Payment received for order ${order.orderId}`,
    blocks: [
      paragraph(
        `Thank you: we have received your payment of ${fmt.money(detail.amount)} for your ${orderRef(order)}.`,
      ),
      facts(
        { label: 'This payment', value: fmt.money(detail.amount) },
        { label: 'Reference', value: detail.reference },
        { label: 'Paid so far', value: fmt.money(detail.paid) },
        {
          label: 'Still to pay',
          value: settled ? 'nothing: the order is paid in full' : fmt.money(detail.outstanding),
        },
      ),
      ...(detail.overpayment && isPositive(detail.overpayment)
        ? [
            paragraph(
              `You have paid ${fmt.money(detail.overpayment)} more than the order total. Our finance team will refund or credit it and will contact you about how.`,
            ),
          ]
        : []),
    ],
  };
};

export const PaymentDue: BuyerTemplates['PaymentDue'] = ({ detail, order, fmt }) => ({
  subject: `Payment due for order ${order.orderId}: ${fmt.money(detail.outstanding)}`,
  blocks: [
    paragraph(
      `A payment of ${fmt.money(detail.outstanding)} for your ${orderRef(order)} is due by ${fmt.date(detail.dueAt)}.`,
    ),
    facts(
      { label: 'Amount due', value: fmt.money(detail.outstanding) },
      { label: 'Due by', value: fmt.date(detail.dueAt) },
      { label: 'Payment reference', value: order.orderId },
    ),
    paragraph(
      'If you have already paid, thank you, and please ignore this message: a transfer can take a few days to reach us.',
    ),
  ],
});
