import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomerOwners } from '../ports/customer-owners';
import { readProfileAttributes } from './dynamodb-customer-profiles-batch';

/** The profiles' `owner` attribute (`CUSTOMER#<id>` / `PROFILE`), 100 profiles a request. */
export function makeDynamoCustomerOwners(db: DynamoDBDocumentClient, tableName: string): CustomerOwners {
  return {
    async ownersOf(customerIds) {
      const owners = new Map<string, string | undefined>(customerIds.map((id) => [id, undefined]));
      const items = await readProfileAttributes(db, tableName, customerIds, {
        expression: 'customerId, #owner',
        names: { '#owner': 'owner' },
      });
      for (const item of items) {
        if (typeof item.owner === 'string' && item.owner) owners.set(item.customerId as string, item.owner);
      }
      return owners;
    },
  };
}
