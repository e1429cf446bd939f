import { topology } from '../../infra/topology';
import type { KeySpec } from '../../infra/topology/types';
import { synthesizeTemplate } from './stack-template';
import { resource, templateInventory } from './template-inventory';

const keySchema = (partitionKey: KeySpec, sortKey?: KeySpec) => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' }] : []),
];

describe('DynamoDB tables', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);

  it('has exactly one table per topology table', () => {
    // Assess
    expect(Object.keys(inventory.tables).sort()).toEqual(Object.keys(topology.tables).sort());
    template.resourceCountIs('AWS::DynamoDB::Table', Object.keys(topology.tables).length);
  });

  describe.each(Object.values(topology.tables))('$name', (spec) => {
    // Act
    const table = resource(template, inventory.tables[spec.name]);
    const properties = table.Properties ?? {};

    it('is on-demand, with point-in-time recovery and AWS-managed encryption', () => {
      // Assess
      expect(properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      // SSEEnabled without a key: the AWS-managed key aws/dynamodb.
      expect(properties.SSESpecification).toEqual({ SSEEnabled: true });
    });

    it('is retained and protected from deletion', () => {
      // Assess
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(properties.DeletionProtectionEnabled).toBe(true);
    });

    it('has the declared keys and indexes', () => {
      // Assess
      expect(properties.KeySchema).toEqual(keySchema(spec.partitionKey, spec.sortKey));
      const indexes = spec.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection:
          typeof index.projection === 'object'
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: index.projection.include }
            : { ProjectionType: index.projection },
      }));
      expect(properties.GlobalSecondaryIndexes).toEqual(indexes.length > 0 ? indexes : undefined);
      const declared = [
        spec.partitionKey,
        spec.sortKey,
        ...spec.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
      ]
        .filter((key): key is KeySpec => key !== undefined)
        .map((key) => ({ AttributeName: key.name, AttributeType: key.type }));
      const unique = [...new Map(declared.map((key) => [key.AttributeName, key])).values()];
      expect(properties.AttributeDefinitions).toEqual(expect.arrayContaining(unique));
      expect(properties.AttributeDefinitions).toHaveLength(unique.length);
    });
  });
});
