import { writeUnits } from '../../../bench/cost/dynamodb-units';
import type { TableSpec } from '../../../infra/topology/types';

/** Items in DynamoDB's wire form, as the cost recorder sees them. */
const order = (status: string, updatedAt: string, timelineBytes: number) => ({
  pk: { S: 'ORDER#1' },
  sk: { S: 'ORDER' },
  status: { S: status },
  updatedAt: { S: updatedAt },
  customerId: { S: 'cus_1' },
  createdAt: { S: '2026-11-27T00:00:00Z' },
  timeline: { S: 'x'.repeat(timelineBytes) },
  summary: { M: { status: { S: status }, updatedAt: { S: updatedAt } } },
});

const table = (projection: TableSpec['indexes'][number]['projection']): TableSpec => ({
  name: 'orders',
  envVar: 'ORDERS_TABLE',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    {
      name: 'byStatus',
      partitionKey: { name: 'status', type: 'S' },
      sortKey: { name: 'updatedAt', type: 'S' },
      projection,
    },
    {
      name: 'byCustomer',
      partitionKey: { name: 'customerId', type: 'S' },
      sortKey: { name: 'createdAt', type: 'S' },
      projection,
    },
  ],
});

describe('the write units of an order rewrite', () => {
  const before = order('CONFIRMED', '2026-11-27T01:00:00Z', 4000);
  const after = order('AWAITING_DEPOSIT', '2026-11-27T02:00:00Z', 4100);

  it('copies the whole item into an ALL index: a moved key costs two item-sized writes', () => {
    // Act
    const units = writeUnits(table('ALL'), before, after, 'written');

    // Assess
    expect(units).toEqual({ table: 5, indexes: { byStatus: 5 + 5, byCustomer: 5 } });
  });

  it('copies only the named attributes into an INCLUDE index: small writes, and one only when they change', () => {
    // Act
    const changed = writeUnits(table({ include: ['summary'] }), before, after, 'written');
    const timelineOnly = writeUnits(
      table({ include: ['summary'] }),
      before,
      { ...before, timeline: { S: 'y'.repeat(4000) } },
      'written',
    );

    // Assess
    expect(changed).toEqual({ table: 5, indexes: { byStatus: 2, byCustomer: 1 } });
    expect(timelineOnly).toEqual({ table: 5, indexes: {} });
  });

  it('writes no index for a failed condition', () => {
    // Act
    const units = writeUnits(table({ include: ['summary'] }), before, after, 'conditionFailed');

    // Assess
    expect(units).toEqual({ table: 5, indexes: {} });
  });
});
