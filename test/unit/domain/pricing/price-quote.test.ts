import { RateTable } from '../../../../shared/domain/exchange-rates';
import type { Product } from '../../../../shared/domain/inventory';
import { formatAmount, type Money } from '../../../../shared/domain/money';
import { type PricingRequest, priceQuote } from '../../../../shared/domain/pricing/price-quote';
import {
  DEFAULT_PRICING_SETTINGS,
  type PricingSettings,
} from '../../../../shared/domain/pricing/pricing-settings';
import { roundPrice } from '../../../../shared/domain/pricing/rounding';

const eur = (amount: string): Money => {
  const [whole, fraction = ''] = amount.split('.');
  return { currency: 'EUR', minor: Number(whole) * 100 + Number(fraction.padEnd(2, '0')) };
};
const text = (money: Money | undefined) => money && `${formatAmount(money)} ${money.currency}`;

const products = new Map<string, Product>([
  ['VALVE-DN50', { sku: 'VALVE-DN50', name: 'Ball valve', unitCost: eur('7.00'), price: eur('12.50') }],
  ['PUMP-3KW', { sku: 'PUMP-3KW', name: 'Pump', unitCost: eur('540.00') }],
  ['SAMPLE-KIT', { sku: 'SAMPLE-KIT', name: 'Sample kit', price: eur('20.00') }],
  ['NO-PRICE', { sku: 'NO-PRICE', name: 'Unpriced' }],
]);

const settings: PricingSettings = {
  ...DEFAULT_PRICING_SETTINGS,
  targetMarginPercent: 30,
  marginFloorPercent: 15,
  volumeTiers: [
    { minQuantity: 100, discountPercent: 2 },
    { minQuantity: 500, discountPercent: 5 },
  ],
  priceLists: {
    cus_A: {
      'VALVE-DN50': { fixedPrice: { amount: '9.00', currency: 'EUR' } },
      'PUMP-3KW': { discountPercent: 10 },
    },
  },
  zones: { EUROPE: ['DE', 'FR', 'CH'], NORTH_AMERICA: ['US'] },
  defaultZone: 'WORLD',
  adders: {
    EUROPE: { freightPercent: 4, insurancePercent: 0.3, dutiesPercent: 3 },
    NORTH_AMERICA: { freightPercent: 6, insurancePercent: 0.4, dutiesPercent: 4 },
    WORLD: { freightPercent: 8, insurancePercent: 0.5, dutiesPercent: 8 },
  },
  exchangeRates: [
    { from: 'EUR', to: 'USD', rate: '1.0800', effectiveFrom: '2026-01-01' },
    { from: 'EUR', to: 'USD', rate: '1.1000', effectiveFrom: '2026-03-01' },
    { from: 'EUR', to: 'CHF', rate: '0.9400', effectiveFrom: '2026-01-01' },
    { from: 'EUR', to: 'JPY', rate: '162', effectiveFrom: '2026-01-01' },
  ],
  rounding: { CHF: { increment: '0.05' } },
};

const request = (overrides: Partial<PricingRequest> = {}): PricingRequest => ({
  customerId: 'cus_B',
  currency: 'EUR',
  incoterm: 'FOB',
  destinationCountry: 'DE',
  pricedOn: '2026-02-15',
  lines: [{ sku: 'VALVE-DN50', quantity: 50 }],
  ...overrides,
});
const price = (overrides: Partial<PricingRequest> = {}, withSettings = settings) =>
  priceQuote(request(overrides), products, withSettings, new RateTable(withSettings.exchangeRates));

