import { topology } from '../../infra/topology';
import { synthesizeTemplate } from './stack-template';
import {
  functionRoleId,
  propertiesOf,
  referencedId,
  referencedIds,
  resourcesOfType,
  roleStatements,
  templateInventory,
} from './template-inventory';

/** Bounces and complaints: the configuration set's event destination and the rule that takes them. */
describe('SES feedback: bounces and complaints of buyer emails', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);
  const buyerMail = topology.emailIdentities.buyerMail;
  const rule = topology.rules.find((candidate) => candidate.name === 'buyer-email-feedback');

  it('publishes the buyer mail configuration set’s bounces and complaints to the default bus', () => {
    // Act
    const destinations = resourcesOfType(template, 'AWS::SES::ConfigurationSetEventDestination');
    const [[configurationSetId]] = resourcesOfType(template, 'AWS::SES::ConfigurationSet').filter(
      ([, cfn]) => cfn.Properties?.Name === buyerMail.configurationSet,
    );

    // Assess
    expect(buyerMail.feedback?.events).toEqual(['BOUNCE', 'COMPLAINT']);
    expect(destinations).toHaveLength(1);
    const [, destination] = destinations[0];
    expect(destination.Properties?.ConfigurationSetName).toEqual({ Ref: configurationSetId });
    expect(destination.Properties?.EventDestination).toMatchObject({
      Enabled: true,
      MatchingEventTypes: ['bounce', 'complaint'],
      EventBridgeDestination: {
        EventBusArn: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':events:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':event-bus/default',
            ],
          ],
        },
      },
    });
  });

  it('routes them with a rule on the default bus, to handle-email-feedback, with retries and a dead-letter queue', () => {
    // Act
    const built = inventory.rules.find((candidate) => candidate.name === 'buyer-email-feedback');

    // Assess
    expect(rule?.bus).toBe('default');
    expect(built).toBeDefined();
    // The account's default bus, where SES puts its events.
    expect(propertiesOf(template, built!.logicalId).EventBusName).toBe('default');
    expect(built!.pattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: {
        mail: {
          tags: {
            'ses:configuration-set': [buyerMail.configurationSet],
            customerId: [{ exists: true }],
          },
        },
      },
    });
    expect(built!.targets).toEqual([
      {
        function: 'handle-email-feedback',
        retryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 3600 },
        deadLetterQueue: expect.any(String),
      },
    ]);
  });

  it('keeps every other rule on the tradeflow bus', () => {
    // Act
    const [[busId]] = resourcesOfType(template, 'AWS::Events::EventBus');
    const others = inventory.rules.filter((candidate) => candidate.name !== 'buyer-email-feedback');

    // Assess
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) {
      expect(referencedId(propertiesOf(template, other.logicalId).EventBusName)).toBe(busId);
    }
  });

  it('gives handle-email-feedback only the customers table and PutEvents on the tradeflow bus', () => {
    // Act
    const statements = roleStatements(
      template,
      functionRoleId(template, inventory.functions['handle-email-feedback']),
    );
    const [[busId]] = resourcesOfType(template, 'AWS::Events::EventBus');
    const of = (prefix: string) =>
      statements.filter((statement) => statement.Action.some((action) => action.startsWith(prefix)));

    // Assess
    const dynamodb = of('dynamodb:');
    expect(dynamodb.length).toBeGreaterThan(0);
    for (const statement of dynamodb) {
      expect(new Set(referencedIds(statement.Resource))).toEqual(new Set([inventory.tables.customers]));
    }
    const events = of('events:');
    expect(events.flatMap((statement) => statement.Action)).toEqual(['events:PutEvents']);
    expect(referencedIds(events[0].Resource)).toEqual([busId]);
    // It sends no email, starts no workflow, reads no order and touches no bucket.
    expect(
      statements.flatMap((statement) => statement.Action).filter((a) => /^(ses|states|s3):/.test(a)),
    ).toEqual([]);
    expect(referencedIds(dynamodb.flatMap((statement) => statement.Resource))).not.toContain(
      inventory.tables.orders,
    );
  });

  it('lets notify-buyer read suppressions and write the communication history (customers, read/write)', () => {
    // Act
    const statements = roleStatements(
      template,
      functionRoleId(template, inventory.functions['notify-buyer']),
    );
    const onCustomers = statements.filter((statement) =>
      referencedIds(statement.Resource).includes(inventory.tables.customers),
    );

    // Assess
    expect(onCustomers.flatMap((statement) => statement.Action)).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
    );
  });
});
