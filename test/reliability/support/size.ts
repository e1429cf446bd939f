/**
 * How big each reliability scenario runs. `npm run test:reliability` runs the sizes the issue sets
 * (RELIABILITY_SIZE=full); `npm test` runs a reduced size so CI stays well inside its time limit.
 */
export const FULL = process.env.RELIABILITY_SIZE === 'full';

/** The full figure under `npm run test:reliability`, the reduced one in `npm test`. */
export function sized(full: number, reduced: number): number {
  return FULL ? full : reduced;
}
