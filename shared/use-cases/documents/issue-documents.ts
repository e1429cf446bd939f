import { createHash } from 'node:crypto';
import type { DomainEvent } from '../../contracts/events';
import { buildOrderDocument } from '../../documents/build-documents';
import { documentProblems, summarize } from '../../documents/document-checks';
import { DocumentChecksFailedError } from '../../documents/document-errors';
import { documentFiles } from '../../documents/document-files';
import { numberSeries } from '../../documents/document-numbers';
import { DOCUMENT_SETS, type DocumentDraft, type DocumentSet } from '../../documents/trade-document';
import type { Product } from '../../domain/inventory';
import type { DocumentTask, IssuedDocument, Order } from '../../domain/order';
import {
  allowsPartialShipments,
  backorderOf,
  currentShipment,
  describeUnits,
  isSplit,
  orderForShipment,
} from '../../domain/shipments';
import { ConcurrentUpdateError, NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { CompanyDetailsStore } from '../../ports/company-details';
import type { CustomerRepository } from '../../ports/customers';
import type { DocumentNumbers } from '../../ports/document-numbers';
import type { EventPublisher } from '../../ports/events';
import type { InventoryRepository } from '../../ports/inventory';
import type { OrderRepository } from '../../ports/orders';
import type { TradeDocumentStore } from '../../ports/trade-documents';
import { sameContent } from '../order-action';
import { OrderCancelledError } from '../order-cancelled-error';
import { updateOrder, WORKFLOW, withEntry } from '../update-order';

export interface IssueDocumentsDeps {
  orders: OrderRepository;
  customers: Pick<CustomerRepository, 'get'>;
  inventory: Pick<InventoryRepository, 'getProduct'>;
  company: CompanyDetailsStore;
  numbers: DocumentNumbers;
  documents: TradeDocumentStore;
  events: EventPublisher;
  clock: Clock;
}

export interface IssueOutcome {
  set: DocumentSet;
  documents: { kind: string; number: string; version: number; issued: boolean }[];
}

/**
 * Issues one set of the order's trade documents (the confirmation set once it is confirmed; the
 * shipping set once packed, and again when the shipment's transport is known). The checks run first:
 * if one fails, nothing is issued, the order gets a task for sales (on the order, on its timeline, and
 * DocumentChecksFailed on the bus) and DocumentChecksFailedError is thrown. Otherwise each document
 * whose content changed since its newest version is rendered and kept as the next version under the
 * same number; an unchanged one is left as it is, so a retried step adds nothing.
 */
export function makeIssueDocuments(deps: IssueDocumentsDeps) {
  return async (orderId: string, set: DocumentSet): Promise<IssueOutcome> => {
    const order = await deps.orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    if (order.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
    const [customer, products, company] = await Promise.all([
      deps.customers.get(order.customerId),
      productsOf(order, deps.inventory),
      deps.company.get(),
    ]);
    // The shipping set of an order shipped in parts is its current shipment's, numbered on its own.
    const shipmentNo =
      set === 'shipping' && allowsPartialShipments(order) ? currentShipment(order).shipmentNo : undefined;
    const split = shipmentNo !== undefined && isSplit(order);
    const subject = split ? orderForShipment(order, currentShipment(order)) : order;
    const sources = { order: subject, customer, products, company };
    const drafts = DOCUMENT_SETS[set].map((kind) => {
      const draft = buildOrderDocument(kind, sources);
      return split ? { ...draft, notes: [...shipmentNotes(order, shipmentNo), ...draft.notes] } : draft;
    });
    const problems = documentProblems(drafts);
    const now = deps.clock.now().toISOString();
    if (problems.length) {
      await holdDocuments(deps, order, set, problems, now);
      throw new DocumentChecksFailedError(`${set} documents not issued: ${problems.join('; ')}`);
    }

    const results: { stored: IssuedDocument; issued: boolean }[] = [];
    for (const draft of drafts) results.push(await issueOne(deps, order, draft, now, shipmentNo));

    await updateOrder(
      deps.orders,
      orderId,
      (current) => {
        const known = current.documents ?? [];
        // What the order does not list yet, whoever rendered it: this run, or an earlier one stopped
        // (killed, timed out) between keeping the files and writing the order, or a concurrent retry
        // that wrote first. So the entry is written once per version, never twice and never lost.
        const fresh = results
          .map((result) => result.stored)
          .filter((stored) => !known.some((d) => sameDocument(d, stored) && d.version >= stored.version));
        const tasks = (current.documentTasks ?? []).filter((task) => task.set !== set);
        if (!fresh.length && tasks.length === (current.documentTasks ?? []).length) return undefined;
        const next = {
          ...current,
          documents: mergeIssued(known, fresh),
          documentTasks: tasks.length ? tasks : undefined,
        };
        return fresh.length
          ? withEntry(next, {
              at: now,
              by: WORKFLOW,
              what: `Documents issued: ${fresh.map((stored) => `${stored.number} v${stored.version}`).join(', ')}`,
            })
          : { ...next, updatedAt: now };
      },
      order,
    );
    await deps.events.publish([
      issuedEvent(
        order,
        set,
        results.map((result) => result.stored),
      ),
    ]);
    return {
      set,
      documents: results.map(({ stored, issued: fresh }) => ({
        kind: stored.kind,
        number: stored.number,
        version: stored.version,
        issued: fresh,
      })),
    };
  };
}

async function productsOf(order: Order, inventory: Pick<InventoryRepository, 'getProduct'>) {
  const skus = [...new Set(order.lines.map((line) => line.sku))];
  const found = await Promise.all(skus.map((sku) => inventory.getProduct(sku)));
  return new Map(found.filter((product): product is Product => Boolean(product)).map((p) => [p.sku, p]));
}

/** A hash of what the document says: the same content is the same document, whatever its number. */
export function contentHash(draft: DocumentDraft): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(draft)))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** What a shipment's documents say beyond the order's: which shipment, and what is left to ship. */
function shipmentNotes(order: Order, shipmentNo: number): string[] {
  const backorder = backorderOf(order);
  return [
    `Shipment ${shipmentNo} of order ${order.orderId} (partial shipment): the goods listed here only.`,
    backorder.length
      ? `Still to ship in a later shipment: ${describeUnits(backorder)}.`
      : 'The last shipment of the order.',
  ];
}

