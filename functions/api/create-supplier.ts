import { createSupplierBody } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { idempotencyKeyOf } from '../../shared/http/idempotency';
import { supplierView } from '../../shared/http/procurement-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeCreateSupplier } from '../../shared/use-cases/procurement/create-supplier';
import { procurementCreationRoot } from './procurement-creation-root';

const { deps, idempotent } = procurementCreationRoot('create-supplier');
const createSupplier = makeCreateSupplier(deps);

/** POST /suppliers (procurement, admin): a supplier, its lead time, the skus it supplies. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const supplier = await createSupplier(parseBody(event, createSupplierBody), idempotencyKeyOf(event));
    return json(201, supplierView(supplier), { Location: `/suppliers/${supplier.supplierId}` });
  }),
);
