import { topology } from '../../infra/topology';
import { API_URL_ENV_VAR, CONSOLE_URL_ENV_VAR } from '../../infra/topology/environment';
import { DEPARTMENTS } from '../../shared/email/department/next-steps';
import { synthesizeTemplate } from './stack-template';
import {
  functionRoleId,
  propertiesOf,
  referencedIds,
  resourcesOfType,
  roleStatements,
  templateInventory,
} from './template-inventory';

// Prepare
const template = synthesizeTemplate();
const inventory = templateInventory(template);

describe('department subscriptions on AWS', () => {
  it('keeps subscriptions in their own table, with every attribute in its byDepartment index', () => {
    // Act
    const table = propertiesOf(template, inventory.tables.subscriptions);

    // Assess
    expect(table.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(table.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'byDepartment',
        KeySchema: [
          { AttributeName: 'department', KeyType: 'HASH' },
          { AttributeName: 'subscriptionId', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });

  it.each(DEPARTMENTS)(
    'notify-%s reads the subscriptions (and their index) but never writes them, and links to the console',
    (department) => {
      // Prepare
      const fn = inventory.functions[`notify-${department}`];
      const statements = roleStatements(template, functionRoleId(template, fn));

      // Act
      const onSubscriptions = statements.filter((s) =>
        referencedIds(s.Resource).includes(inventory.tables.subscriptions),
      );
      const variables = (propertiesOf(template, fn).Environment as { Variables: Record<string, unknown> })
        .Variables;

      // Assess
      const actions = onSubscriptions.flatMap((s) => s.Action);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      expect(actions.filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
      expect(JSON.stringify(onSubscriptions.flatMap((s) => s.Resource))).toContain('/index/*');
      // The console's address: CloudFront's domain, from the console's hosting stack (not the API's)
      expect(variables[API_URL_ENV_VAR]).toBeUndefined();
      const [[distributionId]] = resourcesOfType(template, 'AWS::CloudFront::Distribution');
      expect(referencedIds(variables[CONSOLE_URL_ENV_VAR])).toContain(distributionId);
    },
  );

  it('gives the subscription API functions the subscriptions table only (and idempotency keys to POST)', () => {
    // Assess
    for (const name of Object.keys(topology.functions).filter((n) => /-subscriptions?$/.test(n))) {
      const tables = Object.keys(topology.functions[name].access.tables ?? {}).sort();
      expect({ name, tables }).toEqual({
        name,
        tables: name === 'create-subscription' ? ['idempotency', 'subscriptions'] : ['subscriptions'],
      });
    }
  });
});
