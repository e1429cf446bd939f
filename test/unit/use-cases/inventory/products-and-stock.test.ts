import {
  createProductBody,
  putInventoryBody,
  receiveInventoryBody,
} from '../../../../shared/contracts/inventory';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../../shared/errors';
import { productView, stockView } from '../../../../shared/http/inventory-views';
import { parseWith } from '../../../../shared/http/request';
import { inventoryWorld } from './inventory-world';

describe('products', () => {
  it('creates a product with its money kept exactly, once', async () => {
    // Prepare
    const w = inventoryWorld();
    const body = parseWith(createProductBody, {
      sku: 'GATE-DN80',
      name: 'Gate valve DN80',
      hsCode: '8481.80',
      originCountry: 'CN',
      unit: 'pcs',
      netWeightKg: 9.5,
      grossWeightKg: 10.2,
      unitCost: { amount: '31.40', currency: 'USD' },
      price: { amount: 49.9, currency: 'EUR' },
    });

    // Act
    const product = await w.createProduct(body);
    const again = w.createProduct(body);

    // Assess
    expect(product).toMatchObject({
      sku: 'GATE-DN80',
      unitCost: { currency: 'USD', minor: 3140 },
      price: { currency: 'EUR', minor: 4990 },
      createdAt: w.clock.now().toISOString(),
    });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    expect(productView(product)).toMatchObject({
      unitCost: { amount: '31.40', currency: 'USD' },
      price: { amount: '49.90', currency: 'EUR' },
    });
    expect(await w.inventory.missingProducts(['GATE-DN80', 'GHOST-1', 'GHOST-1'])).toEqual(['GHOST-1']);
  });

  it('takes plain amounts in the currency the body names', async () => {
    // Prepare
    const w = inventoryWorld();
    const body = parseWith(createProductBody, {
      sku: 'PUMP-5KW',
      name: 'Centrifugal pump 5 kW',
      currency: 'EUR',
      unitCost: '540.00',
      price: 899.9,
    });

    // Act
    const product = await w.createProduct(body);

    // Assess
    expect(product).toMatchObject({
      unitCost: { currency: 'EUR', minor: 54000 },
      price: { currency: 'EUR', minor: 89990 },
    });
    expect(product).not.toHaveProperty('currency');
  });

  it.each([
    ['a sku with a space', { sku: 'GATE DN80', name: 'x' }, 'sku'],
    ['no name', { sku: 'GATE-DN80' }, 'name'],
    ['an HS code of 4 digits', { sku: 'G-1', name: 'x', hsCode: '8481' }, 'hsCode'],
    ['an unknown country', { sku: 'G-1', name: 'x', originCountry: 'XX' }, 'originCountry'],
    ['gross below net weight', { sku: 'G-1', name: 'x', netWeightKg: 5, grossWeightKg: 4 }, 'grossWeightKg'],
    ['a price object without currency', { sku: 'G-1', name: 'x', price: { amount: '1.00' } }, 'price'],
    ['a plain price with no currency', { sku: 'G-1', name: 'x', price: '1.00' }, 'currency'],
    ['an unknown field', { sku: 'G-1', name: 'x', colour: 'red' }, undefined],
  ])('refuses %s, naming the field', (_case, body, field) => {
    // Act
    const parse = () => parseWith(createProductBody, body);

    // Assess
    expect(parse).toThrow(InvalidInputError);
    try {
      parse();
    } catch (error) {
      expect((error as InvalidInputError).field).toBe(field);
    }
  });
});

