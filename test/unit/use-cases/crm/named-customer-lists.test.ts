import { makeInMemoryCustomerNames } from '../../../../shared/adapters/in-memory/customer-names';
import type { CustomerNames } from '../../../../shared/ports/customer-names';
import { makeCustomerNaming } from '../../../../shared/use-cases/named-customer-lists';

const ANA = 'cus_01JCRM00000000000000000001';
const BO = 'cus_01JCRM00000000000000000002';
const GONE = 'cus_01JCRM00000000000000000009';

/** The in-memory names, counting the reads and the ids each asked for. */
function countingNames(): CustomerNames & { asked: string[][] } {
  const names = makeInMemoryCustomerNames({
    [ANA]: { name: 'Ana Buyer', company: 'Hamburg Tools GmbH' },
    [BO]: { name: 'Bo Li' },
  });
  const asked: string[][] = [];
  return {
    asked,
    async namesOf(ids) {
      asked.push([...ids]);
      return names.namesOf(ids);
    },
  };
}

describe('customer lists with names', () => {
  it('names each row of a page, keeping rows whose profile is gone with their id only', async () => {
    // Prepare
    const names = countingNames();
    const naming = makeCustomerNaming({ names });
    const page = {
      items: [
        { customerId: ANA, inquiries: 2, quotesSent: 1 },
        { customerId: GONE, inquiries: 1, quotesSent: 0 },
        { customerId: BO, inquiries: 1, quotesSent: 1 },
      ],
      nextToken: 'next',
    };

    // Act
    const named = await naming.page(page);

    // Assess
    expect(named).toEqual({
      items: [
        { customerId: ANA, name: 'Ana Buyer', company: 'Hamburg Tools GmbH', inquiries: 2, quotesSent: 1 },
        { customerId: GONE, inquiries: 1, quotesSent: 0 },
        { customerId: BO, name: 'Bo Li', inquiries: 1, quotesSent: 1 },
      ],
      nextToken: 'next',
    });
    expect(names.asked).toEqual([[ANA, GONE, BO]]);
  });

  it('names the customers of every ranking with one read, and reads nothing for an empty page', async () => {
    // Prepare: ANA ranks in both currencies
    const names = countingNames();
    const naming = makeCustomerNaming({ names });
    const revenue = (amount: string, currency: string) => ({ amount, currency });
    const top = {
      from: '2026-03',
      to: '2026-05',
      rankings: [
        {
          currency: 'EUR',
          converted: false,
          customers: [{ rank: 1, customerId: ANA, revenue: revenue('300.00', 'EUR'), orderCount: 3 }],
        },
        {
          currency: 'USD',
          converted: false,
          customers: [
            { rank: 1, customerId: BO, revenue: revenue('90.00', 'USD'), orderCount: 1 },
            { rank: 2, customerId: ANA, revenue: revenue('10.00', 'USD'), orderCount: 1 },
          ],
        },
      ],
    };

    // Act
    const named = await naming.rankings(top);
    const empty = await naming.page({ items: [] });

    // Assess
    expect(named.rankings[0].customers[0]).toMatchObject({ customerId: ANA, company: 'Hamburg Tools GmbH' });
    expect(named.rankings[1].customers.map((c) => [c.customerId, c.name])).toEqual([
      [BO, 'Bo Li'],
      [ANA, 'Ana Buyer'],
    ]);
    expect(named.from).toBe('2026-03');
    expect(names.asked).toEqual([[ANA, BO]]);
    expect(empty).toEqual({ items: [] });
  });
});
