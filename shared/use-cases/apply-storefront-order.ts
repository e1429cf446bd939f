import type { CreateOrderBody } from '../contracts/orders';
import { AmountFormatError, formatAmount, parseAmount, sum } from '../domain/money';
import type { Actor, Order } from '../domain/order';
import { SHOP_ORDER_INCOTERM, SHOP_ORDER_TERMS, type Storefront } from '../domain/storefront';
import { ConflictError, IdempotencyKeyReusedError, InvalidInputError } from '../errors';
import { idFor } from '../ids';
import type { CustomerRepository } from '../ports/customers';
import type { OrderRepository } from '../ports/orders';
import type { StorefrontRepository } from '../ports/storefronts';
import type { WebhookInbox } from '../ports/webhook-inbox';
import type { StorefrontOrder } from '../storefronts/storefront-order';
import type { makeCreateCustomer } from './create-customer';
import type { makeCancelOrder } from './order-actions/cancel-order';
import type { makeRecordPayment } from './order-actions/record-payment';
import type { makePlaceOrder } from './place-order';
import { storefrontOrderId } from './receive-storefront-webhook';

export interface ApplyStorefrontOrderDeps {
  inbox: WebhookInbox;
  storefronts: StorefrontRepository;
  customers: CustomerRepository;
  orders: OrderRepository;
  createCustomer: ReturnType<typeof makeCreateCustomer>;
  placeOrder: ReturnType<typeof makePlaceOrder>;
  recordPayment: ReturnType<typeof makeRecordPayment>;
  cancelOrder: ReturnType<typeof makeCancelOrder>;
}

export interface StorefrontDeliveryRef {
  storefrontId: string;
  deliveryId: string;
  orderId: string;
}

/** A payment that arrived before its order can take money: retried by the bus, not dropped. */
export class PaymentNotYetTakenError extends Error {
  override name = 'PaymentNotYetTakenError';
}

export type ApplyOutcome = 'placed' | 'updated' | 'unchanged' | 'payment-refused' | 'cancel-refused';

/**
 * Applies one kept webhook delivery to the shop order's one order. Every topic carries the whole
 * order as the shop has it now, so each is applied the same way, and the result does not depend on
 * the order in which they arrive: the order (and the buyer, a customer matched by email within the
 * storefront) is made if it does not exist yet, what the shop says was paid and is not yet recorded
 * is recorded, and a cancelled shop order is cancelled. `orders/paid` before `orders/create` makes
 * the order and records the payment; the create that follows finds both done. Each step is
 * idempotent, so a redelivery or a retry changes nothing more.
 */
export function makeApplyStorefrontOrder(deps: ApplyStorefrontOrderDeps) {
  return async (ref: StorefrontDeliveryRef): Promise<ApplyOutcome> => {
    const delivery = await deps.inbox.get(ref.storefrontId, ref.deliveryId);
    // The receiver keeps a delivery before announcing it: if it is not there, something is wrong and
    // the bus should retry (then dead-letter, visibly), not drop the order.
    if (!delivery)
      throw new Error(`webhook delivery ${ref.storefrontId}/${ref.deliveryId} is not in the inbox`);
    if (!delivery.mapping.ok) return 'unchanged';
    const storefront = await deps.storefronts.get(ref.storefrontId);
    if (!storefront) throw new Error(`storefront ${ref.storefrontId} is not there`);
    const shopOrder = delivery.mapping.order;
    const by: Actor = { kind: 'storefront', id: storefront.storefrontId };

    let outcome: ApplyOutcome = 'unchanged';
    let order = await deps.orders.get(ref.orderId);
    if (!order) {
      order = await place(deps, storefront, shopOrder, by);
      outcome = 'placed';
    }
    const paid = await recordPaid(deps, order, shopOrder, by);
    if (paid === 'refused') outcome = 'payment-refused';
    else if (paid === 'recorded' && outcome === 'unchanged') outcome = 'updated';
    if (shopOrder.cancelled && order.status !== 'CANCELLED') {
      try {
        await deps.cancelOrder(
          order.orderId,
          { reason: `cancelled in the shop${shopOrder.cancelReason ? `: ${shopOrder.cancelReason}` : ''}` },
          by,
        );
        if (outcome === 'unchanged') outcome = 'updated';
      } catch (error) {
        // Shipped or completed: too late to cancel here; the order's timeline and sales have it.
        if (!(error instanceof ConflictError)) throw error;
        outcome = 'cancel-refused';
      }
    }
    return outcome;
  };
}

