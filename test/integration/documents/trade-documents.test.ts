import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * Trade documents on the embedded runtime: issued by the workflow to S3 (s3rver) as the order is
 * confirmed, packed and shipped; listed with every version and downloaded through the API; held by a
 * product without an HS code until sales fixes it and retries.
 */
jest.setTimeout(120_000);

let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem({ timeScale: 1 });
  await system.seedProducts();
});
afterAll(async () => {
  await system?.stop();
});

async function placeOrder(sku: string, quantity: number): Promise<string> {
  const customer = await system.api('/customers', {
    body: {
      name: 'Ana Buyer',
      email: `ana+${sku.toLowerCase()}@example.com`,
      country: 'DE',
      company: 'Hamburg Tools GmbH',
      creditLimit: { amount: '50000', currency: 'EUR' },
    },
  });
  const placed = await system.api('/orders', {
    body: {
      customerId: customer.json.customerId,
      currency: 'EUR',
      incoterm: { code: 'FOB', place: 'Shanghai' },
      paymentTerms: { type: 'OA', netDays: 30 },
      lines: [{ sku, quantity, unitPrice: '12.50' }],
      shippingAddress: { name: 'Ana Buyer', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      buyerPo: 'PO-4711',
    },
  });
  expect(placed.status).toBe(201);
  return placed.json.orderId;
}

const order = (id: string) => system.api(`/orders/${id}`, { as: 'sales' });

async function untilStatus(id: string, status: string, waitingFor?: string) {
  return eventually(
    async () => {
      const { json } = await order(id);
      return json.status === status && (!waitingFor || json.waitingFor === waitingFor) ? json : undefined;
    },
    60_000,
    `order ${id} ${status} ${waitingFor ?? ''}`,
  );
}

async function pack(id: string, sku: string, quantity: number) {
  const packed = await system.api(`/orders/${id}/packing`, {
    body: {
      packages: [{ weightKg: 300, lengthCm: 120, widthCm: 80, heightCm: 100, lines: [{ sku, quantity }] }],
    },
    as: 'warehouse',
  });
  expect(packed.status).toBe(200);
}

async function download(
  path: string,
  accept: string,
): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(`${system.runtime.info.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${system.runtime.info.staffTokens.logistics}`, accept },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('trade documents', () => {
  it('issues the documents as the order is confirmed, packed and shipped, keeping every version', async () => {
    // Prepare
    const id = await placeOrder('VALVE-DN50', 200);
    await untilStatus(id, 'IN_PRODUCTION', 'packing').catch(async (error) => {
      throw new Error(`${error.message}: ${JSON.stringify((await order(id)).json)}`);
    });
    // Act
    await pack(id, 'VALVE-DN50', 200);
    const ready = await untilStatus(id, 'READY_TO_SHIP');
    const afterPacking = (await system.api(`/orders/${id}/documents`, { as: 'sales' })).json;
    const shipped = await system.api(`/orders/${id}/shipment`, {
      body: {
        carrier: 'Maersk',
        mode: 'SEA',
        transportDocumentNo: 'MAEU123456789',
        trackingNumber: 'MAEU123456789',
        etd: '2026-12-01',
        eta: '2027-01-05',
        portOfLoading: 'Shanghai',
        portOfDischarge: 'Hamburg',
      },
      as: 'logistics',
    });
    expect(shipped.status).toBe(200);
    await untilStatus(id, 'IN_TRANSIT');
    const listed = await eventually(
      async () => {
        const { json } = await system.api(`/orders/${id}/documents`, { as: 'sales' });
        return json.documents.some(
          (d: { kind: string; version: number }) => d.kind === 'commercial-invoice' && d.version === 2,
        )
          ? json
          : undefined;
      },
      20_000,
      'commercial invoice v2',
    );
    // Assess
    const kinds = (list: { documents: { kind: string; version: number }[] }) =>
      list.documents.map((d) => `${d.kind}@${d.version}`).sort();
    expect(kinds(afterPacking)).toEqual([
      'commercial-invoice@1',
      'customs-declaration@1',
      'order-confirmation@1',
      'packing-list@1',
      'proforma-invoice@1',
    ]);
    expect(kinds(listed)).toEqual([
      'commercial-invoice@1',
      'commercial-invoice@2',
      'customs-declaration@1',
      'customs-declaration@2',
      'order-confirmation@1',
      'packing-list@1',
      'packing-list@2',
      'proforma-invoice@1',
    ]);
    const invoices = listed.documents.filter((d: { kind: string }) => d.kind === 'commercial-invoice');
    expect(invoices[0].number).toMatch(/^CI-\d{4}-\d{6}$/);
    expect(invoices[1].number).toBe(invoices[0].number);
    expect(ready.documents.map((d: { kind: string }) => d.kind).sort()).toContain('commercial-invoice');

    const pdf = await download(`/orders/${id}/documents/commercial-invoice`, 'application/pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const first = await download(`/orders/${id}/documents/commercial-invoice?version=1`, 'application/pdf');
    expect(first.bytes.equals(pdf.bytes)).toBe(false);
    const csv = await download(`/orders/${id}/documents/customs-declaration?format=csv`, 'text/csv');
    expect(csv.bytes.toString('utf8')).toContain('848180,CN,200,pcs,12.50,2500.00');
    expect(csv.bytes.toString('utf8')).toContain('MAEU123456789');
    const wrongFormat = await system.api(`/orders/${id}/documents/packing-list?format=csv`, { as: 'sales' });
    expect(wrongFormat.status).toBe(400);
  });

  it('holds the documents of a product without HS code for sales, then issues them once it is fixed', async () => {
    // Prepare
    const sku = 'BARE-PART-1';
    expect(
      (await system.api('/products', { body: { sku, name: 'Bare part', unit: 'pcs' }, as: 'procurement' }))
        .status,
    ).toBe(201);
    await system.api(`/inventory/${sku}`, { method: 'PUT', body: { onHand: 100 }, as: 'warehouse' });
    const id = await placeOrder(sku, 10);
    await untilStatus(id, 'IN_PRODUCTION', 'packing');
    // Act
    await pack(id, sku, 10);
    const held = await untilStatus(id, 'IN_PRODUCTION', 'documents');
    const before = (await system.api(`/orders/${id}/documents`, { as: 'sales' })).json;
    const tooEarly = await system.api(`/orders/${id}/documents/retry`, { body: {}, as: 'sales' });
    const fixed = await system.api(`/products/${sku}`, {
      method: 'PATCH',
      body: { hsCode: '7318.15', originCountry: 'CN' },
      as: 'sales',
    });
    const retried = await system.api(`/orders/${id}/documents/retry`, { body: {}, as: 'sales' });
    const ready = await untilStatus(id, 'READY_TO_SHIP');
    // Assess
    expect(held.documentTasks).toEqual([
      expect.objectContaining({
        set: 'shipping',
        summary: '1 line has no HS code (and 1 more problem)',
        problems: ['1 line has no HS code: 1 BARE-PART-1', '1 line has no country of origin: 1 BARE-PART-1'],
      }),
    ]);
    expect(held.timeline.map((entry: { what: string }) => entry.what)).toContain(
      'Documents held for sales: 1 line has no HS code (and 1 more problem)',
    );
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.json.error.message).toContain('1 line has no HS code');
    expect(fixed.status).toBe(200);
    expect(retried.status).toBe(200);
    expect(retried.json.resumed).toBe(true);
    expect(ready.documentTasks).toBeUndefined();
    const after = (await system.api(`/orders/${id}/documents`, { as: 'sales' })).json;
    expect(after.documents.map((d: { kind: string }) => d.kind)).toContain('commercial-invoice');
    expect(before.documents.map((d: { kind: string }) => d.kind)).not.toContain('commercial-invoice');
    const events = await system.admin<{ events?: { detailType?: string; type?: string }[] }>('/events');
    expect(JSON.stringify(events)).toContain('DocumentChecksFailed');
  });
});
