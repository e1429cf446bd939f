import type { $ZodType } from 'zod/v4/core';
import { paymentTerms } from '../../shared/contracts/common';
import { customerResponse } from '../../shared/contracts/customer-responses';
import { errorResponse } from '../../shared/contracts/error-responses';
import { productResponse, receiptResponse, stockResponse } from '../../shared/contracts/inventory-responses';
import {
  createdOrderResponse,
  orderPageResponse,
  orderResponse,
  orderSummaryResponse,
} from '../../shared/contracts/order-responses';
import * as z from '../../shared/zod-mini';

/**
 * JSON Schemas (draft 2020-12, OpenAPI 3.1's dialect) from zod, for the OpenAPI document. Schemas
 * named here become `components/schemas` and are `$ref`erenced wherever they occur, nested too
 * (PaymentTerms in customers, orders and the order view); request bodies are named per operation.
 */

type JsonSchema = Record<string, unknown>;

const COMPONENTS_PATH = '#/components/schemas/';

/** Shared shapes, by the name they get in the document. */
const NAMED: [string, $ZodType][] = [
  ['Error', errorResponse],
  ['PaymentTerms', paymentTerms],
  ['Customer', customerResponse],
  ['Order', orderResponse],
  ['CreatedOrder', createdOrderResponse],
  ['OrderSummary', orderSummaryResponse],
  ['OrderPage', orderPageResponse],
  ['Product', productResponse],
  ['Stock', stockResponse],
  ['StockReceipt', receiptResponse],
];

export const ERROR_SCHEMA_REF = { $ref: `${COMPONENTS_PATH}Error` };

/** Collects the schemas the document uses, then converts them all at once with cross-references. */
export class ComponentSchemas {
  private readonly names = new Map<$ZodType, string>(NAMED.map(([name, schema]) => [schema, name]));

  /** A `$ref` to the schema, named `fallbackName` unless it has a shared name already. */
  ref(schema: $ZodType, fallbackName: string): { $ref: string } {
    let name = this.names.get(schema);
    if (!name) {
      name = fallbackName;
      if ([...this.names.values()].includes(name)) throw new Error(`Two schemas are named ${name}`);
      this.names.set(schema, name);
    }
    return { $ref: `${COMPONENTS_PATH}${name}` };
  }

  /** `components/schemas`: every schema referenced so far and the shared ones. */
  toJson(): Record<string, JsonSchema> {
    const registry = z.registry<{ id: string }>();
    for (const [schema, id] of this.names) registry.add(schema, { id });
    const { schemas } = z.toJSONSchema(registry, {
      target: 'draft-2020-12',
      // What a client sends and what a view produces (the views' schemas have no transforms).
      io: 'input',
      uri: (id) => `${COMPONENTS_PATH}${id}`,
    });
    return Object.fromEntries(
      Object.entries(schemas).map(([id, schema]) => [id, withoutIdentity(schema as JsonSchema)]),
    );
  }
}

/** A schema written out where it is used (path and query parameters). */
export function inlineSchema(schema: $ZodType): JsonSchema {
  return withoutIdentity(
    z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', reused: 'inline' }) as JsonSchema,
  );
}

/** `$schema` and `$id` say nothing inside an OpenAPI 3.1 document (its dialect is 2020-12). */
function withoutIdentity(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}