describe('the pricing engine, on worked examples', () => {
  it('prices from cost at the target margin: 7.00 / (1 − 30 %) = 10.00, margin 30.00 %', () => {
    // Act
    const quote = price();

    // Assess
    const [line] = quote.lines;
    expect(line).toMatchObject({ basis: 'cost-plus', marginPercent: '30.00', needsApproval: false });
    expect(text(line.listUnitPrice)).toBe('10.00 EUR');
    expect(text(line.unitPrice)).toBe('10.00 EUR');
    expect(text(quote.total)).toBe('500.00 EUR');
    expect(quote.needsApproval).toBe(false);
    expect(quote.zone).toBeUndefined();
  });

  it('applies the best volume tier the quantity reaches: 200 → 2 % (9.80), 500 → 5 % (9.50, margin 26.32 %)', () => {
    // Act
    const quote = price({
      lines: [
        { sku: 'VALVE-DN50', quantity: 99 },
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'VALVE-DN50', quantity: 500 },
      ],
    });

    // Assess
    expect(quote.lines.map((l) => text(l.unitPrice))).toEqual(['10.00 EUR', '9.80 EUR', '9.50 EUR']);
    expect(quote.lines.map((l) => l.tierDiscountPercent)).toEqual([undefined, 2, 5]);
    expect(quote.lines[2].marginPercent).toBe('26.32');
    expect(text(quote.total)).toBe('7700.00 EUR'); // 990 + 1960 + 4750
  });

  it("takes the customer's price list: a fixed price (no tier) and a discount off the list price", () => {
    // Act
    const quote = price({
      customerId: 'cus_A',
      lines: [
        { sku: 'VALVE-DN50', quantity: 600 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ],
    });

    // Assess: 540 / 0.7 = 771.43; less 10 % (77.14) = 694.29; margin 154.29 / 694.29 = 22.22 %
    const [valve, pump] = quote.lines;
    expect(valve).toMatchObject({ basis: 'price-list-fixed', marginPercent: '22.22' });
    expect(valve.tierDiscountPercent).toBeUndefined();
    expect(text(valve.unitPrice)).toBe('9.00 EUR');
    expect(pump).toMatchObject({ basis: 'cost-plus', customerDiscountPercent: 10, marginPercent: '22.22' });
    expect(text(pump.listUnitPrice)).toBe('771.43 EUR');
    expect(text(pump.unitPrice)).toBe('694.29 EUR');
  });

  it('adds freight and insurance by zone for CIF: 4 % freight, 0.3 % on 110 % of goods + freight (DE)', () => {
    // Act
    const europe = price({ incoterm: 'CIF', destinationCountry: 'DE' });
    const world = price({ incoterm: 'CIF', destinationCountry: 'BR' });

    // Assess: 10.00 + 0.40 freight + 0.03 (0.3 % of 11.44) = 10.43; BR: 10.00 + 0.80 + 0.06 (0.5 % of 11.88)
    expect(europe.zone).toBe('EUROPE');
    expect(europe.lines[0]).toMatchObject({ goodsUnitPrice: eur('10.00'), freightUnit: eur('0.40') });
    expect(text(europe.lines[0].insuranceUnit)).toBe('0.03 EUR');
    expect(text(europe.lines[0].unitPrice)).toBe('10.43 EUR');
    expect(text(europe.freightTotal)).toBe('20.00 EUR');
    expect(world.zone).toBe('WORLD');
    expect(text(world.lines[0].unitPrice)).toBe('10.86 EUR');
    // The margin is on the goods only: adders pass through at cost.
    expect(europe.lines[0].marginPercent).toBe('30.00');
  });

  it('adds freight only for CFR, freight and duties for DDP, and nothing for FOB', () => {
    // Act
    const cfr = price({ incoterm: 'CFR', destinationCountry: 'US' });
    const ddp = price({ incoterm: 'DDP', destinationCountry: 'US' });

    // Assess: US is NORTH_AMERICA: 6 % freight, 4 % duties
    expect(text(cfr.lines[0].unitPrice)).toBe('10.60 EUR');
    expect(text(cfr.lines[0].insuranceUnit)).toBe('0.00 EUR');
    expect(text(ddp.lines[0].dutiesUnit)).toBe('0.40 EUR');
    expect(text(ddp.lines[0].unitPrice)).toBe('11.00 EUR');
  });

  it('converts the cost at the rate in effect on the pricing date, and shows the rate and its date', () => {
    // Act
    const february = price({ currency: 'USD', pricedOn: '2026-02-15' });
    const march = price({ currency: 'USD', pricedOn: '2026-03-02' });
    const yen = price({ currency: 'JPY' });

    // Assess: 7.00 EUR × 1.08 = 7.56 USD → 10.80; × 1.10 = 7.70 USD → 11.00; 7 × 162 = 1134 JPY → 1620
    expect(text(february.lines[0].unitCost)).toBe('7.56 USD');
    expect(text(february.lines[0].unitPrice)).toBe('10.80 USD');
    expect(february.exchangeRates).toEqual([
      { from: 'EUR', to: 'USD', rate: '1.0800', effectiveFrom: '2026-01-01', inverted: false },
    ]);
    expect(text(march.lines[0].unitPrice)).toBe('11.00 USD');
    expect(march.exchangeRates[0]).toMatchObject({ rate: '1.1000', effectiveFrom: '2026-03-01' });
    expect(text(yen.lines[0].unitPrice)).toBe('1620 JPY');
  });

  it('refuses a currency with no rate in the table, naming the pair and the date', () => {
    // Act / Assess
    expect(() => price({ currency: 'BRL' })).toThrow('no EUR/BRL exchange rate in effect on 2026-02-15');
  });

  it("rounds by the currency's rule, after the adders: CHF to 0.05, and price points ending .99", () => {
    // Prepare
    const charm = {
      ...settings,
      rounding: { ...settings.rounding, USD: { ending: '0.99' } },
    };

    // Act: CHF cost 6.58 → 9.40; CIF DE: + 0.38 freight + 0.03 insurance = 9.81 → 9.80
    const chf = price({ currency: 'CHF', incoterm: 'CIF' });
    const usd = price({ currency: 'USD' }, charm);

    // Assess
    expect(text(chf.lines[0].unitPrice)).toBe('9.80 CHF');
    expect(text(chf.lines[0].goodsUnitPrice)).toBe('9.39 CHF'); // the rounding stays with the goods
    expect(text(usd.lines[0].unitPrice)).toBe('10.99 USD');
  });

  it('rounding rules: nearest increment half up; an ending rounds up, never down', () => {
    // Act / Assess
    expect(roundPrice(eur('12.37'), { increment: '0.05' })).toEqual(eur('12.35'));
    expect(roundPrice(eur('12.38'), { increment: '0.05' })).toEqual(eur('12.40'));
    expect(roundPrice(eur('12.50'), { increment: '1' })).toEqual(eur('13.00'));
    expect(roundPrice(eur('12.37'), { ending: '0.99' })).toEqual(eur('12.99'));
    expect(roundPrice(eur('12.99'), { ending: '0.99' })).toEqual(eur('12.99'));
    expect(roundPrice(eur('13.00'), { ending: '0.99' })).toEqual(eur('13.99'));
    expect(roundPrice(eur('12.37'), undefined)).toEqual(eur('12.37'));
  });

  it('a line below the margin floor (a manual 8.00: 12.50 %) needs approval, with the reason', () => {
    // Act
    const quote = price({
      lines: [
        { sku: 'VALVE-DN50', quantity: 10, unitPrice: eur('8.00') },
        { sku: 'VALVE-DN50', quantity: 10, unitPrice: eur('8.24') },
      ],
    });

    // Assess: 8.24 earns 15.05 %: above the floor
    expect(quote.needsApproval).toBe(true);
    expect(quote.lines[0]).toMatchObject({
      basis: 'manual',
      marginPercent: '12.50',
      needsApproval: true,
      approvalReason: 'margin 12.50 % is below the floor of 15 %',
    });
    expect(quote.lines[1]).toMatchObject({ marginPercent: '15.05', needsApproval: false });
  });

  it('prices a product with no cost at its list price, and asks approval since its margin is unknown', () => {
    // Act
    const quote = price({ lines: [{ sku: 'SAMPLE-KIT', quantity: 100 }] });

    // Assess: list price 20.00 less the 2 % tier
    expect(quote.lines[0]).toMatchObject({ basis: 'list-price', needsApproval: true });
    expect(quote.lines[0].marginPercent).toBeUndefined();
    expect(text(quote.lines[0].unitPrice)).toBe('19.60 EUR');
    expect(quote.lines[0].approvalReason).toContain('no unit cost');
  });

  it('refuses an unknown sku and a product with nothing to price from, naming the line', () => {
    // Act / Assess
    expect(() => price({ lines: [{ sku: 'NOPE', quantity: 1 }] })).toThrow(
      expect.objectContaining({ field: 'lines.0.sku', code: 'UNKNOWN_SKU' }),
    );
    expect(() => price({ lines: [{ sku: 'NO-PRICE', quantity: 1 }] })).toThrow(
      expect.objectContaining({ field: 'lines.0.unitPrice', code: 'NO_PRICE_BASIS' }),
    );
  });

  it('uses the default settings as they are (sane defaults price a quote)', () => {
    // Act
    const quote = priceQuote(
      request({ incoterm: 'CIP', destinationCountry: 'CN' }),
      products,
      DEFAULT_PRICING_SETTINGS,
      new RateTable(DEFAULT_PRICING_SETTINGS.exchangeRates),
    );

    // Assess
    expect(quote.zone).toBe('ASIA');
    expect(quote.needsApproval).toBe(false);
    expect(quote.total.minor).toBeGreaterThan(0);
  });
});
