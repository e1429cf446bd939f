import type { Caller, RetryingClient } from './retrying-client';
import { sleep } from './retrying-client';

/**
 * Export orders walked through the HTTP API to COMPLETED by the people DESIGN.md names, as in
 * bench/support/lifecycle.ts, but through failures: every POST carries an Idempotency-Key made from
 * the order and the action, so a retry (after a 5xx, or across a runtime restart) is the same request.
 *
 * A batch has a plain TT 30/70 order for most slots, one open-account order over a small credit limit
 * (held, approved by finance) and one order short of stock (a receipt resumes it), each with its own
 * customer (a buyer's credit review reads only that buyer's orders).
 */
export type OrderKind = 'plain' | 'credit-hold' | 'shortfall';

export interface Batch {
  run: string;
  orders: { kind: OrderKind; customerId: string; email: string }[];
  skus: { valve: string; pump: string; motor: string };
  /** Units put on hand per SKU at the start. */
  stocked: Record<string, number>;
}

export const ORDERED = { valve: 200, pump: 4, motor: 10 } as const;
const MOTORS_ON_HAND = 4;

export function kindsFor(n: number): OrderKind[] {
  if (n < 3) return Array.from({ length: n }, () => 'plain');
  return Array.from({ length: n }, (_, i) => (i === 1 ? 'credit-hold' : i === 2 ? 'shortfall' : 'plain'));
}

/** Products, stock and one customer per order. */
export async function seedBatch(api: RetryingClient, run: string, n: number): Promise<Batch> {
  const skus = { valve: `VALVE-${run}`, pump: `PUMP-${run}`, motor: `MOTOR-${run}` };
  const product = (sku: string, name: string, hsCode: string, kg: number, cost: string, price: string) =>
    api(
      'POST',
      '/products',
      'procurement',
      {
        sku,
        name,
        hsCode,
        originCountry: 'CN',
        unit: 'pcs',
        netWeightKg: kg,
        grossWeightKg: kg * 1.15,
        unitCost: cost,
        price,
        currency: 'EUR',
      },
      `product-${sku}`,
    );
  await product(skus.valve, 'Ball valve DN50, stainless', '848180', 1.2, '7.10', '12.50');
  await product(skus.pump, 'Centrifugal pump 3 kW', '841370', 38, '540.00', '899.90');
  await product(skus.motor, 'Induction motor 5.5 kW', '850152', 41, '310.00', '520.00');
  const stocked = {
    [skus.valve]: ORDERED.valve * n * 2,
    [skus.pump]: ORDERED.pump * n * 2,
    [skus.motor]: MOTORS_ON_HAND,
  };
  for (const [sku, onHand] of Object.entries(stocked))
    await api('PUT', `/inventory/${sku}`, 'warehouse', { onHand }, `stock-${sku}`);

  const orders: Batch['orders'] = [];
  for (const [i, kind] of kindsFor(n).entries()) {
    const email = `buyer.${run.toLowerCase()}.${i}@buyer.example`;
    const { customerId } = await api<{ customerId: string }>(
      'POST',
      '/customers',
      'storefront',
      {
        name: `Buyer ${run}-${i}`,
        email,
        country: 'DE',
        company: `Hamburg Tools ${i} GmbH`,
        language: 'en',
        currency: 'EUR',
        creditLimit: { amount: kind === 'credit-hold' ? '100.00' : '50000.00', currency: 'EUR' },
      },
      `customer-${run}-${i}`,
    );
    orders.push({ kind, customerId, email });
  }
  return { run, orders, skus, stocked };
}

/** Units of each SKU an order of this kind takes. */
export function orderedUnits(batch: Batch, kind: OrderKind): Record<string, number> {
  return kind === 'shortfall'
    ? { [batch.skus.valve]: ORDERED.valve, [batch.skus.motor]: ORDERED.motor }
    : { [batch.skus.valve]: ORDERED.valve, [batch.skus.pump]: ORDERED.pump };
}

/** Units received into stock by the batch's shortfall orders (each receives what it lacked). */
export function receivedUnits(batch: Batch): Record<string, number> {
  const shortfalls = batch.orders.filter((order) => order.kind === 'shortfall').length;
  return { [batch.skus.motor]: shortfalls * (ORDERED.motor - MOTORS_ON_HAND) };
}

function orderBody(batch: Batch, index: number) {
  const { kind, customerId } = batch.orders[index];
  const lines = Object.entries(orderedUnits(batch, kind)).map(([sku, quantity]) => ({
    sku,
    quantity,
    unitPrice: sku === batch.skus.valve ? '12.50' : sku === batch.skus.motor ? '520.00' : '899.90',
  }));
  return {
    customerId,
    currency: 'EUR',
    incoterm: { code: 'FOB', place: 'Shanghai' },
    paymentTerms: kind === 'credit-hold' ? { type: 'OA', netDays: 60 } : { type: 'TT', depositPercent: 30 },
    lines,
    shippingAddress: {
      name: `Hamburg Tools ${index} GmbH`,
      line1: 'Am Hafen 1',
      city: 'Hamburg',
      postalCode: '20457',
      country: 'DE',
    },
    buyerPo: `PO-${batch.run}-${index}`,
  };
}

