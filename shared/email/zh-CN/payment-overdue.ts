import type { BuyerTemplates } from '../buyer-catalog';
import { facts, paragraph } from '../layout';
import { orderRef } from './common';

/** The buyer's reminder when a payment is well past its due date (escalation level 3 and up). */
export const PaymentOverdue: BuyerTemplates['PaymentOverdue'] = ({ detail, order, fmt }) => ({
  subject: `付款逾期提醒：订单 ${order.orderId}，${fmt.money(detail.outstanding)}`,
  blocks: [
    paragraph(
      `${orderRef(order)}的 ${fmt.money(detail.outstanding)} 款项已于 ${fmt.date(detail.dueAt)} 到期，我们至今尚未收到。`,
    ),
    facts(
      { label: '逾期金额', value: fmt.money(detail.outstanding) },
      { label: '原到期日', value: fmt.date(detail.dueAt) },
      { label: '付款参考号', value: order.orderId },
    ),
    paragraph(
      '请尽快安排付款；如有任何情况影响付款，也请告知我们。如您已在最近几天付款，请忽略本提醒，谢谢！',
    ),
  ],
});
