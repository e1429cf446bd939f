/**
 * The export orders the benchmark and the reliability suite drive through the HTTP API, and what the
 * people of DESIGN.md do at each status, as plain requests: the lifecycle bench (lifecycle.ts) and the
 * reliability suite (test/reliability/support/order-batch.ts) each send them with their own client
 * (timed and feed-driven there; retried with idempotency keys here).
 *
 * Each order has its own customer (a buyer's credit review reads only that buyer's orders). A plain
 * order is TT 30/70 for 200 valves and 4 pumps; a `credit-hold` order is open account over a small
 * credit limit (held for finance, approved); a `shortfall` order takes 10 motors with 4 on hand (it
 * waits for stock; the warehouse receives the 6 missing).
 */
export type OrderKind = 'plain' | 'credit-hold' | 'shortfall';

/** What a batch's requests need to know of it. */
export interface ScriptedBatch {
  run: string;
  orders: { kind: OrderKind; customerId: string }[];
  skus: { valve: string; pump: string; motor: string };
}

export type Caller = 'storefront' | 'sales' | 'finance' | 'warehouse' | 'logistics' | 'procurement';

/** One API request of the script; `name` is stable per order and step (for idempotency keys). */
export interface ScriptedRequest {
  method: 'POST' | 'PUT';
  path: string;
  as: Caller;
  body: unknown;
  name: string;
}

/** The order as `GET /orders/{id}` shows it, as far as the script reads it. */
export interface OrderView {
  status: string;
  outstanding?: string;
  currency: string;
  lines: { sku: string; quantity: number }[];
  paymentSchedule?: { installments: { amount: string }[] };
}

export const ORDERED = { valve: 200, pump: 4, motor: 10 } as const;
export const MOTORS_ON_HAND = 4;
/** The statuses an order does not come back from. */
export const ENDED_BADLY = new Set(['CANCELLED', 'REJECTED', 'FAILED']);

export const batchSkus = (run: string): ScriptedBatch['skus'] => ({
  valve: `VALVE-${run}`,
  pump: `PUMP-${run}`,
  motor: `MOTOR-${run}`,
});

type Item = keyof ScriptedBatch['skus'];

/** The three products: what procurement enters, and the price the storefront orders them at. */
const PRODUCTS: Record<Item, { name: string; hsCode: string; kg: number; unitCost: string; price: string }> =
  {
    valve: {
      name: 'Ball valve DN50, stainless',
      hsCode: '848180',
      kg: 1.2,
      unitCost: '7.10',
      price: '12.50',
    },
    pump: { name: 'Centrifugal pump 3 kW', hsCode: '841370', kg: 38, unitCost: '540.00', price: '899.90' },
    motor: { name: 'Induction motor 5.5 kW', hsCode: '850152', kg: 41, unitCost: '310.00', price: '520.00' },
  };

/** What an order of this kind takes: valves, and pumps or (short of stock) motors. */
const itemsOf = (kind: OrderKind): Item[] => (kind === 'shortfall' ? ['valve', 'motor'] : ['valve', 'pump']);

/** Units put on hand per SKU at the start: valves and pumps for every order twice over, 4 motors. */
export function stockLevels(skus: ScriptedBatch['skus'], orders: number): Record<string, number> {
  return {
    [skus.valve]: ORDERED.valve * orders * 2,
    [skus.pump]: ORDERED.pump * orders * 2,
    [skus.motor]: MOTORS_ON_HAND,
  };
}

/** The batch's three products (procurement) and their stock (warehouse). */
export function catalogRequests(skus: ScriptedBatch['skus'], orders: number): ScriptedRequest[] {
  const products = (Object.keys(PRODUCTS) as Item[]).map((item): ScriptedRequest => {
    const { name, hsCode, kg, unitCost, price } = PRODUCTS[item];
    return {
      method: 'POST',
      path: '/products',
      as: 'procurement',
      name: `product-${skus[item]}`,
      body: {
        sku: skus[item],
        name,
        hsCode,
        originCountry: 'CN',
        unit: 'pcs',
        netWeightKg: kg,
        grossWeightKg: kg * 1.15,
        unitCost,
        price,
        currency: 'EUR',
      },
    };
  });
  const stock = Object.entries(stockLevels(skus, orders)).map(
    ([sku, onHand]): ScriptedRequest => ({
      method: 'PUT',
      path: `/inventory/${sku}`,
      as: 'warehouse',
      name: `stock-${sku}`,
      body: { onHand },
    }),
  );
  return [...products, ...stock];
}

/** The storefront's `POST /customers` for order `index`; a credit-hold buyer gets a EUR 100 limit. */
export function customerRequest(
  run: string,
  index: number,
  kind: OrderKind,
  language: string,
): ScriptedRequest {
  return {
    method: 'POST',
    path: '/customers',
    as: 'storefront',
    name: `customer-${run}-${index}`,
    body: {
      name: `Buyer ${run}-${index}`,
      email: buyerEmail(run, index),
      country: 'DE',
      company: `Hamburg Tools ${index} GmbH`,
      language,
      currency: 'EUR',
      creditLimit: { amount: kind === 'credit-hold' ? '100.00' : '50000.00', currency: 'EUR' },
    },
  };
}

