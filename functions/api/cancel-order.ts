import { cancelOrderBody } from '../../shared/contracts/order-actions';
import { makeCancelOrder } from '../../shared/use-cases/order-actions/cancel-order';
import { orderActionHandler } from './order-action-handler';

/** POST /orders/{id}/cancel (sales, admin): cancels an open order; its workflow compensates. */
export const handler = orderActionHandler({
  scope: 'cancel-order',
  body: cancelOrderBody,
  make: makeCancelOrder,
});
