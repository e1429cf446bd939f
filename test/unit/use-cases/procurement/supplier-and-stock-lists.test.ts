import { makeInMemoryStockOverview } from '../../../../shared/adapters/in-memory/stock-overview';
import { stockOverviewView } from '../../../../shared/http/stock-overview-views';
import { makeListStock } from '../../../../shared/use-cases/procurement/list-stock';
import { makeListSuppliers } from '../../../../shared/use-cases/procurement/read-procurement';
import { procurementWorld, WAREHOUSE } from './procurement-world';

describe('the supplier list', () => {
  it('lists every supplier newest first, a page at a time', async () => {
    // Prepare: three suppliers, a minute apart
    const w = procurementWorld();
    const made: string[] = [];
    for (const [name, sku] of [
      ['Ningbo Valve Works', 'VALVE-DN50'],
      ['Pump Co', 'PUMP-3KW'],
      ['Flange Ltd', 'FLANGE-DN50'],
    ]) {
      made.push((await w.createSupplier({ name, leadTimeDays: 21, skus: [sku] })).supplierId);
      w.advance(1);
    }
    const listSuppliers = makeListSuppliers({ procurement: w.procurement });

    // Act
    const first = await listSuppliers({ limit: 2 });
    const second = await listSuppliers({ limit: 2, nextToken: first.nextToken });

    // Assess
    expect(first.items.map((s) => s.name)).toEqual(['Flange Ltd', 'Pump Co']);
    expect(first.nextToken).toBeDefined();
    expect(second.items.map((s) => s.supplierId)).toEqual([made[0]]);
    expect(second.items[0]).toMatchObject({ leadTimeDays: 21, skus: ['VALVE-DN50'] });
    expect(second.nextToken).toBeUndefined();
  });

  it('answers an empty page when there are no suppliers', async () => {
    // Prepare
    const w = procurementWorld();

    // Act
    const page = await makeListSuppliers({ procurement: w.procurement })({ limit: 25 });

    // Assess
    expect(page).toEqual({ items: [] });
  });
});

describe('the stock overview', () => {
  /** VALVE fine; PUMP below its reorder point in HAM only; FLANGE counted at zero with no reorder point. */
  async function stocked() {
    const w = procurementWorld();
    await w.setStock('VALVE-DN50', { onHand: 100, reorderPoint: 20 }, WAREHOUSE);
    await w.setStock('PUMP-3KW', { onHand: 50, reorderPoint: 10 }, WAREHOUSE);
    await w.setStock('PUMP-3KW', { onHand: 4, reorderPoint: 5, warehouse: 'HAM' }, WAREHOUSE);
    await w.setStock('FLANGE-DN50', { onHand: 0 }, WAREHOUSE);
    await w.inventory.reserve('VALVE-DN50', 'ord_a', 30);
    const listStock = makeListStock({ overview: makeInMemoryStockOverview(w.inventory.stock) });
    return { w, listStock };
  }

  it('lists every sku with its totals, those below a reorder point first', async () => {
    // Prepare
    const { listStock } = await stocked();

    // Act
    const page = await listStock({ limit: 25 });

    // Assess
    expect(page.items.map(stockOverviewView)).toEqual([
      {
        sku: 'PUMP-3KW',
        warehouse: 'MAIN',
        onHand: 54,
        reserved: 0,
        available: 54,
        incoming: 0,
        reorderPoint: 10,
        belowReorderPoint: true,
        warehousesBelowReorderPoint: ['HAM'],
        warehouseCount: 2,
      },
      {
        sku: 'FLANGE-DN50',
        warehouse: 'MAIN',
        onHand: 0,
        reserved: 0,
        available: 0,
        incoming: 0,
        belowReorderPoint: false,
        warehousesBelowReorderPoint: [],
        warehouseCount: 1,
      },
      {
        sku: 'VALVE-DN50',
        warehouse: 'MAIN',
        onHand: 100,
        reserved: 30,
        available: 70,
        incoming: 0,
        reorderPoint: 20,
        belowReorderPoint: false,
        warehousesBelowReorderPoint: [],
        warehouseCount: 1,
      },
    ]);
    expect(page.nextToken).toBeUndefined();
  });

  it('keeps only the skus at or below a reorder point when asked, and follows stock as it moves', async () => {
    // Prepare: a reservation takes VALVE to its reorder point (70 → 20 available)
    const { w, listStock } = await stocked();
    await w.inventory.reserve('VALVE-DN50', 'ord_b', 50);

    // Act
    const below = await listStock({ belowReorderPoint: true, limit: 25 });

    // Assess
    expect(below.items.map((stock) => stock.sku)).toEqual(['PUMP-3KW', 'VALVE-DN50']);
    expect(stockOverviewView(below.items[1])).toMatchObject({
      available: 20,
      belowReorderPoint: true,
      warehousesBelowReorderPoint: ['MAIN'],
    });
  });

  it('pages through the list with nextToken', async () => {
    // Prepare
    const { listStock } = await stocked();

    // Act
    const first = await listStock({ limit: 2 });
    const second = await listStock({ limit: 2, nextToken: first.nextToken });

    // Assess
    expect(first.items.map((stock) => stock.sku)).toEqual(['PUMP-3KW', 'FLANGE-DN50']);
    expect(second.items.map((stock) => stock.sku)).toEqual(['VALVE-DN50']);
    expect(second.nextToken).toBeUndefined();
  });
});
