import { recordShipmentBody } from '../../shared/contracts/order-actions';
import { makeRecordShipment } from '../../shared/use-cases/order-actions/record-shipment';
import { orderActionHandler } from './order-action-handler';

/** POST /orders/{id}/shipment (logistics): the booked shipment; ends the wait for it. */
export const handler = orderActionHandler({
  scope: 'record-shipment',
  body: recordShipmentBody,
  make: makeRecordShipment,
});
