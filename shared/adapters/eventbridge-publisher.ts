import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EVENT_TYPES } from '../contracts/events';
import type { EventPublisher } from '../ports/events';

export class EventPublishError extends Error {
  override name = 'EventPublishError';
}

/** Puts domain events on the bus, each checked against its schema first; up to 10 per request. */
export function makeEventBridgePublisher(client: EventBridgeClient, busName: string): EventPublisher {
  return {
    async publish(events) {
      for (let start = 0; start < events.length; start += 10) {
        const batch = events.slice(start, start + 10);
        const entries = batch.map((event) => {
          const spec = EVENT_TYPES[event.type];
          return {
            EventBusName: busName,
            Source: spec.source,
            DetailType: event.type,
            Detail: JSON.stringify(spec.schema.parse(event.detail)),
          };
        });
        const result = await client.send(new PutEventsCommand({ Entries: entries }));
        if (result.FailedEntryCount) {
          const failures = (result.Entries ?? [])
            .filter((entry) => entry.ErrorCode)
            .map((entry) => entry.ErrorCode);
          throw new EventPublishError(
            `${result.FailedEntryCount} event(s) not accepted: ${failures.join(', ')}`,
          );
        }
      }
    },
  };
}
