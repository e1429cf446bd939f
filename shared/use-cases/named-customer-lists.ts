import type { CustomerName, CustomerNames } from '../ports/customer-names';

/**
 * The customer lists (prospects, dormant, top) for staff, each row with the customer's name and
 * company beside its id, read in one batch per page (100 profiles a request). These routes are
 * staff-only: the names are what the customer view already shows them. A customer whose profile is
 * gone keeps its row, with its id only.
 */
export function makeCustomerNaming({ names }: { names: CustomerNames }) {
  async function named<T extends { customerId: string }>(rows: readonly T[]): Promise<(T & CustomerName)[]> {
    if (rows.length === 0) return [];
    const found = await names.namesOf([...new Set(rows.map((row) => row.customerId))]);
    return rows.map((row) => ({ ...row, ...nameFields(found.get(row.customerId)) }));
  }

  return {
    /** A page of rows (prospects, dormant customers), named. */
    async page<P extends { items: readonly { customerId: string }[] }>(page: P) {
      return { ...page, items: await named(page.items) };
    },
    /** The top-customer rankings, every ranking's customers named (one read for all of them). */
    async rankings<R extends Rankings>(top: R): Promise<NamedRankings<R>> {
      const everyone = await named(top.rankings.flatMap((ranking) => ranking.customers));
      const byId = new Map(everyone.map((row) => [row.customerId, nameFields(row)]));
      // The spreads keep every field of R; TypeScript cannot follow them through the generic maps.
      return {
        ...top,
        rankings: top.rankings.map((ranking) => ({
          ...ranking,
          customers: ranking.customers.map((row) => ({ ...row, ...byId.get(row.customerId) })),
        })),
      } as NamedRankings<R>;
    },
  };
}

type Rankings = { rankings: readonly { customers: readonly { customerId: string }[] }[] };
type Ranking<R extends Rankings> = R['rankings'][number];
/** The same answer, each ranked customer with its name fields. */
type NamedRankings<R extends Rankings> = Omit<R, 'rankings'> & {
  rankings: (Omit<Ranking<R>, 'customers'> & {
    customers: (Ranking<R>['customers'][number] & CustomerName)[];
  })[];
};

const nameFields = (name: CustomerName | undefined): CustomerName => ({
  ...(name?.name ? { name: name.name } : {}),
  ...(name?.company ? { company: name.company } : {}),
});
