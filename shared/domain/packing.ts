import type { SkuQuantity } from './allocation';
import type { Problem } from './problem';

export interface Package {
  weightKg: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  lines: SkuQuantity[];
}

export interface PackingTotals {
  packageCount: number;
  /** Sum of the package weights, to the gram. */
  grossWeightKg: number;
  /** Sum of the outer volumes, in cubic metres to three decimals (as freight is quoted). */
  volumeM3: number;
}

export interface PackingCheck {
  problems: Problem[];
  totals: PackingTotals;
}

const MEASURES = {
  weightKg: 'weight (kg)',
  lengthCm: 'length (cm)',
  widthCm: 'width (cm)',
  heightCm: 'height (cm)',
} as const;

/** How the problems name what is to be packed: the order's units, or one shipment's (partial shipments). */
export interface PackingWords {
  /** "200 ordered, 100 packed"; "6 allocated to shipment 1, 10 packed". */
  expected: string;
  /** "… packed (package 1) but not on the order"; "… but not in shipment 1". */
  outside: string;
}

const ORDER_WORDS: PackingWords = { expected: 'ordered', outside: 'not on the order' };

/**
 * Checks packages against the order: every ordered unit packed exactly once, nothing that is not on
 * the order, real weights and sizes. Problems name the sku or package so the warehouse can fix it.
 */
export function checkPacking(
  ordered: readonly SkuQuantity[],
  packages: readonly Package[],
  words: PackingWords = ORDER_WORDS,
): PackingCheck {
  const problems: Problem[] = [];
  if (!packages.length)
    problems.push({ field: 'packages', message: 'no packages: every ordered unit must be packed' });

  const packed = new Map<string, { quantity: number; packages: number[] }>();
  packages.forEach((pkg, p) => {
    const name = `package ${p + 1}`;
    for (const [measure, words] of Object.entries(MEASURES) as [keyof typeof MEASURES, string][]) {
      const value = pkg[measure];
      if (!Number.isFinite(value) || value <= 0) {
        problems.push({
          field: `packages.${p}.${measure}`,
          message: `${name}: the ${words} must be more than 0`,
        });
      }
    }
    if (!pkg.lines.length)
      problems.push({ field: `packages.${p}.lines`, message: `${name} has nothing in it` });
    pkg.lines.forEach((line, l) => {
      if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
        problems.push({
          field: `packages.${p}.lines.${l}.quantity`,
          message: `${name}: ${line.sku} quantity must be a whole number more than 0`,
        });
        return;
      }
      const entry = packed.get(line.sku) ?? { quantity: 0, packages: [] };
      entry.quantity += line.quantity;
      if (!entry.packages.includes(p + 1)) entry.packages.push(p + 1);
      packed.set(line.sku, entry);
    });
  });

  const orderedBySku = new Map<string, number>();
  for (const line of ordered) orderedBySku.set(line.sku, (orderedBySku.get(line.sku) ?? 0) + line.quantity);
  for (const [sku, quantity] of orderedBySku) {
    const inPackages = packed.get(sku)?.quantity ?? 0;
    if (inPackages !== quantity) {
      problems.push({
        field: 'packages',
        message: `${sku}: ${quantity} ${words.expected}, ${inPackages} packed`,
      });
    }
  }
  for (const [sku, entry] of packed) {
    if (orderedBySku.has(sku)) continue;
    const where = entry.packages.length === 1 ? 'package' : 'packages';
    problems.push({
      field: 'packages',
      message: `${sku}: ${entry.quantity} packed (${where} ${entry.packages.join(', ')}) but ${words.outside}`,
    });
  }

  return { problems, totals: packingTotals(packages) };
}

/** Totals over the packages' valid measures (a bad one counts as 0, and is reported by the check). */
export function packingTotals(packages: readonly Package[]): PackingTotals {
  let grams = 0;
  let cubicCm = 0;
  for (const pkg of packages) {
    grams += positive(pkg.weightKg) * 1000;
    cubicCm += positive(pkg.lengthCm) * positive(pkg.widthCm) * positive(pkg.heightCm);
  }
  return {
    packageCount: packages.length,
    grossWeightKg: Math.round(grams) / 1000,
    volumeM3: Math.round(cubicCm / 1000) / 1000,
  };
}

function positive(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
