import { recordPaymentBody } from '../../shared/contracts/order-actions';
import { makeRecordPayment } from '../../shared/use-cases/order-actions/record-payment';
import { orderActionHandler } from './order-action-handler';

/** POST /orders/{id}/payments (finance): money received; ends the wait for a deposit, balance or payment once covered. */
export const handler = orderActionHandler({
  scope: 'record-payment',
  body: recordPaymentBody,
  make: makeRecordPayment,
});