describe('stock counts', () => {
  it('sets what is on hand, keeping the reservations, and shows what is available', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.setStock('VALVE-DN50', { onHand: 100, reorderPoint: 20, warehouse: 'SHA-1' });
    await w.inventory.reserve('VALVE-DN50', 'ord_a', 60);

    // Act
    const stock = await w.setStock('VALVE-DN50', parseWith(putInventoryBody, { onHand: 75, maxStock: 400 }));

    // Assess
    expect(stockView(stock)).toEqual({
      sku: 'VALVE-DN50',
      warehouse: 'SHA-1',
      onHand: 75,
      available: 15,
      reserved: 60,
      reorderPoint: 20,
      maxStock: 400,
      belowReorderPoint: true,
      incoming: 0,
      warehouses: [
        {
          warehouse: 'SHA-1',
          onHand: 75,
          available: 15,
          reserved: 60,
          incoming: 0,
          reorderPoint: 20,
          maxStock: 400,
          belowReorderPoint: true,
        },
      ],
      reservations: [{ orderId: 'ord_a', quantity: 60 }],
    });
  });

  it('refuses a count below what is reserved (409), and an unknown product (404)', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.setStock('VALVE-DN50', { onHand: 100 });
    await w.inventory.reserve('VALVE-DN50', 'ord_a', 60);

    // Act
    const below = w.setStock('VALVE-DN50', { onHand: 59 });
    const unknown = w.setStock('GHOST-1', { onHand: 5 });

    // Assess
    await expect(below).rejects.toBeInstanceOf(ConflictError);
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({ onHand: 100, available: 40 });
  });

  it.each([
    ['a negative count', putInventoryBody, { onHand: -1 }, 'onHand'],
    ['a fractional count', putInventoryBody, { onHand: 1.5 }, 'onHand'],
    [
      'maxStock below reorderPoint',
      putInventoryBody,
      { onHand: 1, reorderPoint: 10, maxStock: 5 },
      'maxStock',
    ],
    ['a receipt of nothing', receiveInventoryBody, { sku: 'VALVE-DN50', quantity: 0 }, 'quantity'],
    ['a receipt without sku', receiveInventoryBody, { quantity: 3 }, 'sku'],
  ])('refuses %s, naming the field', (_case, schema, body, field) => {
    expect(() => parseWith(schema, body)).toThrow(expect.objectContaining({ field }));
  });
});

describe('reservations', () => {
  it('holds up to what is wanted, gives back above it, and releases once', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.setStock('PUMP-3KW', { onHand: 10 });

    // Act
    const first = await w.inventory.reserve('PUMP-3KW', 'ord_a', 6);
    const retried = await w.inventory.reserve('PUMP-3KW', 'ord_a', 6);
    const other = await w.inventory.reserve('PUMP-3KW', 'ord_b', 6);
    const smaller = await w.inventory.reserve('PUMP-3KW', 'ord_a', 5);
    const released = await w.inventory.release('PUMP-3KW', 'ord_b');
    const releasedAgain = await w.inventory.release('PUMP-3KW', 'ord_b');

    // Assess
    expect([first, retried, other, smaller, released, releasedAgain]).toEqual([6, 6, 4, 5, 4, 0]);
    expect(await w.inventory.getStock('PUMP-3KW')).toMatchObject({
      onHand: 10,
      available: 5,
      reservations: { ord_a: 5 },
    });
  });

  it('takes dispatched units off hand once, leaving what is available alone', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.setStock('PUMP-3KW', { onHand: 10 });
    await w.inventory.reserve('PUMP-3KW', 'ord_a', 6);

    // Act
    const dispatched = [
      await w.inventory.dispatch('PUMP-3KW', 'ord_a'),
      await w.inventory.dispatch('PUMP-3KW', 'ord_a'),
    ];

    // Assess
    expect(dispatched).toEqual([6, 0]);
    expect(await w.inventory.getStock('PUMP-3KW')).toMatchObject({
      onHand: 4,
      available: 4,
      reservations: {},
    });
  });

  it('refuses a quantity that is not a whole number', async () => {
    const w = inventoryWorld();
    await expect(w.inventory.reserve('PUMP-3KW', 'ord_a', 1.5)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(w.inventory.receive('PUMP-3KW', 0)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
