import type { PutInventoryBody } from '../contracts/inventory';
import type { Stock } from '../domain/inventory';
import type { Actor } from '../domain/order';
import { NotFoundError } from '../errors';
import type { InventoryRepository } from '../ports/inventory';

/**
 * PUT /inventory/{sku}: a stock count. Reservations stay with their orders, so the count may not go
 * below what is reserved (ConflictError, 409); an unknown product is 404.
 */
export function makeSetStock({ inventory }: { inventory: InventoryRepository }) {
  return async (sku: string, body: PutInventoryBody, by?: Actor): Promise<Stock> => {
    if (!(await inventory.getProduct(sku))) throw new NotFoundError(`product ${sku} does not exist`);
    return inventory.setStock(sku, body, by);
  };
}
