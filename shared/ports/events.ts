import type { DomainEvent } from '../contracts/events';

export interface EventPublisher {
  /** Publishes the events; throws if any was not accepted (the caller's retry republishes all). */
  publish(events: DomainEvent[]): Promise<void>;
}
