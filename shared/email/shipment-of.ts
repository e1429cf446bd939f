import type { SkuQuantity } from '../domain/allocation';
import type { Order } from '../domain/order';
import { type Delivery, type ShipmentRecord, shipmentByNo } from '../domain/shipments';

/**
 * The shipment an email is about: the one the event names (an order shipped in parts: by the time the
 * email is written the order may be preparing its next shipment), else the order's one.
 */
export function shipmentOf(order: Order, shipmentNo: number | undefined): ShipmentRecord | undefined {
  if (shipmentNo === undefined) {
    return { shipmentNo: 1, shipment: order.shipment, delivery: order.delivery, packages: order.packages };
  }
  return shipmentByNo(order, shipmentNo);
}

export function bookingOf(order: Order, shipmentNo: number | undefined): ShipmentRecord['shipment'] {
  return shipmentOf(order, shipmentNo)?.shipment;
}

export function deliveryOf(order: Order, shipmentNo: number | undefined): Delivery | undefined {
  return shipmentOf(order, shipmentNo)?.delivery;
}

/** "6 × VALVE-DN50, 2 × PUMP-3KW": units as every language writes them. */
export function unitsText(units: readonly SkuQuantity[] | undefined): string {
  return (units ?? []).map(({ sku, quantity }) => `${quantity} × ${sku}`).join(', ');
}
