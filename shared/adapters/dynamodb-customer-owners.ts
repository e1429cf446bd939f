import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { CustomerOwners } from '../ports/customer-owners';
import { customerPk } from './crm-keys';

const BATCH = 100;

/** The profiles' `owner` attribute (`CUSTOMER#<id>` / `PROFILE`), 100 profiles a request. */
export function makeDynamoCustomerOwners(db: DynamoDBDocumentClient, tableName: string): CustomerOwners {
  return {
    async ownersOf(customerIds) {
      const owners = new Map<string, string | undefined>(customerIds.map((id) => [id, undefined]));
      for (let i = 0; i < customerIds.length; i += BATCH) {
        let keys: Record<string, unknown>[] | undefined = customerIds
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
                  ProjectionExpression: 'customerId, #owner',
                  ExpressionAttributeNames: { '#owner': 'owner' },
                },
              },
            }),
          );
          for (const item of result.Responses?.[tableName] ?? []) {
            if (typeof item.owner === 'string' && item.owner)
              owners.set(item.customerId as string, item.owner);
          }
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return owners;
    },
  };
}
