import type { CustomerFacts, CustomerSummary, MonthlyRevenue } from '../../domain/customer-activity';
import type { DemandRow } from '../../domain/product-demand';
import { ConcurrentUpdateError } from '../../errors';
import type { CustomerActivityRepository, CustomerSegments, FactFields } from '../../ports/customer-activity';
import type { CustomerOwners } from '../../ports/customer-owners';
import type { ProductDemandRepository } from '../../ports/product-demand';

/** For unit tests: the CRM's stores with the DynamoDB adapters' rules (first write wins, versions). */
export function makeInMemoryCustomerActivity() {
  const facts = new Map<string, Map<string, FactFields & { kind: string }>>();
  const summaries = new Map<string, { summary: CustomerSummary; version: number }>();
  const revenue = new Map<string, { lines: MonthlyRevenue[]; version: number }>();
  const store: CustomerActivityRepository & CustomerSegments = {
    async recordFact(customerId, kind, id, fields) {
      const mine = facts.get(customerId) ?? new Map();
      facts.set(customerId, mine);
      const fact = mine.get(`${kind}#${id}`) ?? { kind, [`${kind}Id`]: id };
      for (const [name, value] of Object.entries(fields)) if (!(name in fact)) fact[name] = value;
      mine.set(`${kind}#${id}`, fact);
    },
    async facts(customerId) {
      const found: CustomerFacts = { orders: [], quotes: [], inquiries: [] };
      for (const { kind, ...fact } of facts.get(customerId)?.values() ?? []) {
        if (kind === 'order') found.orders.push(structuredClone(fact) as never);
        if (kind === 'quote') found.quotes.push(structuredClone(fact) as never);
        if (kind === 'inquiry') found.inquiries.push(structuredClone(fact) as never);
      }
      return found;
    },
    async summaryVersion(customerId) {
      return summaries.get(customerId)?.version ?? 0;
    },
    async saveSummary(summary, version) {
      if ((summaries.get(summary.customerId)?.version ?? 0) !== version - 1)
        throw new ConcurrentUpdateError(`customer ${summary.customerId}'s summary changed since it was read`);
      summaries.set(summary.customerId, { summary: structuredClone(summary), version });
    },
    async saveMonthlyRevenue(customerId, month, lines, version) {
      const key = `${month}|${customerId}`;
      if ((revenue.get(key)?.version ?? 0) >= version) return;
      revenue.set(key, { lines: structuredClone(lines), version });
    },
    async list(segment, options) {
      const matching = [...summaries.values()]
        .map((s) => s.summary)
        .filter(
          (s) =>
            s.segment === segment && (options.before === undefined || (s.segmentKey ?? '') < options.before),
        )
        .sort((a, b) => ((a.segmentKey ?? '') < (b.segmentKey ?? '') ? -1 : 1));
      if (options.newestFirst) matching.reverse();
      const start = options.nextToken ? Number(options.nextToken) : 0;
      const items = matching.slice(start, start + options.limit);
      return {
        items: structuredClone(items),
        ...(start + options.limit < matching.length ? { nextToken: String(start + options.limit) } : {}),
      };
    },
    async revenueInMonth(month) {
      return [...revenue.entries()]
        .filter(([key]) => key.startsWith(`${month}|`))
        .flatMap(([, { lines }]) => structuredClone(lines));
    },
  };
  return Object.assign(store, { summaries, revenue });
}

export function makeInMemoryProductDemand() {
  const rows = new Map<string, DemandRow>();
  const store: ProductDemandRepository = {
    async record(row) {
      const key = `${row.sku}|${row.month}|${row.orderId}`;
      const stored = rows.get(key) ?? { ...row, void: undefined };
      if (row.void) stored.void = true;
      rows.set(key, stored);
    },
    async rows(sku, fromMonth, toMonth) {
      return [...rows.values()]
        .filter((r) => r.sku === sku && r.month >= fromMonth && r.month <= toMonth)
        .map(({ void: isVoid, ...row }) => ({ ...row, ...(isVoid ? { void: true } : {}) }));
    },
  };
  return Object.assign(store, { stored: rows });
}

export function makeInMemoryCustomerOwners(owners: Record<string, string> = {}): CustomerOwners {
  return {
    async ownersOf(customerIds) {
      return new Map(customerIds.map((id) => [id, owners[id]]));
    },
  };
}
