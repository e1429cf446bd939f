import type { BenchApi } from './api-client';
import type { OrderSignals } from './feed-signals';

/**
 * Full export orders driven through the HTTP API as the people and storefronts of DESIGN.md would:
 * each order is read with `GET /orders/{id}` when the live feed says it changed (as the console
 * does; see feed-signals.ts), or else polled with a short backoff, and acted on when its status asks
 * for it, until it is COMPLETED.
 *
 * A batch of N orders has N-2 plain TT 30/70 orders, one open-account order over a small credit limit
 * (held for finance, approved), and one TT 30/70 order short of stock (a receipt resumes it). Every
 * order is packed, shipped, gets two tracking updates and is delivered. Each order has its own
 * customer, as each buyer's credit review reads only that buyer's orders.
 */
export type OrderKind = 'plain' | 'credit-hold' | 'shortfall';

export interface Batch {
  run: string;
  orders: { kind: OrderKind; customerId: string }[];
  skus: { valve: string; pump: string; motor: string };
}

export interface DriveStats {
  polls: number;
  actions: number;
  /** Live feed messages the drivers received (when they used the feed). */
  feedMessages?: number;
}

const ORDERED = { valve: 200, pump: 4, motor: 10 } as const;
const MOTORS_ON_HAND = 4;

/** Products, stock and customers for a batch (not part of what is measured). */
export async function seedBatch(api: BenchApi, run: string, n: number): Promise<Batch> {
  const skus = { valve: `VALVE-${run}`, pump: `PUMP-${run}`, motor: `MOTOR-${run}` };
  const product = (sku: string, name: string, hsCode: string, kg: number, cost: string, price: string) =>
    api('POST', '/products', 'procurement', {
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
    });
  await product(skus.valve, 'Ball valve DN50, stainless', '848180', 1.2, '7.10', '12.50');
  await product(skus.pump, 'Centrifugal pump 3 kW', '841370', 38, '540.00', '899.90');
  await product(skus.motor, 'Induction motor 5.5 kW', '850152', 41, '310.00', '520.00');
  await api('PUT', `/inventory/${skus.valve}`, 'warehouse', { onHand: ORDERED.valve * n * 2 });
  await api('PUT', `/inventory/${skus.pump}`, 'warehouse', { onHand: ORDERED.pump * n * 2 });
  await api('PUT', `/inventory/${skus.motor}`, 'warehouse', { onHand: MOTORS_ON_HAND });

  const kinds: OrderKind[] = Array.from({ length: n }, (_, i) =>
    i === Math.floor(n / 3) ? 'credit-hold' : i === Math.floor((2 * n) / 3) ? 'shortfall' : 'plain',
  );
  const orders: Batch['orders'] = [];
  for (const [i, kind] of kinds.entries()) {
    const { customerId } = await api<{ customerId: string }>('POST', '/customers', 'storefront', {
      name: `Buyer ${run}-${i}`,
      email: `buyer.${run.toLowerCase()}.${i}@buyer.example`,
      country: 'DE',
      company: `Hamburg Tools ${i} GmbH`,
      language: 'de',
      currency: 'EUR',
      creditLimit: { amount: kind === 'credit-hold' ? '100.00' : '50000.00', currency: 'EUR' },
    });
    orders.push({ kind, customerId });
  }
  return { run, orders, skus };
}

function orderBody(batch: Batch, index: number) {
  const { kind, customerId } = batch.orders[index];
  const lines = [
    { sku: batch.skus.valve, quantity: ORDERED.valve, unitPrice: '12.50' },
    kind === 'shortfall'
      ? { sku: batch.skus.motor, quantity: ORDERED.motor, unitPrice: '520.00' }
      : { sku: batch.skus.pump, quantity: ORDERED.pump, unitPrice: '899.90' },
  ];
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
  status: string;
  outstanding?: string;
  currency: string;
  lines: { sku: string; quantity: number }[];
  paymentSchedule?: { installments: { amount: string }[] };
}

const FAILED = new Set(['CANCELLED', 'REJECTED', 'FAILED']);

/** Places order `index` of the batch and walks it to COMPLETED. */
export async function driveOrder(
  api: BenchApi,
  batch: Batch,
  index: number,
  options: { firstPollMs: number; maxPollMs: number; timeoutMs: number; feedFallbackMs?: number },
  stats: DriveStats,
  signals?: OrderSignals,
): Promise<void> {
  const tag = `${batch.run}-${index}`;
  const { orderId } = await api<{ orderId: string }>(
    'POST',
    '/orders',
    'storefront',
    orderBody(batch, index),
  );
  stats.actions++;
  const acted = new Set<string>();
  const deadline = Date.now() + options.timeoutMs;
  let pause = options.firstPollMs;
  /** Does what the status asks for; false when it asks for nothing (the workflow is working). */
  const act = async (status: string, order: OrderView): Promise<boolean> => {
    const post = (action: string, as: Parameters<BenchApi>[2], body: unknown) =>
      api('POST', `/orders/${orderId}/${action}`, as, body);
    const pay = (amount: string, reference: string) =>
      post('payments', 'finance', { amount, currency: order.currency, reference });
    const today = new Date();
    switch (status) {
      case 'CREDIT_HOLD':
        await post('credit-decision', 'finance', { decision: 'approve', note: 'known buyer' });
        break;
      case 'AWAITING_DEPOSIT':
        await pay(order.paymentSchedule!.installments[0].amount, `DEP-${tag}`);
        break;
      case 'AWAITING_STOCK':
        await api('POST', '/inventory/receipts', 'warehouse', {
          sku: batch.skus.motor,
          quantity: ORDERED.motor - MOTORS_ON_HAND,
        });
        break;
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
        break;
      case 'AWAITING_BALANCE':
        await pay(order.outstanding!, `BAL-${tag}`);
        break;
      case 'AWAITING_PAYMENT':
        await pay(order.outstanding!, `INV-${tag}`);
        break;
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
        break;
      case 'IN_TRANSIT':
        await post('tracking-events', 'logistics', {
          status: 'DEPARTED',
          at: today.toISOString(),
          location: 'Shanghai',
        });
        await post('tracking-events', 'logistics', {
          status: 'ARRIVED',
          at: new Date().toISOString(),
          location: 'Hamburg',
        });
        await post('delivery', 'logistics', { deliveredAt: new Date().toISOString(), receivedBy: 'Dock 3' });
        stats.actions += 2;
        break;
      default:
        return false;
    }
    stats.actions++;
    return true;
  };
  for (;;) {
    if (signals) await signals.wait(orderId, options.feedFallbackMs ?? 1000);
    else await sleep(pause);
    const order = await api<OrderView>('GET', `/orders/${orderId}`, 'sales');
    stats.polls++;
    if (order.status === 'COMPLETED') return;
    if (FAILED.has(order.status)) throw new Error(`order ${orderId} (${tag}) ended ${order.status}`);
    if (Date.now() > deadline) throw new Error(`order ${orderId} (${tag}) stuck in ${order.status}`);
    if (!acted.has(order.status) && (await act(order.status, order))) {
      acted.add(order.status);
      pause = options.firstPollMs;
    } else pause = Math.min(pause * 2, options.maxPollMs);
  }
}

function day(from: Date, plusDays: number): string {
  return new Date(from.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
