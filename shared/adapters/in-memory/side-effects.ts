import type { DomainEvent } from '../../contracts/events';
import type { Credential, CredentialStore } from '../../ports/credentials';
import type { EventPublisher } from '../../ports/events';
import type { Mailer, OutgoingEmail } from '../../ports/mailer';
import { DEFAULT_LEASE_MS, type OnceLog } from '../../ports/once';
import type { OrderWorkflow } from '../../ports/workflow';

/** For unit tests: ports that record what they were asked to do. */

export function makeRecordingPublisher() {
  const published: DomainEvent[] = [];
  const publisher: EventPublisher = {
    async publish(events) {
      published.push(...events);
    },
  };
  return Object.assign(publisher, { published });
}

export function makeRecordingMailer(options: { failWith?: Error } = {}) {
  const sent: OutgoingEmail[] = [];
  const mailer: Mailer = {
    async send(email) {
      if (options.failWith) throw options.failWith;
      sent.push(email);
      return `msg-${sent.length}`;
    },
  };
  return Object.assign(mailer, { sent });
}

/** For unit tests: the once log's leases on a Map, on the given clock. */
export function makeInMemoryOnceLog(now: () => number = Date.now) {
  const claims = new Map<string, { state: 'PENDING' | 'DONE'; leaseUntil: number }>();
  const log: OnceLog = {
    async claim(scope, key, leaseMs = DEFAULT_LEASE_MS) {
      const id = `${scope}|${key}`;
      const held = claims.get(id);
      if (held?.state === 'DONE') return 'done';
      if (held && held.leaseUntil >= now()) return 'in-progress';
      claims.set(id, { state: 'PENDING', leaseUntil: now() + leaseMs });
      return 'claimed';
    },
    async complete(scope, key) {
      claims.set(`${scope}|${key}`, { state: 'DONE', leaseUntil: 0 });
    },
    async release(scope, key) {
      claims.delete(`${scope}|${key}`);
    },
  };
  return Object.assign(log, { claims });
}

export function makeRecordingWorkflow() {
  const started: { orderId: string; input: Record<string, unknown> }[] = [];
  const workflow: OrderWorkflow = {
    async start(orderId, input) {
      started.push({ orderId, input });
      return `arn:aws:states:us-east-1:000000000000:execution:test:${orderId}`;
    },
  };
  return Object.assign(workflow, { started });
}

export function makeInMemoryCredentialStore(entries: [string, Credential][] = []) {
  const bySecret = new Map(entries);
  const store: CredentialStore = {
    async findBySecret(secret) {
      return bySecret.get(secret);
    },
    async put(secret, credential) {
      bySecret.set(secret, credential);
    },
  };
  return store;
}
