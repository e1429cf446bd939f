import { type DynamoDBDocumentClient, paginateQuery, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DemandRow } from '../domain/product-demand';
import type { ProductDemandRepository } from '../ports/product-demand';
import { demandPk } from './crm-keys';

/** Demand rows in the customers table: `DEMAND#<sku>` / `<YYYY-MM>#<orderId>` (crm-keys.ts). */
export function makeDynamoProductDemand(
  db: DynamoDBDocumentClient,
  tableName: string,
): ProductDemandRepository {
  return {
    async record(row) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: demandPk(row.sku), sk: `${row.month}#${row.orderId}` },
          UpdateExpression:
            'SET sku = if_not_exists(sku, :sku), #month = if_not_exists(#month, :month), ' +
            'customerId = if_not_exists(customerId, :customerId), orderId = if_not_exists(orderId, :orderId), ' +
            `quantity = if_not_exists(quantity, :quantity)${row.void ? ', #void = :true' : ''}`,
          ExpressionAttributeNames: { '#month': 'month', ...(row.void ? { '#void': 'void' } : {}) },
          ExpressionAttributeValues: {
            ':sku': row.sku,
            ':month': row.month,
            ':customerId': row.customerId,
            ':orderId': row.orderId,
            ':quantity': row.quantity,
            ...(row.void ? { ':true': true } : {}),
          },
        }),
      );
    },

    async rows(sku, fromMonth, toMonth) {
      const rows: DemandRow[] = [];
      const pages = paginateQuery(
        { client: db },
        {
          TableName: tableName,
          // `~` sorts after `#`: every order of the last month is in range.
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': demandPk(sku),
            ':from': `${fromMonth}#`,
            ':to': `${toMonth}#~`,
          },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          rows.push({
            sku: item.sku as string,
            month: item.month as string,
            customerId: item.customerId as string,
            orderId: item.orderId as string,
            quantity: item.quantity as number,
            ...(item.void ? { void: true } : {}),
          });
        }
      }
      return rows;
    },
  };
}
