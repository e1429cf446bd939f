import * as z from '../../zod-mini';
import type { IncomingEvent } from '../incoming-event';

const allocationDetail = z.object({
  sku: z.optional(z.string()),
  lines: z.optional(z.array(z.object({ sku: z.string() }))),
});

export type ReorderOutcome = 'checked' | 'skipped';

/**
 * Consumer of the stock step's events (StockAllocated, ProcurementRequested): reservations lower
 * what is available, so each sku they name is checked against its reorder points. Redeliveries are
 * harmless: a request already open is not raised again.
 */
export function makeReorderAfterAllocation(checkReorder: (sku: string) => Promise<unknown>) {
  return async (event: IncomingEvent): Promise<ReorderOutcome> => {
    if (event.type !== 'StockAllocated' && event.type !== 'ProcurementRequested') return 'skipped';
    const parsed = allocationDetail.safeParse(event.detail);
    if (!parsed.success) throw new Error(`${event.type} detail: ${parsed.error.issues[0].message}`);
    const skus = new Set([
      ...(parsed.data.sku ? [parsed.data.sku] : []),
      ...(parsed.data.lines ?? []).map((line) => line.sku),
    ]);
    for (const sku of [...skus].sort()) await checkReorder(sku);
    return skus.size ? 'checked' : 'skipped';
  };
}
