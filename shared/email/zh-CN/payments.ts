import { type BuyerTemplates, stillToPay } from '../buyer-catalog';
import { isPositive } from '../format';
import { facts, paragraph } from '../layout';
import { orderRef } from './common';

/** 款项：定金已收到、付款已收到、付款通知。 */

export const DepositReceived: BuyerTemplates['DepositReceived'] = ({ detail, order, fmt }) => {
  const rest = stillToPay(order, detail.paid);
  return {
    subject: `订单 ${order.orderId} 的定金已收到`,
    blocks: [
      paragraph(`感谢您！我们已收到${orderRef(order)}的定金。`),
      facts(
        { label: '累计已收', value: fmt.money(detail.paid) },
        rest &&
          rest.minor > 0 && {
            label: '尚需支付',
            value: `${fmt.money(rest)}，按付款计划支付`,
          },
      ),
      paragraph('我们现已开始为您预留库存并安排备货，货物发运时将另行通知。'),
    ],
  };
};

export const PaymentReceived: BuyerTemplates['PaymentReceived'] = ({ detail, order, fmt }) => {
  const settled = !isPositive(detail.outstanding);
  return {
    subject: `订单 ${order.orderId} 的付款已收到`,
    blocks: [
      paragraph(`感谢您的付款！我们已收到贵司为${orderRef(order)}支付的 ${fmt.money(detail.amount)}。`),
      facts(
        { label: '本次付款', value: fmt.money(detail.amount) },
        { label: '付款参考号', value: detail.reference },
        { label: '累计已付', value: fmt.money(detail.paid) },
        {
          label: '尚需支付',
          value: settled ? '无，订单已全额付清' : fmt.money(detail.outstanding),
        },
      ),
      ...(detail.overpayment && isPositive(detail.overpayment)
        ? [
            paragraph(
              `贵司的付款超出订单总额 ${fmt.money(detail.overpayment)}。财务部门将为您办理退款或抵扣，并与您联系确认具体方式。`,
            ),
          ]
        : []),
    ],
  };
};

export const PaymentDue: BuyerTemplates['PaymentDue'] = ({ detail, order, fmt }) => ({
  subject: `订单 ${order.orderId} 付款通知：应付 ${fmt.money(detail.outstanding)}`,
  blocks: [
    paragraph(
      `${orderRef(order)}有一笔 ${fmt.money(detail.outstanding)} 的款项，请于 ${fmt.date(detail.dueAt)} 前支付。`,
    ),
    facts(
      { label: '应付金额', value: fmt.money(detail.outstanding) },
      { label: '付款截止日期', value: fmt.date(detail.dueAt) },
      { label: '付款参考号', value: order.orderId },
    ),
    paragraph('如您已付款，请忽略本通知，谢谢！银行转账可能需要几天才能到账。'),
  ],
});