export const buyerEmail = (run: string, index: number) => `buyer.${run.toLowerCase()}.${index}@buyer.example`;

/** Units of each SKU an order of this kind takes. */
export function orderedUnits(skus: ScriptedBatch['skus'], kind: OrderKind): Record<string, number> {
  return Object.fromEntries(itemsOf(kind).map((item) => [skus[item], ORDERED[item]]));
}

/** The storefront's `POST /orders` for order `index` of the batch. */
export function orderRequest(batch: ScriptedBatch, index: number): ScriptedRequest {
  const { kind, customerId } = batch.orders[index];
  return {
    method: 'POST',
    path: '/orders',
    as: 'storefront',
    name: `order-${batch.run}-${index}`,
    body: {
      customerId,
      currency: 'EUR',
      incoterm: { code: 'FOB', place: 'Shanghai' },
      paymentTerms: kind === 'credit-hold' ? { type: 'OA', netDays: 60 } : { type: 'TT', depositPercent: 30 },
      lines: itemsOf(kind).map((item) => ({
        sku: batch.skus[item],
        quantity: ORDERED[item],
        unitPrice: PRODUCTS[item].price,
      })),
      shippingAddress: {
        name: `Hamburg Tools ${index} GmbH`,
        line1: 'Am Hafen 1',
        city: 'Hamburg',
        postalCode: '20457',
        country: 'DE',
      },
      buyerPo: `PO-${batch.run}-${index}`,
    },
  };
}

/**
 * What someone does for order `index` (id `orderId`) at its current status: none when the status asks
 * for nobody (the workflow is working). In transit, the carrier reports `tracking` (in order), then the
 * delivery.
 */
export function nextRequests(
  batch: ScriptedBatch,
  index: number,
  orderId: string,
  order: OrderView,
  options: { tracking: ('DEPARTED' | 'ARRIVED')[]; now?: () => Date },
): ScriptedRequest[] {
  const tag = `${batch.run}-${index}`;
  const now = options.now ?? (() => new Date());
  const post = (action: string, as: Caller, body: unknown, step = action): ScriptedRequest => ({
    method: 'POST',
    path: `/orders/${orderId}/${action}`,
    as,
    body,
    name: `${tag}-${step}`,
  });
  const pay = (amount: string, reference: string) =>
    post('payments', 'finance', { amount, currency: order.currency, reference }, `payment-${reference}`);
  const today = now();
  switch (order.status) {
    case 'CREDIT_HOLD':
      return [post('credit-decision', 'finance', { decision: 'approve', note: 'known buyer' })];
    case 'AWAITING_DEPOSIT':
      return [pay(order.paymentSchedule!.installments[0].amount, `DEP-${tag}`)];
    case 'AWAITING_STOCK':
      return [
        {
          method: 'POST',
          path: '/inventory/receipts',
          as: 'warehouse',
          name: `${tag}-receipt`,
          body: { sku: batch.skus.motor, quantity: ORDERED.motor - MOTORS_ON_HAND },
        },
      ];
    case 'IN_PRODUCTION':
      return [
        post('packing', 'warehouse', {
          packages: order.lines.map((line) => ({
            weightKg: 300,
            lengthCm: 120,
            widthCm: 80,
            heightCm: 90,
            lines: [{ sku: line.sku, quantity: line.quantity }],
          })),
        }),
      ];
    case 'AWAITING_BALANCE':
      return [pay(order.outstanding!, `BAL-${tag}`)];
    case 'AWAITING_PAYMENT':
      return [pay(order.outstanding!, `INV-${tag}`)];
    case 'READY_TO_SHIP':
      return [
        post('shipment', 'logistics', {
          carrier: 'Maersk',
          mode: 'SEA',
          transportDocumentNo: `MAEU${tag}`,
          trackingNumber: `TRK${tag}`,
          trackingUrl: `https://track.example/TRK${tag}`,
          etd: day(today, 0),
          eta: day(today, 30),
          portOfLoading: 'CNSHA',
          portOfDischarge: 'DEHAM',
        }),
      ];
    case 'IN_TRANSIT': {
      const places = { DEPARTED: 'Shanghai', ARRIVED: 'Hamburg' } as const;
      return [
        ...options.tracking.map((status) =>
          post(
            'tracking-events',
            'logistics',
            { status, at: now().toISOString(), location: places[status] },
            `tracking-${status}`,
          ),
        ),
        post('delivery', 'logistics', { deliveredAt: now().toISOString(), receivedBy: 'Dock 3' }),
      ];
    }
    default:
      return [];
  }
}

function day(from: Date, plusDays: number): string {
  return new Date(from.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}
