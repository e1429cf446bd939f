import { type DomainEvent, EVENT_TYPES, type EventType } from '../contracts/events';
import { InvalidInputError } from '../errors';

/** An event as it comes off the bus: its detail type and its detail, not yet checked. */
export interface IncomingEvent {
  type: string;
  detail: unknown;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_TYPES, type);
}

/**
 * The event with its detail checked against its type's schema. A detail that does not fit is a
 * producer's bug: InvalidInputError, naming the type and the field (never the values), so the bus's
 * retries end in the dead-letter queue where someone sees it.
 */
export function parseEvent<T extends EventType>(type: T, detail: unknown): DomainEvent<T> {
  const result = EVENT_TYPES[type].schema.safeParse(detail);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.');
    throw new InvalidInputError(
      `${type} detail: ${field || '(detail)'}: ${issue.message}`,
      field,
      'INVALID_EVENT',
    );
  }
  return { type, detail: result.data } as DomainEvent<T>;
}
