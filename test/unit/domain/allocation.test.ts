import { planAllocation, releasePlan } from '../../../shared/domain/allocation';

describe('stock allocation plan', () => {
  it('reserves every line when stock suffices', () => {
    // Act
    const plan = planAllocation(
      [
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ],
      { 'VALVE-DN50': 500, 'PUMP-3KW': 4 },
    );

    // Assess
    expect(plan).toEqual({
      reservations: [
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ],
      shortfalls: [],
      complete: true,
    });
  });

  it('reserves what there is and reports the rest short', () => {
    // Act
    const plan = planAllocation(
      [
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'PUMP-3KW', quantity: 4 },
        { sku: 'FLANGE-DN50', quantity: 10 },
      ],
      { 'VALVE-DN50': 180, 'FLANGE-DN50': 10 },
    );

    // Assess
    expect(plan.reservations).toEqual([
      { sku: 'VALVE-DN50', quantity: 180 },
      { sku: 'FLANGE-DN50', quantity: 10 },
    ]);
    expect(plan.shortfalls).toEqual([
      { sku: 'VALVE-DN50', ordered: 200, reserved: 180, short: 20 },
      { sku: 'PUMP-3KW', ordered: 4, reserved: 0, short: 4 },
    ]);
    expect(plan.complete).toBe(false);
  });

  it('asks only for the remainder when part is already held (a re-plan after a receipt)', () => {
    // Act
    const plan = planAllocation([{ sku: 'VALVE-DN50', quantity: 200 }], { 'VALVE-DN50': 50 }, [
      { sku: 'VALVE-DN50', quantity: 180 },
    ]);

    // Assess
    expect(plan).toEqual({
      reservations: [{ sku: 'VALVE-DN50', quantity: 20 }],
      shortfalls: [],
      complete: true,
    });
  });

  it('reserves nothing twice when a retried step finds everything held', () => {
    // Act
    const plan = planAllocation([{ sku: 'A', quantity: 5 }], { A: 100 }, [{ sku: 'A', quantity: 5 }]);

    // Assess
    expect(plan).toEqual({ reservations: [], shortfalls: [], complete: true });
  });

  it('treats negative or missing stock as none and adds up lines of one sku', () => {
    // Act
    const plan = planAllocation(
      [
        { sku: 'A', quantity: 3 },
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 1 },
      ],
      { A: -4 },
    );

    // Assess
    expect(plan.reservations).toEqual([]);
    expect(plan.shortfalls).toEqual([
      { sku: 'A', ordered: 5, reserved: 0, short: 5 },
      { sku: 'B', ordered: 1, reserved: 0, short: 1 },
    ]);
  });
});

describe('release plan on cancellation', () => {
  const held = [
    { sku: 'PUMP-3KW', quantity: 4 },
    { sku: 'VALVE-DN50', quantity: 100 },
    { sku: 'VALVE-DN50', quantity: 80 },
    { sku: 'EMPTY', quantity: 0 },
  ];

  it('gives back everything held, per sku in a stable order', () => {
    expect(releasePlan(held, 'AWAITING_STOCK')).toEqual([
      { sku: 'PUMP-3KW', quantity: 4 },
      { sku: 'VALVE-DN50', quantity: 180 },
    ]);
    expect(releasePlan(held, 'READY_TO_SHIP')).toHaveLength(2);
  });

  it.each(['IN_TRANSIT', 'DELIVERED', 'AWAITING_PAYMENT'] as const)(
    'gives nothing back once the goods have left (%s)',
    (status) => {
      expect(releasePlan(held, status)).toEqual([]);
    },
  );

  it('has nothing to give back for an order that held nothing', () => {
    expect(releasePlan([], 'CONFIRMED')).toEqual([]);
  });
});
