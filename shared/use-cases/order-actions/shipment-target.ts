import type { Order } from '../../domain/order';
import {
  allowsPartialShipments,
  currentShipmentNo,
  defaultTransitShipmentNo,
  type ShipmentRecord,
  shipmentByNo,
} from '../../domain/shipments';
import { ConflictError } from '../../errors';

/**
 * Which shipment a staff call is about (partial shipments, shared/domain/shipments.ts). Packing and
 * booking are for the open shipment (the one being prepared); carrier updates and deliveries for a
 * shipment on its way, the open one by default. `shipmentNo` in the body names another.
 */

export type Target = { kind: 'open'; shipmentNo: number } | { kind: 'earlier'; record: ShipmentRecord };

/**
 * The open shipment, or — when the call names an earlier one — that shipment (a repeat of its packing
 * list or booking is answered as a repeat; anything else about it is a 409). A later one is a 409.
 */
export function packingOrBookingTarget(order: Order, requested: number | undefined, action: string): Target {
  const open = currentShipmentNo(order);
  if (requested === undefined || requested === open) return { kind: 'open', shipmentNo: open };
  if (requested > open) {
    throw new ConflictError(
      allowsPartialShipments(order)
        ? `shipment ${requested} does not exist yet; the ${action} is for shipment ${open}, the one being prepared`
        : `the order ships in one shipment (it does not allow partial shipments); there is no shipment ${requested}`,
      order.status,
    );
  }
  const record = shipmentByNo(order, requested);
  if (!record) throw new ConflictError(`the order has no shipment ${requested}`, order.status);
  return { kind: 'earlier', record };
}

/**
 * The shipment a carrier update or a delivery is for: the one named, else the open one once booked,
 * else the last one booked. It must exist and be booked (409 otherwise).
 */
export function transitTarget(order: Order, requested: number | undefined): ShipmentRecord {
  const shipmentNo = requested ?? defaultTransitShipmentNo(order);
  const record = shipmentByNo(order, shipmentNo);
  if (!record) {
    throw new ConflictError(
      allowsPartialShipments(order)
        ? `the order has no shipment ${shipmentNo} yet`
        : `the order ships in one shipment (it does not allow partial shipments); there is no shipment ${shipmentNo}`,
      order.status,
    );
  }
  return record;
}
