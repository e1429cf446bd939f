import { type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * On the embedded runtime: GET /suppliers lists the suppliers registered through the API, and
 * GET /inventory every sku's stock from the inventory table's sparse `stockOverview` index (below
 * a reorder point first, or only those), following the stock as counts and reservations change it.
 */
describe('the supplier list and the stock overview, on the local runtime', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
  });
  afterAll(async () => {
    await system.stop();
  });

  async function createProduct(sku: string) {
    const created = await system.api('/products', {
      body: { sku, name: `Part ${sku}`, unitCost: '7.10', price: '12.50', currency: 'EUR' },
      as: 'procurement',
    });
    expect(created.status).toBe(201);
  }

  async function count(sku: string, body: Record<string, unknown>) {
    const counted = await system.api(`/inventory/${sku}`, { method: 'PUT', body, as: 'warehouse' });
    expect(counted.status).toBe(200);
  }

  it('lists every supplier newest first, a page at a time, for procurement and admin only', async () => {
    // Prepare: two suppliers
    await createProduct('LIST-SUP-1');
    const ids: string[] = [];
    for (const name of ['Ningbo Valve Works', 'Shanghai Pumps']) {
      const created = await system.api('/suppliers', {
        body: { name, leadTimeDays: 14, currency: 'USD', skus: ['LIST-SUP-1'] },
        as: 'procurement',
      });
      expect(created.status).toBe(201);
      ids.push(created.json.supplierId);
    }

    // Act
    const first = await system.api('/suppliers?limit=1', { as: 'procurement' });
    const second = await system.api(`/suppliers?limit=1&nextToken=${first.json.nextToken}`, { as: 'admin' });
    const asSales = await system.api('/suppliers', { as: 'sales' });
    const badLimit = await system.api('/suppliers?limit=500', { as: 'procurement' });
    const poToken = (await system.api('/purchase-orders?limit=1', { as: 'procurement' })).json.nextToken;

    // Assess
    expect(first.status).toBe(200);
    expect(first.json.items).toEqual([
      expect.objectContaining({
        supplierId: ids[1],
        name: 'Shanghai Pumps',
        leadTimeDays: 14,
        currency: 'USD',
        skus: ['LIST-SUP-1'],
      }),
    ]);
    expect(second.json.items.map((s: { supplierId: string }) => s.supplierId)).toEqual([ids[0]]);
    expect(asSales.status).toBe(403);
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.error.field).toBe('limit');
    expect(poToken).toBeUndefined();
  });

  it('lists every sku with its totals, below a reorder point first, and filters to those', async () => {
    // Prepare: OK-1 well stocked; LOW-1 counted below its reorder point; LOW-2 reserved down to it
    for (const sku of ['OVW-OK-1', 'OVW-LOW-1', 'OVW-LOW-2']) await createProduct(sku);
    await count('OVW-OK-1', { onHand: 500, reorderPoint: 50 });
    await count('OVW-LOW-1', { onHand: 5, reorderPoint: 20, maxStock: 200 });
    await count('OVW-LOW-2', { onHand: 40, reorderPoint: 30 });
    await count('OVW-LOW-2', { onHand: 40, reorderPoint: 30, warehouse: 'HAM' });
    await count('OVW-LOW-2', { onHand: 25, reorderPoint: 30 });

    // Act
    const all = await system.api('/inventory?limit=100', { as: 'warehouse' });
    const below = await system.api('/inventory?belowReorderPoint=true', { as: 'procurement' });
    const paged = await system.api('/inventory?belowReorderPoint=true&limit=1', { as: 'admin' });
    const next = await system.api(
      `/inventory?belowReorderPoint=true&limit=1&nextToken=${paged.json.nextToken}`,
      { as: 'admin' },
    );
    const asSales = await system.api('/inventory', { as: 'sales' });
    const badFilter = await system.api('/inventory?belowReorderPoint=yes', { as: 'warehouse' });
    // The unfiltered list's token after OVW-OK-1 points outside the filtered range.
    const lastOfAll = (await system.api('/inventory?limit=3', { as: 'warehouse' })).json.nextToken;
    const foreignToken = await system.api(`/inventory?belowReorderPoint=true&nextToken=${lastOfAll}`, {
      as: 'warehouse',
    });

    // Assess
    expect(all.status).toBe(200);
    const skus = all.json.items.map((row: { sku: string }) => row.sku);
    expect(skus).toEqual(['OVW-LOW-1', 'OVW-LOW-2', 'OVW-OK-1']);
    expect(all.json.items[0]).toEqual({
      sku: 'OVW-LOW-1',
      warehouse: 'MAIN',
      onHand: 5,
      reserved: 0,
      available: 5,
      incoming: 0,
      reorderPoint: 20,
      maxStock: 200,
      belowReorderPoint: true,
      warehousesBelowReorderPoint: ['MAIN'],
      warehouseCount: 1,
    });
    expect(all.json.items[1]).toMatchObject({
      sku: 'OVW-LOW-2',
      onHand: 65,
      available: 65,
      belowReorderPoint: true,
      warehousesBelowReorderPoint: ['MAIN'],
      warehouseCount: 2,
    });
    expect(all.json.items[2]).toMatchObject({ sku: 'OVW-OK-1', onHand: 500, belowReorderPoint: false });
    expect(below.json.items.map((row: { sku: string }) => row.sku)).toEqual(['OVW-LOW-1', 'OVW-LOW-2']);
    expect(paged.json.items.map((row: { sku: string }) => row.sku)).toEqual(['OVW-LOW-1']);
    expect(next.json.items.map((row: { sku: string }) => row.sku)).toEqual(['OVW-LOW-2']);
    expect(asSales.status).toBe(403);
    expect(badFilter.status).toBe(400);
    expect(badFilter.json.error.field).toBe('belowReorderPoint');
    expect(lastOfAll).toBeDefined();
    expect(foreignToken.status).toBe(400);
  });

  it('moves a sku out of the below-reorder list when a count lifts it above its reorder point', async () => {
    // Prepare
    await createProduct('OVW-MOVE-1');
    await count('OVW-MOVE-1', { onHand: 3, reorderPoint: 10 });
    const before = await system.api('/inventory?belowReorderPoint=true&limit=100', { as: 'warehouse' });

    // Act
    await count('OVW-MOVE-1', { onHand: 80, reorderPoint: 10 });

    // Assess
    const after = await system.api('/inventory?belowReorderPoint=true&limit=100', { as: 'warehouse' });
    const skusOf = (page: { json: { items: { sku: string }[] } }) => page.json.items.map((row) => row.sku);
    expect(skusOf(before)).toContain('OVW-MOVE-1');
    expect(skusOf(after)).not.toContain('OVW-MOVE-1');
  });
});
