import { createPurchaseOrderBody } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { idempotencyKeyOf } from '../../shared/http/idempotency';
import { purchaseOrderView } from '../../shared/http/procurement-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeCreatePurchaseOrder } from '../../shared/use-cases/procurement/create-purchase-order';
import { procurementCreationRoot } from './procurement-creation-root';

const { deps, idempotent } = procurementCreationRoot('create-purchase-order');
const createPurchaseOrder = makeCreatePurchaseOrder(deps);

/** POST /purchase-orders (procurement): an order to a supplier; its units become incoming. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const order = await createPurchaseOrder(
      parseBody(event, createPurchaseOrderBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, purchaseOrderView(order), { Location: `/purchase-orders/${order.purchaseOrderId}` });
  }),
);
