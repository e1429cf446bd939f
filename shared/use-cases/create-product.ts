import type { CreateProductBody } from '../contracts/inventory';
import type { Product } from '../domain/inventory';
import { type Money, parseAmount } from '../domain/money';
import type { Clock } from '../ports/clock';
import type { InventoryRepository } from '../ports/inventory';

export interface CreateProductDeps {
  inventory: InventoryRepository;
  clock: Clock;
}

/** POST /products: a new product, its money kept exactly. ConflictError (409) if the sku exists. */
export function makeCreateProduct({ inventory, clock }: CreateProductDeps) {
  return async (body: CreateProductBody): Promise<Product> => {
    const product: Product = {
      sku: body.sku,
      name: body.name,
      hsCode: body.hsCode,
      originCountry: body.originCountry,
      unit: body.unit,
      netWeightKg: body.netWeightKg,
      grossWeightKg: body.grossWeightKg,
      unitCost: money(body.unitCost, body.currency),
      price: money(body.price, body.currency),
      createdAt: clock.now().toISOString(),
    };
    await inventory.createProduct(product);
    return product;
  };
}

/** A price as sent: `{ amount, currency }`, or a plain amount in the body's currency (checked by the schema). */
function money(value: CreateProductBody['price'], currency: string | undefined): Money | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'object'
    ? parseAmount(value.amount, value.currency)
    : parseAmount(value, currency!);
}
