import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { customerPk } from './crm-keys';

/** BatchGetItem's limit of keys a request. */
const BATCH = 100;

/**
 * Some attributes of many customer profiles (`CUSTOMER#<id>` / `PROFILE`), 100 profiles a request;
 * an id with no profile gives no item. Each id is asked once: BatchGetItem refuses a request that
 * names a key twice.
 */
export async function readProfileAttributes(
  db: DynamoDBDocumentClient,
  tableName: string,
  customerIds: readonly string[],
  projection: { expression: string; names: Record<string, string> },
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const unique = [...new Set(customerIds)];
  for (let i = 0; i < unique.length; i += BATCH) {
    let keys: Record<string, unknown>[] | undefined = unique
      .slice(i, i + BATCH)
      .map((id) => ({ pk: customerPk(id), sk: 'PROFILE' }));
    // Unprocessed keys (throttling) are asked again until none is left.
    for (let round = 0; keys?.length; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(round, 6)));
      const result: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: keys,
              ProjectionExpression: projection.expression,
              ExpressionAttributeNames: projection.names,
            },
          },
        }),
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      keys = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return items;
}