/** The same document: kind and shipment (an untagged one is shipment 1's, or of no shipment). */
function sameDocument(a: { kind: string; shipmentNo?: number }, b: { kind: string; shipmentNo?: number }) {
  return a.kind === b.kind && (a.shipmentNo ?? 1) === (b.shipmentNo ?? 1);
}

/**
 * One document of the set: unchanged (its newest version says the same), or rendered and kept as the
 * next version. The newest version is the one the order lists, with its content hash, so a document
 * issued again unchanged costs no read of the bucket. The bucket can be ahead of the order (a run
 * stopped between keeping the files and writing the order, or a concurrent one): keeping a version
 * then finds it taken, and the bucket's newest is read and built upon.
 */
async function issueOne(
  deps: IssueDocumentsDeps,
  order: Order,
  draft: DocumentDraft,
  now: string,
  shipmentNo?: number,
): Promise<{ stored: IssuedDocument; issued: boolean }> {
  const hash = contentHash(draft);
  let latest: IssuedDocument | undefined = (order.documents ?? []).find((listed) =>
    sameDocument(listed, { kind: draft.kind, shipmentNo }),
  );
  // Listed before the hash was kept: the bucket says what it holds.
  if (latest && !latest.contentHash)
    latest = await deps.documents.latest(order.orderId, draft.kind, shipmentNo);
  for (let attempt = 1; ; attempt++) {
    if (latest && latest.contentHash === hash) return { stored: latest, issued: false };
    const number =
      latest?.number ??
      (await deps.numbers.numberFor(order.orderId, draft.kind, numberSeries(draft.kind, now), shipmentNo));
    const version = (latest?.version ?? 0) + 1;
    const files = await documentFiles({ ...draft, number, date: now.slice(0, 10), version });
    try {
      const stored = await deps.documents.save({
        orderId: order.orderId,
        kind: draft.kind,
        number,
        version,
        issuedAt: now,
        contentHash: hash,
        files,
        ...(shipmentNo !== undefined ? { shipmentNo } : {}),
      });
      return { stored, issued: true };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      // Another run (a timed-out one still going, its retry, one stopped before writing the order)
      // kept this version first. The same content: the work is done. Newer than the order knew: build
      // on it, once; anything else makes the step's Retry start over.
      const kept = await deps.documents.latest(order.orderId, draft.kind, shipmentNo);
      if (kept?.version === version && kept.contentHash === hash) return { stored: kept, issued: false };
      if (attempt > 1 || !kept || kept.version < version) throw error;
      latest = kept;
    }
  }
}

