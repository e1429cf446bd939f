import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../observability';
import type { RunInfo } from '../use-cases/do-once';
import type { IncomingEvent } from '../use-cases/incoming-event';

/**
 * The one shape of an EventBridge consumer: Powertools, then the use case with the event's detail
 * type and detail, then one log line with the outcome (ids only: the event's and its order's). A
 * throw makes the bus retry the event and, after its retries, dead-letter it; so consumers return an
 * outcome for what they deliberately ignore instead of throwing.
 */
export function eventHandler<R extends string>(
  name: string,
  fn: (event: IncomingEvent, run: RunInfo) => Promise<R>,
) {
  return middy<EventBridgeEvent<string, unknown>, R>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      const outcome = await fn(
        { type: event['detail-type'], detail: event.detail },
        { remainingMs: context.getRemainingTimeInMillis() },
      );
      logger.info(name, {
        eventId: event.id,
        type: event['detail-type'],
        orderId: orderIdOf(event),
        outcome,
      });
      return outcome;
    });
}

/** The order an event is about (an id, so it may be logged), when its detail names one. */
function orderIdOf(event: EventBridgeEvent<string, unknown>): string | undefined {
  const orderId = (event.detail as { orderId?: unknown } | null)?.orderId;
  return typeof orderId === 'string' ? orderId : undefined;
}
