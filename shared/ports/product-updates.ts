import type { Product } from '../domain/inventory';

/** The descriptive data of a product, changed after it was created (HS code, origin, weights…). */
export type ProductChange = Partial<Omit<Product, 'sku' | 'createdAt'>>;

export interface ProductUpdates {
  /** Applies the change to the product; throws NotFoundError if there is no such product. */
  updateProduct(sku: string, change: ProductChange, at: string): Promise<Product>;
}
