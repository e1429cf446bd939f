import { InvalidInputError } from '../../errors';
import type { RateTable } from '../exchange-rates';
import type { IncotermCode } from '../incoterms';
import type { Product } from '../inventory';
import { type Money, multiply, parseAmount, sum } from '../money';
import { add, subtract, zero } from '../money-math';
import { basisPointsOf, marginBelow, marginPercentText, priceForMargin, toBasisPoints } from './basis-points';
import { addersOf, INCOTERM_ADDERS, zoneOf } from './incoterm-adders';
import type { PricingSettings, VolumeTier } from './pricing-settings';
import { roundPrice } from './rounding';

/**
 * The pricing engine (pure). Per line, in the quote's currency, each step rounded to the minor unit:
 *
 * 1. cost: the product's unit cost, converted at the rate in effect on the pricing date;
 * 2. list price: cost / (1 − target margin); a product with no cost is priced at its list price;
 * 3. goods price, the first that applies: a manual price given by sales; the customer's fixed price
 *    (price list); else the list price less the volume tier the quantity reaches, less the customer's
 *    price-list discount;
 * 4. Incoterm adders by the destination's zone: freight (C and D terms) as a share of the goods price,
 *    insurance (CIF, CIP) on 110 % of goods and freight, duties (DDP) on the goods price;
 * 5. the unit price (goods + adders) rounded by the currency's rule; the rounding difference stays
 *    with the goods;
 * 6. margin: (goods − cost) / goods. Below the floor, or with no cost to check it against, the line
 *    needs a sales manager's approval.
 */

export interface PricingLineRequest {
  sku: string;
  quantity: number;
  /** A goods unit price set by sales (in the quote currency), replacing steps 2–3. */
  unitPrice?: Money;
}

export interface PricingRequest {
  customerId: string;
  currency: string;
  incoterm: IncotermCode;
  destinationCountry: string;
  /** YYYY-MM-DD: the day whose exchange rates apply. */
  pricedOn: string;
  lines: PricingLineRequest[];
}

export type PriceBasis = 'manual' | 'price-list-fixed' | 'cost-plus' | 'list-price';

export interface PricedLine {
  lineNo: number;
  sku: string;
  quantity: number;
  basis: PriceBasis;
  /** Unit cost in the quote currency (absent when the product has none). */
  unitCost?: Money;
  /** Cost-plus (or the product's list) price before discounts. */
  listUnitPrice?: Money;
  tierDiscountPercent?: number;
  customerDiscountPercent?: number;
  goodsUnitPrice: Money;
  freightUnit: Money;
  insuranceUnit: Money;
  dutiesUnit: Money;
  /** The price the buyer pays per unit: goods and adders, rounded. */
  unitPrice: Money;
  amount: Money;
  /** Gross margin on the goods price, "23.08" (percent); absent without a cost. */
  marginPercent?: string;
  needsApproval: boolean;
  approvalReason?: string;
}

export interface RateUsed {
  from: string;
  to: string;
  /** The rate as quoted in the table (for an inverted pair, the quote of the opposite pair). */
  rate: string;
  effectiveFrom: string;
  inverted: boolean;
}

export interface PricedQuote {
  currency: string;
  pricedOn: string;
  incoterm: IncotermCode;
  destinationCountry: string;
  /** The destination's zone when the term includes carriage. */
  zone?: string;
  lines: PricedLine[];
  total: Money;
  /** Σ of each adder over the lines (for the proforma). */
  freightTotal: Money;
  insuranceTotal: Money;
  dutiesTotal: Money;
  exchangeRates: RateUsed[];
  targetMarginPercent: number;
  marginFloorPercent: number;
  needsApproval: boolean;
}

