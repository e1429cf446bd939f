import { customerLabel } from '../../../console/src/pages/customers/customer-label';
import {
  belowOnly,
  type StockOverviewRow,
  skuSummary,
  stockAttention,
} from '../../../console/src/pages/inventory/supplier-model';

describe('naming a customer in the lists', () => {
  it('shows the company, else the name, else the id; and the id beside a name', () => {
    // Act
    const both = customerLabel({ customerId: 'cus_1', name: 'Ana Buyer', company: 'Hamburg Tools GmbH' });
    const person = customerLabel({ customerId: 'cus_2', name: 'Bo Li' });
    const bare = customerLabel({ customerId: 'cus_3' });

    // Assess
    expect(both).toEqual({ title: 'Hamburg Tools GmbH', detail: 'Ana Buyer · cus_1' });
    expect(person).toEqual({ title: 'Bo Li', detail: 'cus_2' });
    expect(bare).toEqual({ title: 'cus_3' });
  });
});

describe('the supplier and stock lists', () => {
  const row = (change: Partial<StockOverviewRow>): StockOverviewRow => ({
    sku: 'VALVE-DN50',
    warehouse: 'MAIN',
    onHand: 100,
    reserved: 0,
    available: 100,
    incoming: 0,
    belowReorderPoint: false,
    warehousesBelowReorderPoint: [],
    warehouseCount: 1,
    ...change,
  });

  it('summarises a long sku list', () => {
    // Act + Assess
    expect(skuSummary(['A', 'B'])).toBe('A, B');
    expect(skuSummary(['A', 'B', 'C', 'D'], 2)).toBe('A, B +2');
  });

  it('says which stock needs attention and where', () => {
    // Act + Assess
    expect(stockAttention(row({}))).toEqual({ level: 'ok', where: [] });
    expect(
      stockAttention(row({ available: 5, belowReorderPoint: true, warehousesBelowReorderPoint: ['HAM'] })),
    ).toEqual({ level: 'reorder', where: ['HAM'] });
    expect(stockAttention(row({ onHand: 0, available: 0 }))).toEqual({ level: 'out', where: [] });
  });

  it('reads the below-reorder filter from the query string', () => {
    // Act + Assess
    expect(belowOnly(new URLSearchParams('below=1'))).toBe(true);
    expect(belowOnly(new URLSearchParams(''))).toBe(false);
  });
});
