import { makeInMemoryTradeDocumentStore } from '../../../shared/adapters/in-memory/trade-documents';
import type { Order } from '../../../shared/domain/order';
import { closeDispatchedShipment } from '../../../shared/domain/shipments';
import { documentUrlFromPage } from '../../../shared/tracking-page/links';
import { renderTrackingPage } from '../../../shared/tracking-page/render-page';
import { trackingView } from '../../../shared/tracking-page/tracking-view';
import { order } from '../use-cases/notifications/world';

/**
 * The tracking page of an order shipped in parts: a section per shipment with its own booking,
 * carrier updates, delivery and documents (each shipment's invoice linked with its number), in the
 * buyer's language; an ordinary order's page is as it was.
 */

const TOKEN = 'tok_partialShipmentsPage_00000001';
const booking = (n: number) => ({
  carrier: 'Maersk',
  mode: 'SEA' as const,
  transportDocumentNo: `MAEU-BL-${n}`,
  trackingNumber: `MSKU-${n}`,
  etd: '2026-12-01',
  eta: '2027-01-05',
  dispatchedAt: '2026-12-01T08:00:00.000Z',
});
const box = (quantity: number) => ({
  weightKg: 100,
  lengthCm: 100,
  widthCm: 80,
  heightCm: 60,
  lines: [{ sku: 'VALVE-DN50', quantity }],
});

/** Shipment 1 (120 valves) delivered, shipment 2 (80 valves) on its way, delayed. */
function splitOrder(): Order {
  const base: Order = {
    ...order(),
    allowPartialShipments: true,
    lines: [{ ...order().lines[0], quantity: 200 }],
    status: 'IN_TRANSIT',
    reservations: [{ sku: 'VALVE-DN50', quantity: 120 }],
    packages: [box(120)],
    shipment: booking(1),
    tracking: { eta: '2027-01-05' },
  };
  const closed = closeDispatchedShipment(base);
  return {
    ...closed,
    shipments: [
      {
        ...closed.shipments![0],
        delivery: { deliveredAt: '2027-01-04T10:00:00Z', recordedAt: '2027-01-04T11:00:00Z' },
      },
    ],
    reservations: [{ sku: 'VALVE-DN50', quantity: 80 }],
    packages: [box(80)],
    shipment: booking(2),
    tracking: {
      eta: '2027-02-12',
      exception: { type: 'DELAYED', openedAt: '2027-01-20T08:00:00Z' },
      lastEventAt: '2027-01-20T08:00:00Z',
    },
    trackingEvents: [
      {
        status: 'DELAYED',
        at: '2027-01-20T08:00:00Z',
        newEta: '2027-02-12',
        recordedAt: '2027-01-20T09:00:00Z',
      },
    ],
  };
}

async function documentsOf(split: Order) {
  const store = makeInMemoryTradeDocumentStore();
  const save = (kind: 'commercial-invoice' | 'proforma-invoice', number: string, shipmentNo?: number) =>
    store.save({
      orderId: split.orderId,
      kind,
      number,
      version: 1,
      issuedAt: '2026-12-01T08:00:00.000Z',
      contentHash: `${kind}-${number}`,
      files: { pdf: new Uint8Array([37, 80, 68, 70]) },
      ...(shipmentNo ? { shipmentNo } : {}),
    });
  await save('proforma-invoice', 'PI-2026-000001');
  await save('commercial-invoice', 'CI-2026-000011', 1);
  await save('commercial-invoice', 'CI-2026-000012', 2);
  return store.list(split.orderId);
}

describe('the tracking page of an order shipped in parts', () => {
  it('lists each shipment with its status, contents, updates and its own invoice', async () => {
    // Prepare
    const split = splitOrder();

    // Act
    const view = trackingView(split, await documentsOf(split), (kind, n) =>
      documentUrlFromPage(TOKEN, kind, n),
    );

    // Assess
    expect(view.shipments?.map((s) => [s.shipmentNo, s.status, s.lines, s.deliveredAt])).toEqual([
      [1, 'DELIVERED', [{ sku: 'VALVE-DN50', quantity: 120 }], '2027-01-04T10:00:00Z'],
      [2, 'IN_TRANSIT', [{ sku: 'VALVE-DN50', quantity: 80 }], undefined],
    ]);
    expect(view.shipments?.[1]).toMatchObject({
      eta: '2027-02-12',
      exception: { type: 'DELAYED' },
      carrierUpdates: [{ status: 'DELAYED', newEta: '2027-02-12' }],
    });
    expect(view.shipments?.map((s) => s.documents.map((d) => [d.number, d.url]))).toEqual([
      [['CI-2026-000011', `${TOKEN}/documents/commercial-invoice`]],
      [['CI-2026-000012', `${TOKEN}/documents/commercial-invoice?shipment=2`]],
    ]);
    // The order's own documents stay at the top; it is not delivered until every shipment is
    expect(view.documents.map((d) => d.number)).toEqual(['PI-2026-000001']);
    expect(view.deliveredAt).toBeUndefined();
  });

  it("renders a section per shipment in the buyer's language", async () => {
    // Prepare
    const split = splitOrder();
    const view = trackingView(split, await documentsOf(split), (kind, n) =>
      documentUrlFromPage(TOKEN, kind, n),
    );

    // Act
    const zh = renderTrackingPage(view, 'zh-CN');
    const en = renderTrackingPage(view, 'en');

    // Assess
    expect(zh).toContain('第 1 批货物');
    expect(zh).toContain('第 2 批货物');
    expect(zh).toContain('已送达');
    expect(en).toContain('<h2>Shipment 1</h2>');
    expect(en).toContain('<h2>Shipment 2</h2>');
    expect(en).toContain('href="tok_partialShipmentsPage_00000001/documents/commercial-invoice?shipment=2"');
    expect(en).toContain('120 × VALVE-DN50');
  });

  it('leaves an ordinary order without shipment sections', async () => {
    // Prepare
    const whole: Order = { ...order(), status: 'IN_TRANSIT', shipment: booking(1) };

    // Act
    const view = trackingView(whole, [], (kind) => documentUrlFromPage(TOKEN, kind));

    // Assess
    expect(view.shipments).toBeUndefined();
    expect(renderTrackingPage(view, 'en')).not.toContain('<h2>Shipment 1</h2>');
  });
});
