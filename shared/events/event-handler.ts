import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { logger, tracer } from '../observability';
import type { IncomingEvent } from '../use-cases/incoming-event';

/**
 * The one shape of an EventBridge consumer: Powertools, then the use case with the event's detail
 * type and detail, then one log line with the outcome (ids only). A throw makes the bus retry the
 * event and, after its retries, dead-letter it; so consumers return an outcome for what they
 * deliberately ignore instead of throwing.
 */
export function eventHandler<R extends string>(name: string, fn: (event: IncomingEvent) => Promise<R>) {
  return middy<EventBridgeEvent<string, unknown>, R>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const outcome = await fn({ type: event['detail-type'], detail: event.detail });
      logger.info(name, { eventId: event.id, type: event['detail-type'], outcome });
      return outcome;
    });
}