interface OrderView {
  orderId: string;
  status: string;
  outstanding?: string;
  currency: string;
  lines: { sku: string; quantity: number }[];
  paymentSchedule?: { installments: { amount: string }[] };
}

const ENDED_BADLY = new Set(['CANCELLED', 'REJECTED', 'FAILED']);

/** Places order `index` of the batch (keyed, so a retry is the same order) and returns its id. */
export async function placeOrder(api: RetryingClient, batch: Batch, index: number): Promise<string> {
  const { orderId } = await api<{ orderId: string }>(
    'POST',
    '/orders',
    'storefront',
    orderBody(batch, index),
    `order-${batch.run}-${index}`,
  );
  return orderId;
}

/** Walks a placed order to COMPLETED, acting once on each status that asks for someone. */
export async function walkOrder(
  api: RetryingClient,
  batch: Batch,
  index: number,
  orderId: string,
  options: { timeoutMs: number; pollMs?: number },
): Promise<void> {
  const tag = `${batch.run}-${index}`;
  const acted = new Set<string>();
  const deadline = Date.now() + options.timeoutMs;
  const pollMs = options.pollMs ?? 100;
  const post = (action: string, as: Caller, body: unknown) =>
    api('POST', `/orders/${orderId}/${action}`, as, body, `${tag}-${action}-${acted.size}`);
  const act = async (order: OrderView): Promise<boolean> => {
    const pay = (amount: string, reference: string) =>
      post('payments', 'finance', { amount, currency: order.currency, reference });
    const today = new Date();
    switch (order.status) {
      case 'CREDIT_HOLD':
        await post('credit-decision', 'finance', { decision: 'approve', note: 'known buyer' });
        return true;
      case 'AWAITING_DEPOSIT':
        await pay(order.paymentSchedule!.installments[0].amount, `DEP-${tag}`);
        return true;
      case 'AWAITING_STOCK':
        await api(
          'POST',
          '/inventory/receipts',
          'warehouse',
          { sku: batch.skus.motor, quantity: ORDERED.motor - MOTORS_ON_HAND },
          `${tag}-receipt`,
        );
        return true;
      case 'IN_PRODUCTION':
        await post('packing', 'warehouse', {
          packages: order.lines.map((line) => ({
            weightKg: 300,
            lengthCm: 120,
            widthCm: 80,
            heightCm: 90,
            lines: [{ sku: line.sku, quantity: line.quantity }],
          })),
        });
        return true;
      case 'AWAITING_BALANCE':
        await pay(order.outstanding!, `BAL-${tag}`);
        return true;
      case 'AWAITING_PAYMENT':
        await pay(order.outstanding!, `INV-${tag}`);
        return true;
      case 'READY_TO_SHIP':
        await post('shipment', 'logistics', {
          carrier: 'Maersk',
          mode: 'SEA',
          transportDocumentNo: `MAEU${tag}`,
          trackingNumber: `TRK${tag}`,
          trackingUrl: `https://track.example/TRK${tag}`,
          etd: day(today, 0),
          eta: day(today, 30),
          portOfLoading: 'CNSHA',
          portOfDischarge: 'DEHAM',
        });
        return true;
      case 'IN_TRANSIT':
        await post('tracking-events', 'logistics', {
          status: 'ARRIVED',
          at: today.toISOString(),
          location: 'Hamburg',
        });
        await post('delivery', 'logistics', { deliveredAt: today.toISOString(), receivedBy: 'Dock 3' });
        return true;
      default:
        return false;
    }
  };
  for (;;) {
    const order = await api<OrderView>('GET', `/orders/${orderId}`, 'sales');
    if (order.status === 'COMPLETED') return;
    if (ENDED_BADLY.has(order.status)) throw new Error(`order ${orderId} (${tag}) ended ${order.status}`);
    if (Date.now() > deadline) throw new Error(`order ${orderId} (${tag}) stuck in ${order.status}`);
    if (!acted.has(order.status) && (await act(order))) acted.add(order.status);
    else await sleep(pollMs);
  }
}

/** Runs `work` for 0..n-1, at most `concurrency` at a time; rejects with the first failure. */
export async function inPool(
  n: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

function day(from: Date, plusDays: number): string {
  return new Date(from.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** Seeds a batch of `n` orders and walks them all to COMPLETED, `concurrency` at a time. */
export async function driveBatch(
  api: RetryingClient,
  run: string,
  n: number,
  options: { concurrency: number; timeoutMs: number },
): Promise<{ batch: Batch; orderIds: string[] }> {
  const batch = await seedBatch(api, run, n);
  const orderIds: string[] = [];
  await inPool(n, options.concurrency, async (i) => {
    orderIds[i] = await placeOrder(api, batch, i);
    await walkOrder(api, batch, i, orderIds[i], { timeoutMs: options.timeoutMs });
  });
  return { batch, orderIds };
}
