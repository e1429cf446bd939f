/** Incoterms 2020: the 11 rules; four of them are for sea and inland waterway transport only. */
export const INCOTERMS = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const;
export type IncotermCode = (typeof INCOTERMS)[number];

const SEA_ONLY: ReadonlySet<IncotermCode> = new Set(['FAS', 'FOB', 'CFR', 'CIF']);

export type TransportMode = 'SEA' | 'AIR' | 'ROAD' | 'RAIL';

export function isIncoterm(code: string): code is IncotermCode {
  return (INCOTERMS as readonly string[]).includes(code);
}

/** Whether the rule may be used with the mode (FAS/FOB/CFR/CIF need a ship). */
export function incotermFitsMode(code: IncotermCode, mode: TransportMode): boolean {
  return !SEA_ONLY.has(code) || mode === 'SEA';
}

export function isSeaOnly(code: IncotermCode): boolean {
  return SEA_ONLY.has(code);
}
