import type { Customer } from './customer';
import type { Order } from './order';

/**
 * The business checks a received order must pass before credit review; the API has already checked
 * each field's shape. `missingProducts` are the ordered skus that are not products. Returns the
 * problems, in words a person can act on (empty = valid).
 */
export function orderProblems(
  order: Order,
  customer: Customer | undefined,
  missingProducts: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  if (!customer) problems.push(`customer ${order.customerId} does not exist`);
  for (const sku of missingProducts) problems.push(`product ${sku} does not exist`);
  if (order.total.minor <= 0) problems.push('the order total must be more than zero');
  const seen = new Set<string>();
  for (const line of order.lines) {
    if (seen.has(line.sku)) problems.push(`sku ${line.sku} appears on more than one line; combine them`);
    seen.add(line.sku);
    if (line.unitPrice.minor <= 0) problems.push(`line ${line.lineNo} (${line.sku}) has no price`);
  }
  return problems;
}
