import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type { AddCommunicationBody } from '../contracts/customer-profile';
import type { DomainEvent } from '../contracts/events';
import type { CommunicationEntry } from '../domain/communication';
import type { Actor } from '../domain/order';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { CommunicationLog, CommunicationPage } from '../ports/communications';
import type { CustomerRepository } from '../ports/customers';

export interface CommunicationDeps {
  customers: CustomerRepository;
  communications: CommunicationLog;
}

async function mustExist(customers: CustomerRepository, customerId: string): Promise<void> {
  if (!(await customers.get(customerId))) throw new NotFoundError(`no customer ${customerId}`);
}

/** GET /customers/{id}/communications (staff): the history, newest first, a page at a time. */
export function makeListCommunications({ customers, communications }: CommunicationDeps) {
  return async (
    customerId: string,
    options: { limit?: number; nextToken?: string },
  ): Promise<CommunicationPage> => {
    await mustExist(customers, customerId);
    return communications.list(customerId, options);
  };
}

/**
 * POST /customers/{id}/communications (staff): a note or a call, by the caller's role. Under an
 * Idempotency-Key the entry's id (and time) come from the key's first use, so a retry keeps one entry.
 */
export function makeAddCommunication(deps: CommunicationDeps & { clock: Clock }) {
  return async (
    customerId: string,
    body: AddCommunicationBody,
    by: Actor,
    idempotencyKey?: string,
  ): Promise<CommunicationEntry> => {
    await mustExist(deps.customers, customerId);
    const entryId = idempotencyKey
      ? `${body.kind}:${createHash('sha256').update(`${by.kind}:${by.id}:${idempotencyKey}`).digest('base64url').slice(0, 26)}`
      : `${body.kind}:${ulid()}`;
    const entry: CommunicationEntry = {
      customerId,
      entryId,
      at: deps.clock.now().toISOString(),
      kind: body.kind,
      direction: 'internal',
      subject: body.subject,
      ...(body.summary ? { summary: body.summary } : {}),
      by: by.role ?? by.kind,
    };
    await deps.communications.record(entry);
    return entry;
  };
}

/**
 * An order received, in its customer's history (consumer of OrderReceived): once per change, its
 * entry id from the event's changeId and its time from occurredAt, so a redelivery changes nothing.
 */
export function makeRecordOrderCommunication({ communications }: { communications: CommunicationLog }) {
  return async (event: DomainEvent<'OrderReceived'>): Promise<'recorded'> => {
    const d = event.detail;
    await communications.record({
      customerId: d.customerId,
      entryId: `order:${d.changeId}`,
      at: d.occurredAt,
      kind: 'order',
      direction: 'inbound',
      subject: `Order ${d.orderId} received`,
      summary: `${d.lineCount} ${d.lineCount === 1 ? 'line' : 'lines'}, ${d.currency} ${d.total}, ${d.incoterm} to ${d.shipToCountry}`,
      refs: { orderId: d.orderId },
      by: 'system',
    });
    return 'recorded';
  };
}
