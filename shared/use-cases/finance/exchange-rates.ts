import type { PutExchangeRatesBody } from '../../contracts/finance';
import type { ExchangeRateSettings } from '../../domain/exchange-rate-settings';
import { RateTable } from '../../domain/exchange-rates';
import type { Clock } from '../../ports/clock';
import type { ExchangeRateSettingsStore } from '../../ports/exchange-rate-settings';

/**
 * PUT /settings/exchange-rates (finance, admin): the company currency and the whole table of dated
 * rates, as the next version of the one read (409 if another write came first). The table is
 * checked as reports will use it (currencies, positive rates, no two rates for a pair on one day).
 */
export function makePutExchangeRates({
  settings,
  clock,
}: {
  settings: ExchangeRateSettingsStore;
  clock: Clock;
}) {
  return async (body: PutExchangeRatesBody, by: string): Promise<ExchangeRateSettings> => {
    new RateTable(body.rates);
    const rates = [...body.rates].sort(
      (a, b) =>
        a.from.localeCompare(b.from) ||
        a.to.localeCompare(b.to) ||
        a.effectiveFrom.localeCompare(b.effectiveFrom),
    );
    const next: ExchangeRateSettings = {
      companyCurrency: body.companyCurrency,
      rates,
      version: body.version + 1,
      updatedAt: clock.now().toISOString(),
      updatedBy: by,
    };
    await settings.put(next);
    return next;
  };
}
