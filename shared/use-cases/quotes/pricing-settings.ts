import type { PutPricingSettingsBody } from '../../contracts/pricing-settings';
import { RateTable } from '../../domain/exchange-rates';
import { AmountFormatError, parseAmount } from '../../domain/money';
import {
  DEFAULT_PRICING_SETTINGS,
  type PricingSettings,
  STANDARD_TEMPLATE,
} from '../../domain/pricing/pricing-settings';
import { checkRoundingRule } from '../../domain/pricing/rounding';
import { InvalidInputError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { PricingSettingsStore } from '../../ports/pricing-settings';

/**
 * PUT /settings/pricing (admin): the whole settings, replaced (a part left out is its default), as
 * the next version of the one read; a concurrent change is a 409. What one field cannot say alone is
 * checked here (400 naming the field): a floor above the target, a zone with no adders, a rate
 * table with two rates for a day, a rounding rule a currency cannot take, no `standard` template.
 */
export function makePutPricingSettings({
  settings,
  clock,
}: {
  settings: PricingSettingsStore;
  clock: Clock;
}) {
  return async (body: PutPricingSettingsBody, by: string): Promise<PricingSettings> => {
    const { version, ...parts } = body;
    const next = {
      ...DEFAULT_PRICING_SETTINGS,
      ...Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)),
      version: version + 1,
      updatedAt: clock.now().toISOString(),
      updatedBy: by,
    } as PricingSettings;
    checkSettings(next);
    await settings.put(next);
    return next;
  };
}

export function checkSettings(settings: PricingSettings): void {
  if (settings.marginFloorPercent > settings.targetMarginPercent) {
    throw new InvalidInputError('must not be above targetMarginPercent', 'marginFloorPercent');
  }
  for (const zone of [...Object.keys(settings.zones), settings.defaultZone]) {
    if (!settings.adders[zone]) throw new InvalidInputError(`zone ${zone} has no adders`, `adders.${zone}`);
  }
  new RateTable(settings.exchangeRates);
  for (const [currency, rule] of Object.entries(settings.rounding)) {
    checkRoundingRule(rule, currency, `rounding.${currency}`);
  }
  if (!settings.templates[STANDARD_TEMPLATE]) {
    throw new InvalidInputError(`needs a "${STANDARD_TEMPLATE}" template`, 'templates');
  }
  for (const [customerId, entries] of Object.entries(settings.priceLists)) {
    for (const [sku, entry] of Object.entries(entries)) {
      if (!('fixedPrice' in entry)) continue;
      try {
        parseAmount(entry.fixedPrice.amount, entry.fixedPrice.currency);
      } catch (error) {
        if (error instanceof AmountFormatError)
          throw new InvalidInputError(error.message, `priceLists.${customerId}.${sku}.fixedPrice.amount`);
        throw error;
      }
    }
  }
}

/** The settings as the API shows them. */
export function pricingSettingsView(settings: PricingSettings) {
  return settings;
}
