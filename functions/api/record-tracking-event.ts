import { trackingEventBody } from '../../shared/contracts/order-actions';
import { makeRecordTrackingEvent } from '../../shared/use-cases/order-actions/record-tracking-event';
import { orderActionHandler } from './order-action-handler';

/** POST /orders/{id}/tracking-events (logistics): a carrier update; opens and resolves exceptions. */
export const handler = orderActionHandler({
  scope: 'record-tracking-event',
  body: trackingEventBody,
  make: makeRecordTrackingEvent,
});
