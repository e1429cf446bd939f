import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Stock } from '../domain/inventory';
import { normalizedStock } from '../domain/stock-levels';
import { BELOW_RANK_PREFIX, stockRank } from '../domain/stock-overview';
import type { StockOverview } from '../ports/stock-overview';
import { decodeToken, encodeToken, InvalidPageTokenError } from './page-token';

/**
 * The stock overview from the inventory table's sparse index `stockOverview`: only the stock items
 * (sk `STOCK`) carry its keys, `stockList` (always `STOCK`: one partition of one item per sku) and
 * `stockRank` (`BELOW#<sku>` or `OK#<sku>`), which dynamodb-inventory.ts writes with every change of
 * the item. So the list is a Query, and the "below reorder point" filter a `begins_with` on the
 * sort key, not a scan and not a filter that leaves pages empty.
 */
export const STOCK_OVERVIEW_INDEX = {
  name: 'stockOverview',
  partitionKey: 'stockList',
  sortKey: 'stockRank',
} as const;
const STOCK_LIST = 'STOCK';

/** The index's attributes of a stock item, written with it (in the same PutItem). */
export function stockOverviewAttributes(stock: Stock): { stockList: string; stockRank: string } {
  return { stockList: STOCK_LIST, stockRank: stockRank(stock) };
}

export function makeDynamoStockOverview(db: DynamoDBDocumentClient, tableName: string): StockOverview {
  return {
    async listStock(query) {
      const { partitionKey, sortKey } = STOCK_OVERVIEW_INDEX;
      const start = decodeToken(query.nextToken, ['pk', 'sk', partitionKey, sortKey]);
      // A token from outside the asked range (the unfiltered list's, for the filtered one) would fail in DynamoDB.
      if (
        start &&
        (start[partitionKey] !== STOCK_LIST ||
          (query.belowReorderPoint && !String(start[sortKey]).startsWith(BELOW_RANK_PREFIX)))
      )
        throw new InvalidPageTokenError();
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: STOCK_OVERVIEW_INDEX.name,
          KeyConditionExpression: query.belowReorderPoint
            ? '#list = :list AND begins_with(#rank, :below)'
            : '#list = :list',
          ExpressionAttributeNames: {
            '#list': partitionKey,
            ...(query.belowReorderPoint ? { '#rank': sortKey } : {}),
          },
          ExpressionAttributeValues: {
            ':list': STOCK_LIST,
            ...(query.belowReorderPoint ? { ':below': BELOW_RANK_PREFIX } : {}),
          },
          Limit: query.limit,
          ExclusiveStartKey: start,
        }),
      );
      return {
        items: (result.Items ?? []).map(toStock),
        ...(result.LastEvaluatedKey ? { nextToken: encodeToken(result.LastEvaluatedKey) } : {}),
      };
    },
  };
}

function toStock(item: Record<string, unknown>): Stock {
  const { pk: _pk, sk: _sk, stockList: _l, stockRank: _r, outbox: _o, applied: _a, ...rest } = item;
  return normalizedStock(rest as unknown as Stock, String(rest.sku));
}
