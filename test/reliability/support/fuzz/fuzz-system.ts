import { topology } from '../../../../infra/topology';
import type { Topology } from '../../../../infra/topology/types';
import { eventually, type LocalSystem, startLocalSystem } from '../../../integration/support/local-system';
import type { FuzzFixtures } from './route-samples';

export const FUZZ_SKU = 'FUZZ-VALVE-1';

/**
 * The topology with usage plans far above what the fuzzer sends: the suite tests how input is
 * handled, and a 429 from the gateway would answer in the handlers' place.
 */
export function unthrottledTopology(): Topology {
  return {
    ...topology,
    api: {
      ...topology.api,
      usagePlans: topology.api.usagePlans.map((plan) => ({
        ...plan,
        rateLimit: 100_000,
        burstLimit: 100_000,
      })),
    },
  };
}

/**
 * The embedded runtime with what the fuzzer's samples refer to: a customer, a product with stock, and
 * an order of it waiting for its deposit (so order actions meet a real order); settled, so nothing
 * but the fuzzer writes while it runs.
 */
export async function startFuzzSystem(): Promise<{ system: LocalSystem; fixtures: FuzzFixtures }> {
  const system = await startLocalSystem({ topology: unthrottledTopology() });
  const expect201 = async (
    what: string,
    answer: Promise<{ status: number; json: Record<string, string> }>,
  ) => {
    const { status, json } = await answer;
    if (status !== 201 && status !== 200)
      throw new Error(`${what} answered ${status}: ${JSON.stringify(json)}`);
    return json;
  };
  const customer = await expect201(
    'POST /customers',
    system.api('/customers', {
      body: { name: 'Fuzz Buyer', email: 'fuzz@example.com', country: 'DE', currency: 'EUR' },
    }),
  );
  await expect201(
    'POST /products',
    system.api('/products', { body: { sku: FUZZ_SKU, name: 'Fuzz valve' }, as: 'procurement' }),
  );
  await expect201(
    'PUT /inventory',
    system.api(`/inventory/${FUZZ_SKU}`, { method: 'PUT', body: { onHand: 1_000 }, as: 'warehouse' }),
  );
  const order = await expect201(
    'POST /orders',
    system.api('/orders', {
      body: {
        customerId: customer.customerId,
        currency: 'EUR',
        incoterm: { code: 'FOB', place: 'Shanghai' },
        paymentTerms: { type: 'TT', depositPercent: 30 },
        lines: [{ sku: FUZZ_SKU, quantity: 2, unitPrice: '12.50' }],
        shippingAddress: { name: 'Fuzz Buyer', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      },
    }),
  );
  await eventually(
    async () => {
      const { json } = await system.api(`/orders/${order.orderId}`, { as: 'sales' });
      return json?.waitingFor === 'deposit' ? true : undefined;
    },
    30_000,
    'the fixture order to wait for its deposit',
  );
  await system.runtime.idle();
  return { system, fixtures: { customerId: customer.customerId, orderId: order.orderId, sku: FUZZ_SKU } };
}