async function place(
  deps: ApplyStorefrontOrderDeps,
  storefront: Storefront,
  shopOrder: StorefrontOrder,
  by: Actor,
): Promise<Order> {
  const customerId = await buyerCustomer(deps, storefront, shopOrder);
  const body: CreateOrderBody = {
    customerId,
    currency: shopOrder.currency,
    incoterm: {
      code: storefront.defaultIncoterm ?? SHOP_ORDER_INCOTERM,
      place: `${shopOrder.shippingAddress.city}, ${shopOrder.shippingAddress.country}`,
    },
    paymentTerms: storefront.defaultPaymentTerms ?? SHOP_ORDER_TERMS,
    lines: shopOrder.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
    shippingAddress: shopOrder.shippingAddress,
    ...(shopOrder.buyerPo ? { buyerPo: shopOrder.buyerPo } : {}),
    externalRef: shopOrder.externalRef,
    externalName: shopOrder.externalName,
  };
  try {
    // The shop order's key gives the order its id (storefrontOrderId): two deliveries racing to
    // place it make one order.
    return await deps.placeOrder(body, by, `shop-order:${shopOrder.externalRef}`);
  } catch (error) {
    // Placed already from another topic's copy, which differs in some detail: that one stands.
    if (!(error instanceof IdempotencyKeyReusedError)) throw error;
    const placed = await deps.orders.get(storefrontOrderId(storefront.storefrontId, shopOrder.externalRef));
    if (!placed) throw error;
    return placed;
  }
}

/** The buyer as a customer of the storefront, matched by email: one customer per email per shop. */
async function buyerCustomer(
  deps: ApplyStorefrontOrderDeps,
  storefront: Storefront,
  shopOrder: StorefrontOrder,
): Promise<string> {
  const email = shopOrder.buyer.email.toLowerCase();
  const by: Actor = { kind: 'storefront', id: storefront.storefrontId };
  const key = `buyer:${email}`;
  // The id keyedCreation gives a customer created by this storefront under this key.
  const customerId = idFor('cus', `${by.kind}:${by.id}:${key}`);
  const existing = await deps.customers.get(customerId);
  if (existing) return existing.customerId;
  const customer = await deps
    .createCustomer(
      {
        name: shopOrder.buyer.name,
        email,
        country: shopOrder.buyer.country,
        ...(shopOrder.buyer.company ? { company: shopOrder.buyer.company } : {}),
        currency: shopOrder.currency,
        paymentTerms: storefront.defaultPaymentTerms ?? SHOP_ORDER_TERMS,
      },
      by,
      key,
    )
    .catch(async (error) => {
      // Made by another delivery from a different copy of the buyer's details: that one stands.
      if (!(error instanceof IdempotencyKeyReusedError)) throw error;
      const made = await deps.customers.get(customerId);
      if (!made) throw error;
      return made;
    });
  return customer.customerId;
}

/**
 * Records what the shop says was paid and the order does not have yet from the shop, as one payment
 * per new total ("<platform>:<shop order>:paid-to:<amount>"), so a redelivery is the same payment and
 * a later, larger total adds only the difference. The shop's total also holds its shipping and tax,
 * which are not on our order: "paid" settles our order's total, and a part payment counts up to it.
 */
async function recordPaid(
  deps: ApplyStorefrontOrderDeps,
  order: Order,
  shopOrder: StorefrontOrder,
  by: Actor,
): Promise<'none' | 'recorded' | 'refused'> {
  const { status, paidAmount } = shopOrder.payment;
  if (status !== 'paid' && status !== 'partially_paid') return 'none';
  let target = order.total;
  if (status === 'partially_paid') {
    if (!paidAmount) return 'none';
    try {
      const part = parseAmount(paidAmount, order.currency);
      if (part.minor < target.minor) target = part;
    } catch (error) {
      if (error instanceof AmountFormatError) return 'refused';
      throw error;
    }
  }
  const prefix = `${shopOrder.platform}:${shopOrder.externalRef}:paid-to:`;
  const reference = `${prefix}${formatAmount(target)}`;
  const fromShop = (order.payments ?? []).filter((payment) => payment.reference.startsWith(prefix));
  if (fromShop.some((payment) => payment.reference === reference)) return 'none';
  const recorded = sum(
    order.currency,
    fromShop.map((payment) => payment.amount),
  );
  if (target.minor <= recorded.minor) return 'none';
  const difference = { currency: order.currency, minor: target.minor - recorded.minor };
  const current = (await deps.orders.get(order.orderId)) ?? order;
  if (current.status === 'RECEIVED' || current.status === 'CREDIT_HOLD') {
    // Money is taken from confirmation on; this one is being reviewed. The bus retries the delivery
    // (with backoff, for up to an hour, then dead-letters it, visibly) and it is recorded then.
    throw new PaymentNotYetTakenError(
      `order ${order.orderId} is ${current.status}: the shop's payment is recorded once it is confirmed`,
    );
  }
  try {
    await deps.recordPayment(
      order.orderId,
      { amount: formatAmount(difference), currency: order.currency, reference },
      by,
    );
    return 'recorded';
  } catch (error) {
    // Rejected or cancelled orders take no money: finance sees the shop's payment in the shop.
    if (error instanceof ConflictError || error instanceof InvalidInputError) return 'refused';
    throw error;
  }
}