/**
 * The order's documents with newer versions in place of older ones; a version it lists is kept as
 * listed. One entry per kind and shipment (each shipment of an order shipped in parts has its own).
 */
function mergeIssued(current: IssuedDocument[], stored: IssuedDocument[]): IssuedDocument[] {
  const keyOf = (document: { kind: string; shipmentNo?: number }) =>
    document.shipmentNo === undefined ? document.kind : `${document.kind}#${document.shipmentNo}`;
  const byKind = new Map(current.map((document) => [keyOf(document), document]));
  for (const document of stored) {
    const known = byKind.get(keyOf(document));
    if (!known || known.version < document.version) {
      byKind.set(keyOf(document), {
        kind: document.kind,
        number: document.number,
        version: document.version,
        issuedAt: document.issuedAt,
        ...(document.shipmentNo !== undefined ? { shipmentNo: document.shipmentNo } : {}),
        ...(document.contentHash ? { contentHash: document.contentHash } : {}),
      });
    }
  }
  return [...byKind.values()];
}

/** The task for sales: on the order (once per distinct set of problems) and on the bus. */
async function holdDocuments(
  deps: IssueDocumentsDeps,
  order: Order,
  set: DocumentSet,
  problems: string[],
  now: string,
): Promise<void> {
  const summary = summarize(problems);
  const held = await updateOrder(deps.orders, order.orderId, (current) => {
    const tasks = current.documentTasks ?? [];
    const open = tasks.find((task) => task.set === set);
    if (open && sameContent(open.problems, problems)) return undefined;
    const task: DocumentTask = { set, problems, summary, since: open?.since ?? now };
    return withEntry(
      { ...current, documentTasks: [...tasks.filter((t) => t.set !== set), task] },
      { at: now, by: WORKFLOW, what: `Documents held for sales: ${summary}`, note: problems.join('; ') },
    );
  });
  const task = held.documentTasks?.find((t) => t.set === set);
  const fingerprint = createHash('sha256').update(problems.join('\n')).digest('hex').slice(0, 12);
  const event: DomainEvent = {
    type: 'DocumentChecksFailed',
    detail: {
      version: 1,
      // A later shipment's documents are held apart from the first's (partial shipments).
      changeId: `${order.orderId}:DocumentChecksFailed:${set}:${fingerprint}${heldShipment(order, set)}`,
      occurredAt: task?.since === now ? now : (held.updatedAt ?? now),
      orderId: order.orderId,
      customerId: order.customerId,
      set,
      summary,
      problems,
      problemCount: problems.length,
    },
  };
  await deps.events.publish([event]);
}

function heldShipment(order: Order, set: DocumentSet): string {
  const shipmentNo = set === 'shipping' ? currentShipment(order).shipmentNo : 1;
  return shipmentNo > 1 ? `:shipment-${shipmentNo}` : '';
}

function issuedEvent(order: Order, set: DocumentSet, stored: IssuedDocument[]): DomainEvent {
  const shipmentNo = stored.find((document) => document.shipmentNo !== undefined)?.shipmentNo;
  const versions =
    stored.map((document) => `${document.kind}@${document.version}`).join(',') +
    (shipmentNo && shipmentNo > 1 ? `#shipment-${shipmentNo}` : '');
  return {
    type: 'DocumentsIssued',
    detail: {
      version: 1,
      changeId: `${order.orderId}:DocumentsIssued:${createHash('sha256').update(versions).digest('hex').slice(0, 16)}`,
      occurredAt:
        stored
          .map((document) => document.issuedAt)
          .sort()
          .pop() ?? order.updatedAt,
      orderId: order.orderId,
      customerId: order.customerId,
      set,
      documents: stored.map((document) => ({
        kind: document.kind,
        number: document.number,
        version: document.version,
      })),
      ...(shipmentNo !== undefined ? { shipmentNo } : {}),
    },
  };
}
