import { recordPackingBody } from '../../shared/contracts/order-actions';
import { makeRecordPacking } from '../../shared/use-cases/order-actions/record-packing';
import { orderActionHandler } from './order-action-handler';

/** POST /orders/{id}/packing (warehouse): the packing list; ends the wait for packing. */
export const handler = orderActionHandler({
  scope: 'record-packing',
  body: recordPackingBody,
  make: makeRecordPacking,
});
