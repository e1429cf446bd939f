import { InvalidInputError } from '../../../../shared/errors';
import { makeRecordPacking } from '../../../../shared/use-cases/order-actions/record-packing';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

const crate = (lines: { sku: string; quantity: number }[], weightKg = 250) => ({
  weightKg,
  lengthCm: 120,
  widthCm: 100,
  heightCm: 80,
  lines,
});

const everything = [
  crate([{ sku: 'VALVE-DN50', quantity: 120 }]),
  crate(
    [
      { sku: 'VALVE-DN50', quantity: 80 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ],
    310.5,
  ),
];

describe('POST /orders/{id}/packing', () => {
  it('keeps the packages and totals, announces OrderPacked and ends the packing wait', async () => {
    // Prepare
    const w = world(anOrder('IN_PRODUCTION', { pendingWait: waitingFor('packing') }));

    // Act
    const order = await makeRecordPacking(w.deps)(ORDER_ID, { packages: everything }, staff.warehouse);

    // Assess
    expect(order.packages).toEqual(everything);
    expect(order.packingTotals).toEqual({ packageCount: 2, grossWeightKg: 560.5, volumeM3: 1.92 });
    expect(order.timeline.at(-1)).toEqual({
      at: NOW,
      what: 'Packed: 2 packages, 560.5 kg, 1.92 m³',
      by: staff.warehouse,
    });
    expect(w.events.published).toEqual([
      {
        type: 'OrderPacked',
        detail: {
          version: 1,
          changeId: `${ORDER_ID}:OrderPacked`,
          occurredAt: NOW,
          orderId: ORDER_ID,
          packageCount: 2,
          grossWeightKg: 560.5,
          volumeM3: 1.92,
        },
      },
    ]);
    expect(w.callbacks.succeeded).toEqual([
      { token: 'token-packing', output: { kind: 'packing', packages: 2 } },
    ]);
  });

  it('answers 400 listing every unit that does not match the order, and writes nothing', async () => {
    // Prepare
    const w = world(anOrder('IN_PRODUCTION', { pendingWait: waitingFor('packing') }));
    const packages = [
      crate([{ sku: 'VALVE-DN50', quantity: 150 }]),
      crate([{ sku: 'VALVE-DN80', quantity: 2 }]),
    ];

    // Act
    const attempt = makeRecordPacking(w.deps)(ORDER_ID, { packages }, staff.warehouse);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({
      field: 'packages',
      message:
        'VALVE-DN50: 200 ordered, 150 packed; PUMP-3KW: 4 ordered, 0 packed; ' +
        'VALVE-DN80: 2 packed (package 2) but not on the order',
    });
    expect((await w.stored()).version).toBe(1);
    expect(w.events.published).toEqual([]);
    expect(w.callbacks.succeeded).toEqual([]);
  });

  it('answers 400 for a package without a real weight, naming it', async () => {
    // Prepare
    const w = world(anOrder('IN_PRODUCTION'));
    const packages = [{ ...everything[0], weightKg: 0 }, everything[1]];

    // Act
    const attempt = makeRecordPacking(w.deps)(ORDER_ID, { packages }, staff.warehouse);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      field: 'packages.0.weightKg',
      message: 'package 1: the weight (kg) must be more than 0',
    });
  });

  it('takes the same list again as a repeat, and refuses another one (409)', async () => {
    // Prepare
    const w = world(anOrder('IN_PRODUCTION'));
    const record = makeRecordPacking(w.deps);
    const first = await record(ORDER_ID, { packages: everything }, staff.warehouse);

    // Act
    const again = await record(ORDER_ID, { packages: everything }, staff.warehouse);
    const other = record(ORDER_ID, { packages: [...everything].reverse() }, staff.warehouse);

    // Assess
    expect(again).toEqual(first);
    expect(w.events.published.map((event) => event.detail)).toEqual([
      w.events.published[0].detail,
      w.events.published[0].detail,
    ]);
    await expect(other).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already packed/),
    });
  });

  it.each(ALL_STATUSES.filter((status) => status !== 'IN_PRODUCTION'))(
    'answers 409 naming %s',
    async (status) => {
      // Prepare
      const w = world(anOrder(status));

      // Act
      const attempt = makeRecordPacking(w.deps)(ORDER_ID, { packages: everything }, staff.warehouse);

      // Assess
      await expect(attempt).rejects.toMatchObject({ status, code: 'CONFLICT' });
    },
  );
});
