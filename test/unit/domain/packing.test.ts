import { checkPacking, type Package, packingTotals } from '../../../shared/domain/packing';

const ORDERED = [
  { sku: 'VALVE-DN50', quantity: 200 },
  { sku: 'PUMP-3KW', quantity: 4 },
];

const box = (lines: Package['lines'], size: Partial<Package> = {}): Package => ({
  weightKg: 120.5,
  lengthCm: 120,
  widthCm: 80,
  heightCm: 100,
  lines,
  ...size,
});

describe('packing check', () => {
  it('accepts packages that hold every ordered unit exactly once, with totals', () => {
    // Act
    const check = checkPacking(ORDERED, [
      box([{ sku: 'VALVE-DN50', quantity: 120 }]),
      box([
        { sku: 'VALVE-DN50', quantity: 80 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ]),
    ]);

    // Assess
    expect(check.problems).toEqual([]);
    expect(check.totals).toEqual({ packageCount: 2, grossWeightKg: 241, volumeM3: 1.92 });
  });

  it('says how many are ordered and packed when they differ', () => {
    // Act
    const check = checkPacking(ORDERED, [
      box([{ sku: 'VALVE-DN50', quantity: 180 }]),
      box([{ sku: 'PUMP-3KW', quantity: 5 }]),
    ]);

    // Assess
    expect(check.problems.map((p) => p.message)).toEqual([
      'VALVE-DN50: 200 ordered, 180 packed',
      'PUMP-3KW: 4 ordered, 5 packed',
    ]);
  });

  it('names an ordered sku that is not packed at all', () => {
    // Act
    const check = checkPacking(ORDERED, [box([{ sku: 'VALVE-DN50', quantity: 200 }])]);

    // Assess
    expect(check.problems).toEqual([{ field: 'packages', message: 'PUMP-3KW: 4 ordered, 0 packed' }]);
  });

  it('names a packed sku that is not on the order and where it is', () => {
    // Act
    const check = checkPacking(ORDERED, [
      box([
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'PUMP-3KW', quantity: 4 },
        { sku: 'GASKET-DN50', quantity: 10 },
      ]),
      box([{ sku: 'GASKET-DN50', quantity: 5 }]),
    ]);

    // Assess
    expect(check.problems).toEqual([
      { field: 'packages', message: 'GASKET-DN50: 15 packed (packages 1, 2) but not on the order' },
    ]);
  });

  it('refuses zero, negative and missing measures, naming the package and the field', () => {
    // Act
    const check = checkPacking(
      [{ sku: 'A', quantity: 1 }],
      [box([{ sku: 'A', quantity: 1 }], { weightKg: 0, heightCm: -5, widthCm: Number.NaN })],
    );

    // Assess
    expect(check.problems).toEqual([
      { field: 'packages.0.weightKg', message: 'package 1: the weight (kg) must be more than 0' },
      { field: 'packages.0.widthCm', message: 'package 1: the width (cm) must be more than 0' },
      { field: 'packages.0.heightCm', message: 'package 1: the height (cm) must be more than 0' },
    ]);
  });

  it('refuses empty packages, bad quantities and no packages at all', () => {
    // Act
    const emptyBox = checkPacking(
      [{ sku: 'A', quantity: 2 }],
      [box([{ sku: 'A', quantity: 2 }]), box([]), box([{ sku: 'A', quantity: 0.5 }])],
    );
    const nothing = checkPacking([{ sku: 'A', quantity: 2 }], []);

    // Assess
    expect(emptyBox.problems).toEqual([
      { field: 'packages.1.lines', message: 'package 2 has nothing in it' },
      {
        field: 'packages.2.lines.0.quantity',
        message: 'package 3: A quantity must be a whole number more than 0',
      },
    ]);
    expect(nothing.problems.map((p) => p.message)).toEqual([
      'no packages: every ordered unit must be packed',
      'A: 2 ordered, 0 packed',
    ]);
  });

  it('sums weights to the gram and volumes to the litre', () => {
    // Act
    const totals = packingTotals([
      box([], { weightKg: 0.1, lengthCm: 10, widthCm: 10, heightCm: 10 }),
      box([], { weightKg: 0.2, lengthCm: 33.3, widthCm: 20, heightCm: 15 }),
    ]);

    // Assess: 0.001 m³ + 0.00999 m³
    expect(totals).toEqual({ packageCount: 2, grossWeightKg: 0.3, volumeM3: 0.011 });
  });
});
