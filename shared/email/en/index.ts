import type { BuyerCatalog } from '../buyer-catalog';
import { CreditHeld, OrderCancelled, OrderConfirmed, OrderRejected } from './orders';
import { PaymentOverdue } from './payment-overdue';
import { DepositReceived, PaymentDue, PaymentReceived } from './payments';
import { OrderDelivered, ShipmentDelivered, ShipmentDispatched, ShipmentExceptionOpened } from './shipping';

/** The buyer emails in English, the fallback for every language without its own catalog. */
export const en: BuyerCatalog = {
  language: 'en',
  opening: (customer) => `Dear ${customer.name},`,
  closing: ['Kind regards,', 'Your export sales team'],
  trackingPage: 'Follow your order, its shipment and its documents online:',
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
