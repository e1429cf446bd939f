import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { KeySpec, TableSpec } from '../topology/types';
import { pascalCase } from './names';
import { tagWithTopologyName } from './tags';

const attribute = (key: KeySpec) => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/** One on-demand table per topology entry; orders and customers outlive any stack update. */
export function buildTables(scope: Construct, specs: Record<string, TableSpec>): Record<string, Table> {
  const group = new Construct(scope, 'Tables');
  const tables: Record<string, Table> = {};
  for (const spec of Object.values(specs)) {
    const table = new Table(group, pascalCase(spec.name), {
      partitionKey: attribute(spec.partitionKey),
      sortKey: spec.sortKey && attribute(spec.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: spec.timeToLiveAttribute,
    });
    for (const index of spec.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey && attribute(index.sortKey),
        ...(typeof index.projection === 'object'
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: index.projection.include }
          : { projectionType: index.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY }),
      });
    }
    tagWithTopologyName(table, 'table', spec.name);
    tables[spec.name] = table;
  }
  return tables;
}
