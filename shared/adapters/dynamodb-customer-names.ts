import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CustomerName, CustomerNames } from '../ports/customer-names';
import { readProfileAttributes } from './dynamodb-customer-profiles-batch';

/** The profiles' `name` and `company` (`CUSTOMER#<id>` / `PROFILE`), 100 profiles a request. */
export function makeDynamoCustomerNames(db: DynamoDBDocumentClient, tableName: string): CustomerNames {
  return {
    async namesOf(customerIds) {
      const names = new Map<string, CustomerName>();
      const items = await readProfileAttributes(db, tableName, customerIds, {
        expression: 'customerId, #name, company',
        names: { '#name': 'name' },
      });
      for (const item of items) {
        names.set(item.customerId as string, {
          ...(typeof item.name === 'string' ? { name: item.name } : {}),
          ...(typeof item.company === 'string' ? { company: item.company } : {}),
        });
      }
      return names;
    },
  };
}
