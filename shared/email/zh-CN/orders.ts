import type { BuyerTemplates } from '../buyer-catalog';
import { isPositive } from '../format';
import { facts, list, paragraph } from '../layout';
import { dueText, incotermText, installmentLabel, orderRef, paymentTermsText } from './common';

/** 订单本身的变化：已收到（审核中）、未能接受、已确认、已取消。 */

/** Sent only while the order waits for review: the buyer hears nothing of credit. */
export const CreditHeld: BuyerTemplates['CreditHeld'] = ({ order, fmt }) => ({
  subject: `已收到订单 ${order.orderId}`,
  blocks: [
    paragraph(`我们已收到贵司的${orderRef(order)}。`),
    list(
      order.lines.map(
        (line) =>
          `${line.quantity} × ${line.sku}，单价 ${fmt.money(line.unitPrice)}：${fmt.money(line.amount)}`,
      ),
    ),
    facts(
      { label: '合计', value: fmt.money(order.total) },
      { label: '贸易术语', value: incotermText(order) },
    ),
    paragraph('我们正在审核该订单，审核完成后将尽快向您确认，并附上付款计划。'),
  ],
});

export const OrderRejected: BuyerTemplates['OrderRejected'] = ({ detail, order }) => ({
  subject: `订单 ${order.orderId} 未能接受`,
  blocks: [
    paragraph(`很抱歉，贵司的${orderRef(order)}目前无法接受，原因如下：`),
    list(detail.reasons),
    paragraph('如能更正上述问题，请重新下单；您也可以直接回复本邮件，我们将协助处理。'),
  ],
});

export const OrderConfirmed: BuyerTemplates['OrderConfirmed'] = ({ detail, order, fmt }) => ({
  subject: `订单 ${order.orderId} 已确认`,
  blocks: [
    paragraph(`贵司的${orderRef(order)}已确认。`),
    facts(
      { label: '合计', value: fmt.money(detail.total) },
      { label: '贸易术语', value: incotermText(order) },
      { label: '付款条件', value: paymentTermsText(order.paymentTerms) },
    ),
    paragraph('付款计划：'),
    facts(
      ...detail.installments.map((installment) => ({
        label: installmentLabel(installment.kind, order.paymentTerms),
        value: `${fmt.money(installment.amount)}，${dueText(installment.dueOn, fmt)}支付`,
      })),
    ),
    paragraph(`每笔付款请注明订单号 ${order.orderId}。每笔款项到账以及货物发运时，我们都会及时通知您。`),
  ],
});

export const OrderCancelled: BuyerTemplates['OrderCancelled'] = ({ detail, order, fmt }) => ({
  subject: `订单 ${order.orderId} 已取消`,
  blocks: [
    paragraph(`贵司的${orderRef(order)}已取消。`),
    facts({ label: '取消原因', value: detail.reason }),
    isPositive(detail.refundDue)
      ? paragraph(
          `贵司已为该订单支付 ${fmt.money(detail.refundDue)}，我们将全额退还，财务部门会与您联系安排退款事宜。`,
        )
      : paragraph('该订单尚未收到任何付款，因此无需退款。'),
    paragraph('如您对此有任何疑问，请直接回复本邮件。'),
  ],
});
