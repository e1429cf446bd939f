import type { BuyerCatalog } from '../buyer-catalog';
import { CreditHeld, OrderCancelled, OrderConfirmed, OrderRejected } from './orders';
import { PaymentOverdue } from './payment-overdue';
import { DepositReceived, PaymentDue, PaymentReceived } from './payments';
import { OrderDelivered, ShipmentDelivered, ShipmentDispatched, ShipmentExceptionOpened } from './shipping';

/** The buyer emails in Simplified Chinese (`zh`, `zh-CN`, `zh-Hans`, `zh-SG`…). */
export const zhCN: BuyerCatalog = {
  language: 'zh-CN',
  opening: (customer) => `尊敬的${customer.name}：`,
  closing: ['顺祝商祺！', '出口销售团队'],
  trackingPage: '在线查看订单进度、货运动态和相关单据：',
  templates: {
    CreditHeld,
    OrderRejected,
    OrderConfirmed,
    DepositReceived,
    PaymentReceived,
    ShipmentDispatched,
    ShipmentExceptionOpened,
    OrderDelivered,
    ShipmentDelivered,
    PaymentDue,
    PaymentOverdue,
    OrderCancelled,
  },
};
