import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CompanyDetails, DEFAULT_COMPANY_DETAILS } from '../documents/company-details';
import type { CompanyDetailsStore } from '../ports/company-details';
import { makeDynamoSettingsItem } from './dynamodb-settings-item';

/** The company details: one item (pk `COMPANY`) of the settings table, written whole with a version condition. */
export function makeDynamoCompanyDetails(db: DynamoDBDocumentClient, tableName: string): CompanyDetailsStore {
  // Not filled from the defaults: a placeholder bank account must never appear beside real details.
  return makeDynamoSettingsItem<CompanyDetails>(db, tableName, {
    pk: 'COMPANY',
    name: 'the company details',
    defaults: DEFAULT_COMPANY_DETAILS,
  });
}
