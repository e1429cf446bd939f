import { parseAmount } from '../../domain/money';
import type { Tolerance } from '../../domain/reconciliation';

/**
 * The matching tolerance from its settings: basis points of the amount open, and absolute amounts
 * per currency as `EUR:25.00,USD:30.00` (wire fees the payer's bank deducts). The larger applies.
 */
export function toleranceFrom(basisPoints: string | undefined, absolute: string | undefined): Tolerance {
  const absoluteMinor: Record<string, number> = {};
  for (const part of (absolute ?? '').split(',').filter((p) => p.trim())) {
    const [currency, amount] = part.split(':').map((s) => s.trim());
    absoluteMinor[currency] = parseAmount(amount, currency).minor;
  }
  return { basisPoints: Number(basisPoints ?? 0), absoluteMinor };
}
