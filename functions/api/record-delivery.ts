import { recordDeliveryBody } from '../../shared/contracts/order-actions';
import { makeRecordDelivery } from '../../shared/use-cases/order-actions/record-delivery';
import { orderActionHandler } from './order-action-handler';

/** POST /orders/{id}/delivery (logistics): the goods arrived; ends the wait for delivery. */
export const handler = orderActionHandler({
  scope: 'record-delivery',
  body: recordDeliveryBody,
  make: makeRecordDelivery,
});