export function priceQuote(
  request: PricingRequest,
  products: ReadonlyMap<string, Product>,
  settings: PricingSettings,
  rates: RateTable,
): PricedQuote {
  const { currency, pricedOn } = request;
  const targetBp = toBasisPoints(settings.targetMarginPercent, 'targetMarginPercent', { max: 95 });
  const floorBp = toBasisPoints(settings.marginFloorPercent, 'marginFloorPercent', { max: 95 });
  const terms = INCOTERM_ADDERS[request.incoterm];
  const zone = terms.freight ? zoneOf(request.destinationCountry, settings) : undefined;
  const adders = zone ? addersOf(zone, settings) : undefined;
  const used = new Map<string, RateUsed>();
  const convert = (money: Money): Money => {
    if (money.currency === currency) return money;
    const inEffect = rates.rateOn(money.currency, currency, pricedOn);
    used.set(`${money.currency}/${currency}`, {
      from: money.currency,
      to: currency,
      rate: inEffect.quoted,
      effectiveFrom: inEffect.effectiveFrom,
      inverted: inEffect.inverted,
    });
    return rates.convert(money, currency, pricedOn);
  };
  const priceList = settings.priceLists[request.customerId] ?? {};

  const lines = request.lines.map((line, index): PricedLine => {
    const field = `lines.${index}`;
    const product = products.get(line.sku);
    if (!product) throw new InvalidInputError(`${line.sku} is not a product`, `${field}.sku`, 'UNKNOWN_SKU');
    const unitCost = product.unitCost && convert(product.unitCost);
    const listUnitPrice = unitCost
      ? priceForMargin(unitCost, targetBp)
      : product.price && convert(product.price);
    const entry = priceList[line.sku];
    let basis: PriceBasis;
    let goods: Money;
    let tierDiscountPercent: number | undefined;
    let customerDiscountPercent: number | undefined;
    if (line.unitPrice) {
      basis = 'manual';
      goods = line.unitPrice;
    } else if (entry && 'fixedPrice' in entry) {
      basis = 'price-list-fixed';
      goods = convert(parseAmount(entry.fixedPrice.amount, entry.fixedPrice.currency));
    } else {
      if (!listUnitPrice) {
        throw new InvalidInputError(
          `${line.sku} has no unit cost or price to quote from: give the line a unitPrice, or set the product's cost`,
          `${field}.unitPrice`,
          'NO_PRICE_BASIS',
        );
      }
      basis = unitCost ? 'cost-plus' : 'list-price';
      const tier = tierFor(line.quantity, settings.skuVolumeTiers[line.sku] ?? settings.volumeTiers);
      tierDiscountPercent = tier?.discountPercent;
      goods = tier
        ? subtract(listUnitPrice, basisPointsOf(listUnitPrice, bp(tier.discountPercent)))
        : listUnitPrice;
      if (entry && 'discountPercent' in entry) {
        customerDiscountPercent = entry.discountPercent;
        goods = subtract(goods, basisPointsOf(goods, bp(entry.discountPercent)));
      }
    }

    const freightUnit =
      adders && terms.freight ? basisPointsOf(goods, bp(adders.freightPercent)) : zero(currency);
    const insuredValue = basisPointsOf(add(goods, freightUnit), 11_000);
    const insuranceUnit =
      adders && terms.insurance ? basisPointsOf(insuredValue, bp(adders.insurancePercent)) : zero(currency);
    const dutiesUnit =
      adders && terms.duties ? basisPointsOf(goods, bp(adders.dutiesPercent)) : zero(currency);
    const addersUnit = add(add(freightUnit, insuranceUnit), dutiesUnit);
    const unitPrice = roundPrice(add(goods, addersUnit), settings.rounding[currency]);
    const goodsUnitPrice = subtract(unitPrice, addersUnit);

    const below = unitCost !== undefined && marginBelow(goodsUnitPrice, unitCost, floorBp);
    const approvalReason = !unitCost
      ? `${line.sku} has no unit cost: its margin cannot be checked`
      : below
        ? `margin ${marginPercentText(goodsUnitPrice, unitCost)} % is below the floor of ${settings.marginFloorPercent} %`
        : undefined;
    return {
      lineNo: index + 1,
      sku: line.sku,
      quantity: line.quantity,
      basis,
      ...(unitCost ? { unitCost } : {}),
      ...(listUnitPrice ? { listUnitPrice } : {}),
      ...(tierDiscountPercent !== undefined ? { tierDiscountPercent } : {}),
      ...(customerDiscountPercent !== undefined ? { customerDiscountPercent } : {}),
      goodsUnitPrice,
      freightUnit,
      insuranceUnit,
      dutiesUnit,
      unitPrice,
      amount: multiply(unitPrice, line.quantity),
      ...(unitCost ? { marginPercent: marginPercentText(goodsUnitPrice, unitCost) } : {}),
      needsApproval: approvalReason !== undefined,
      ...(approvalReason ? { approvalReason } : {}),
    };
  });

  const total = (pick: (line: PricedLine) => Money) =>
    sum(
      currency,
      lines.map((line) => multiply(pick(line), line.quantity)),
    );
  return {
    currency,
    pricedOn,
    incoterm: request.incoterm,
    destinationCountry: request.destinationCountry,
    ...(zone ? { zone } : {}),
    lines,
    total: total((line) => line.unitPrice),
    freightTotal: total((line) => line.freightUnit),
    insuranceTotal: total((line) => line.insuranceUnit),
    dutiesTotal: total((line) => line.dutiesUnit),
    exchangeRates: [...used.values()],
    targetMarginPercent: settings.targetMarginPercent,
    marginFloorPercent: settings.marginFloorPercent,
    needsApproval: lines.some((line) => line.needsApproval),
  };
}

/** The best tier the quantity reaches (the highest minimum at or below it), if any. */
export function tierFor(quantity: number, tiers: readonly VolumeTier[]): VolumeTier | undefined {
  let best: VolumeTier | undefined;
  for (const tier of tiers) {
    if (quantity >= tier.minQuantity && (!best || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return best;
}

const bp = (percent: number) => toBasisPoints(percent, 'percent');
