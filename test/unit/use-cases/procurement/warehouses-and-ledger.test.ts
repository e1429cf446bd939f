import { fillOrder, reserveUnits } from '../../../../shared/domain/stock-levels';
import { ConflictError } from '../../../../shared/errors';
import { stockView } from '../../../../shared/http/inventory-views';
import { procurementWorld, WAREHOUSE } from './procurement-world';

describe('stock in several warehouses', () => {
  it('fills an order from the warehouse with the most available first, then the next', async () => {
    // Prepare
    const w = procurementWorld();
    await w.setStock('VALVE-DN50', { onHand: 30 }, WAREHOUSE);
    await w.setStock('VALVE-DN50', { onHand: 50, warehouse: 'HAM' }, WAREHOUSE);

    // Act
    const held = await w.inventory.reserve('VALVE-DN50', 'ord_a', 60);

    // Assess
    const stock = (await w.inventory.getStock('VALVE-DN50'))!;
    expect(held).toBe(60);
    expect(stock.allocations).toEqual({ ord_a: { HAM: 50, MAIN: 10 } });
    expect(stockView(stock).warehouses).toEqual([
      { warehouse: 'HAM', onHand: 50, available: 0, reserved: 50, incoming: 0 },
      { warehouse: 'MAIN', onHand: 30, available: 20, reserved: 10, incoming: 0 },
    ]);
    expect(stock).toMatchObject({ onHand: 80, available: 20, reservations: { ord_a: 60 } });
  });

  it('releases and dispatches from the warehouses the order took from', async () => {
    // Prepare
    const w = procurementWorld();
    await w.setStock('VALVE-DN50', { onHand: 10 });
    await w.setStock('VALVE-DN50', { onHand: 8, warehouse: 'HAM' });
    await w.inventory.reserve('VALVE-DN50', 'ord_a', 15);
    await w.inventory.reserve('VALVE-DN50', 'ord_b', 3);

    // Act
    const released = await w.inventory.release('VALVE-DN50', 'ord_a');
    const dispatched = await w.inventory.dispatch('VALVE-DN50', 'ord_b');

    // Assess
    const stock = (await w.inventory.getStock('VALVE-DN50'))!;
    expect([released, dispatched]).toEqual([15, 3]);
    expect(stock.warehouses).toEqual({
      MAIN: { onHand: 10, available: 10, incoming: 0 },
      HAM: { onHand: 5, available: 5, incoming: 0 },
    });
    expect(stock.reservations).toEqual({});
  });

  it('counts each warehouse on its own: a count below what is reserved there is refused', async () => {
    // Prepare
    const w = procurementWorld();
    await w.setStock('PUMP-3KW', { onHand: 4, warehouse: 'HAM' });
    await w.setStock('PUMP-3KW', { onHand: 4, warehouse: 'SHA' });
    await w.inventory.reserve('PUMP-3KW', 'ord_a', 4);

    // Act
    const refused = w.setStock('PUMP-3KW', { onHand: 3, warehouse: 'HAM' });
    const other = await w.setStock('PUMP-3KW', { onHand: 0, warehouse: 'SHA' });

    // Assess
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    expect(other).toMatchObject({ warehouse: 'HAM', onHand: 4, available: 0 });
  });

  it('keeps the fill order stable: most available first, ties by name', () => {
    // Act
    const order = fillOrder({
      B: { onHand: 5, available: 5, incoming: 0 },
      A: { onHand: 5, available: 5, incoming: 0 },
      C: { onHand: 9, available: 9, incoming: 0 },
      D: { onHand: 1, available: 0, incoming: 0 },
    });

    // Assess
    expect(order).toEqual(['C', 'A', 'B']);
    expect(reserveUnits(undefined, 'X', 'ord_a', 3)).toEqual({ movements: [], result: 0 });
  });
});

describe('the stock ledger', () => {
  it('records every movement with its reason and who made it, newest first, a page at a time', async () => {
    // Prepare
    const w = procurementWorld();
    await w.setStock('VALVE-DN50', { onHand: 20 }, WAREHOUSE);
    await w.inventory.receive('VALVE-DN50', 5, { warehouse: 'HAM', by: WAREHOUSE });
    await w.inventory.reserve('VALVE-DN50', 'ord_a', 22);
    await w.inventory.reserve('VALVE-DN50', 'ord_a', 22); // a retried step: nothing moves
    await w.inventory.release('VALVE-DN50', 'ord_a');
    await w.inventory.release('VALVE-DN50', 'ord_a');

    // Act
    const first = await w.inventory.listMovements('VALVE-DN50', { limit: 3 });
    const rest = await w.inventory.listMovements('VALVE-DN50', { limit: 10, nextToken: first.nextToken });
    const ham = await w.inventory.listMovements('VALVE-DN50', { limit: 10, warehouse: 'HAM' });

    // Assess
    const all = [...first.items, ...rest.items];
    expect(all.map((m) => [m.reason, m.warehouse, m.quantity])).toEqual([
      ['release', 'MAIN', 20],
      ['release', 'HAM', 2],
      ['reservation', 'MAIN', 20],
      ['reservation', 'HAM', 2],
      ['receipt', 'HAM', 5],
      ['adjustment', 'MAIN', 20],
    ]);
    expect(all[0]).toMatchObject({ orderId: 'ord_a', by: { kind: 'system', id: 'workflow' }, available: 20 });
    expect(all[5]).toMatchObject({ by: WAREHOUSE, change: { onHand: 20, available: 20, reserved: 0 } });
    expect(new Set(all.map((m) => m.movementId)).size).toBe(6);
    expect(ham.items.map((m) => m.reason)).toEqual(['release', 'reservation', 'receipt']);
  });
});
