import { formatAmount, type Money } from '../domain/money';
import type { StorefrontMappingSettings, StorefrontOrder } from './storefront-order';

/** A shop's line once read: its SKU as the shop has it, and its net unit price. */
export interface ShopLine {
  shopSku: string;
  quantity: number;
  unitPrice: Money;
  title?: string;
}

type Line = StorefrontOrder['lines'][number];

/**
 * The shop's lines with OUR SKUs. Lines that end up with the same SKU and unit price (two shop SKUs
 * mapped to one of ours, or one product on two lines) become one line: our orders refuse a SKU on
 * two lines. The same SKU at two prices is left as two lines for a person to decide.
 */
export function toOurLines(lines: ShopLine[], settings: StorefrontMappingSettings): Line[] {
  const result: Line[] = [];
  for (const line of lines) {
    const sku = ourSku(line.shopSku, settings);
    const unitPrice = formatAmount(line.unitPrice);
    const same = result.find((existing) => existing.sku === sku && existing.unitPrice === unitPrice);
    if (same) {
      same.quantity += line.quantity;
      continue;
    }
    result.push(
      line.title
        ? { sku, quantity: line.quantity, unitPrice, title: line.title }
        : { sku, quantity: line.quantity, unitPrice },
    );
  }
  return result;
}

function ourSku(shopSku: string, { skuMap }: StorefrontMappingSettings): string {
  // Object.hasOwn: a shop SKU such as "constructor" must not find Object.prototype's members.
  return Object.hasOwn(skuMap, shopSku) ? skuMap[shopSku] : shopSku;
}

/** How a line is named in a problem: its title as the shop shows it, else its position. */
export function lineLabel(title: string | undefined, index: number): string {
  return title ? `line ${JSON.stringify(title)}` : `line ${index + 1}`;
}
