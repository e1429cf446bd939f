import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import {
  makeInMemoryCompanyDetails,
  makeInMemoryDocumentNumbers,
} from '../../../../shared/adapters/in-memory/documents-support';
import { makeInMemoryInventoryRepository } from '../../../../shared/adapters/in-memory/inventory';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { makeInMemoryTradeDocumentStore } from '../../../../shared/adapters/in-memory/trade-documents';
import type { Order } from '../../../../shared/domain/order';
import type { OrderRepository } from '../../../../shared/ports/orders';
import type { TradeDocumentStore } from '../../../../shared/ports/trade-documents';
import { makeIssueDocuments } from '../../../../shared/use-cases/documents/issue-documents';
import { customer, fixtureProducts, packedOrder, shipment } from '../../documents/support';

/**
 * Issuing is a workflow step: Step Functions retries it, and after a crash the local runtime runs it
 * again. The "Documents issued" entry must be on the timeline once per version, whichever run wrote it.
 */
function deps(orders: OrderRepository, documents: TradeDocumentStore) {
  return {
    orders,
    customers: makeInMemoryCustomerRepository([customer]),
    inventory: makeInMemoryInventoryRepository({ products: [...fixtureProducts().values()] }),
    company: makeInMemoryCompanyDetails(),
    numbers: makeInMemoryDocumentNumbers(),
    documents,
    events: makeRecordingPublisher(),
    clock: { now: () => new Date('2026-12-01T10:00:00.000Z') },
  };
}

function world(order: Order, orders: OrderRepository = makeInMemoryOrderRepository([order])) {
  const documents = makeInMemoryTradeDocumentStore();
  return { issue: makeIssueDocuments(deps(orders, documents)), documents, orders };
}

const issuedEntries = (order: Order | undefined) =>
  (order?.timeline ?? []).map((entry) => entry.what).filter((what) => what.startsWith('Documents issued'));

describe('issuing trade documents, retried', () => {
  it('notes each version once when the step runs again', async () => {
    // Prepare
    const order = packedOrder();
    const { issue, orders } = world(order);
    // Act
    await issue(order.orderId, 'shipping');
    await issue(order.orderId, 'shipping');
    // Assess
    expect(issuedEntries(await orders.get(order.orderId))).toEqual([
      'Documents issued: CI-2026-000001 v1, PL-2026-000001 v1, CD-2026-000001 v1',
    ]);
  });

  it('notes the versions a run kept but did not record (stopped before the order write), once', async () => {
    // Prepare: the first run keeps the files, then dies before it writes the order
    const order = packedOrder();
    const orders = makeInMemoryOrderRepository([order]);
    let dies = true;
    const dying: OrderRepository = {
      ...orders,
      async save(next) {
        if (dies) throw new Error('killed');
        return orders.save(next);
      },
    };
    const { issue } = world(order, dying);
    await expect(issue(order.orderId, 'shipping')).rejects.toThrow('killed');
    dies = false;
    // Act: the retry finds every document already kept
    await issue(order.orderId, 'shipping');
    await issue(order.orderId, 'shipping');
    // Assess
    const after = await orders.get(order.orderId);
    expect(issuedEntries(after)).toEqual([
      'Documents issued: CI-2026-000001 v1, PL-2026-000001 v1, CD-2026-000001 v1',
    ]);
    expect(after?.documents?.map((document) => `${document.kind} v${document.version}`)).toEqual([
      'commercial-invoice v1',
      'packing-list v1',
      'customs-declaration v1',
    ]);
  });

  it('lets a timed-out run and its retry both finish, with one entry', async () => {
    // Prepare: both runs render version 1 before either keeps it, a second apart
    const order = packedOrder();
    const orders = makeInMemoryOrderRepository([order]);
    const kept = makeInMemoryTradeDocumentStore();
    let saving = 0;
    let bothRendered: () => void = () => undefined;
    const together = new Promise<void>((resolve) => {
      bothRendered = resolve;
    });
    const documents: TradeDocumentStore = {
      ...kept,
      async save(draft) {
        if (++saving === 2) bothRendered();
        if (saving <= 2) await together;
        return kept.save(draft);
      },
    };
    let tick = 0;
    const issue = makeIssueDocuments({
      ...deps(orders, documents),
      clock: { now: () => new Date(Date.parse('2026-12-01T10:00:00.000Z') + 1000 * tick++) },
    });
    // Act
    const runs = await Promise.allSettled([
      issue(order.orderId, 'shipping'),
      issue(order.orderId, 'shipping'),
    ]);
    // Assess
    expect(runs.map((run) => run.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(issuedEntries(await orders.get(order.orderId))).toEqual([
      'Documents issued: CI-2026-000001 v1, PL-2026-000001 v1, CD-2026-000001 v1',
    ]);
  });

  it('finds unchanged documents on the order: issuing again reads and writes nothing in the bucket', async () => {
    // Prepare: count the bucket's calls once the set is issued
    const order = packedOrder();
    const orders = makeInMemoryOrderRepository([order]);
    const kept = makeInMemoryTradeDocumentStore();
    const calls: string[] = [];
    const documents: TradeDocumentStore = {
      ...kept,
      latest: (...args) => {
        calls.push('latest');
        return kept.latest(...args);
      },
      list: (orderId) => {
        calls.push('list');
        return kept.list(orderId);
      },
      save: (draft) => {
        calls.push('save');
        return kept.save(draft);
      },
    };
    const issue = makeIssueDocuments(deps(orders, documents));
    await issue(order.orderId, 'shipping');
    const first = [...calls];
    calls.length = 0;

    // Act
    const again = await issue(order.orderId, 'shipping');

    // Assess: the first issue only kept the files (the order knew of no version to look for)
    expect(first).toEqual(['save', 'save', 'save']);
    expect(calls).toEqual([]);
    expect(again.documents.map((document) => document.issued)).toEqual([false, false, false]);
    expect((await orders.get(order.orderId))?.documents?.map((document) => document.contentHash)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
  });

  it('notes the new versions once the shipment changes what the documents say', async () => {
    // Prepare
    const order = packedOrder();
    const { issue, orders } = world(order);
    await issue(order.orderId, 'shipping');
    const packed = (await orders.get(order.orderId))!;
    await orders.save({ ...packed, shipment, version: packed.version + 1 });
    // Act
    await issue(order.orderId, 'shipping');
    await issue(order.orderId, 'shipping');
    // Assess
    expect(issuedEntries(await orders.get(order.orderId))).toEqual([
      'Documents issued: CI-2026-000001 v1, PL-2026-000001 v1, CD-2026-000001 v1',
      'Documents issued: CI-2026-000001 v2, PL-2026-000001 v2, CD-2026-000001 v2',
    ]);
  });
});
