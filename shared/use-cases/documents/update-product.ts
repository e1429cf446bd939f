import type { UpdateProductBody } from '../../contracts/documents';
import type { Product } from '../../domain/inventory';
import type { Clock } from '../../ports/clock';
import type { ProductUpdates } from '../../ports/product-updates';

/**
 * PATCH /products/{sku}: fixes what documents need (HS code, origin, unit, weights, name). Documents
 * already issued keep their versions; the next issue (e.g. POST /orders/{id}/documents/retry) uses
 * the new data.
 */
export function makeUpdateProduct({ products, clock }: { products: ProductUpdates; clock: Clock }) {
  return (sku: string, change: UpdateProductBody): Promise<Product> =>
    products.updateProduct(sku, change, clock.now().toISOString());
}
