import type { IncotermCode } from '../incoterms';
import type { PricingSettings, ZoneAdders } from './pricing-settings';

/**
 * What the seller pays beyond the goods under each Incoterm, and so prices in: the main carriage for
 * the C and D terms, insurance where the term obliges the seller to insure (CIF, CIP), and import
 * duties and taxes under DDP. E and F terms add nothing. DPU is priced as DAP (unloading at the
 * destination is not priced separately).
 */
export interface AdderKinds {
  freight: boolean;
  insurance: boolean;
  duties: boolean;
}

const NONE: AdderKinds = { freight: false, insurance: false, duties: false };

export const INCOTERM_ADDERS: Record<IncotermCode, AdderKinds> = {
  EXW: NONE,
  FCA: NONE,
  FAS: NONE,
  FOB: NONE,
  CFR: { freight: true, insurance: false, duties: false },
  CPT: { freight: true, insurance: false, duties: false },
  CIF: { freight: true, insurance: true, duties: false },
  CIP: { freight: true, insurance: true, duties: false },
  DAP: { freight: true, insurance: false, duties: false },
  DPU: { freight: true, insurance: false, duties: false },
  DDP: { freight: true, insurance: false, duties: true },
};

/** Whether the term has the seller pay carriage (the C and D terms): then the destination's zone matters. */
export const hasCarriage = (code: IncotermCode) => INCOTERM_ADDERS[code].freight;

/** The zone of a destination country: the first zone listing it, else the default zone. */
export function zoneOf(country: string, settings: Pick<PricingSettings, 'zones' | 'defaultZone'>): string {
  for (const [zone, countries] of Object.entries(settings.zones)) {
    if (countries.includes(country)) return zone;
  }
  return settings.defaultZone;
}

export function addersOf(zone: string, settings: Pick<PricingSettings, 'adders'>): ZoneAdders {
  const adders = settings.adders[zone];
  // The settings contract requires an entry per zone: a missing one is a bug, not a free shipment.
  if (!adders) throw new Error(`the pricing settings have no adders for zone ${zone}`);
  return adders;
}
