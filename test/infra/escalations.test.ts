import { synthesizeTemplate } from './stack-template';

/** The escalation sweep's schedule, the sparse open-waits index and the settings table, as deployed. */
describe('escalations on AWS', () => {
  // Prepare
  const template = synthesizeTemplate();

  it('runs the escalate sweep every 15 minutes', () => {
    // Assess
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'tradeflow-escalate',
      ScheduleExpression: 'rate(15 minutes)',
    });
  });

  it('keeps open waits in a KEYS_ONLY index of the orders table keyed by shard and due time', () => {
    // Assess
    const tables = template.findResources('AWS::DynamoDB::Table');
    const indexes = Object.values(tables).flatMap(
      (table) => (table.Properties?.GlobalSecondaryIndexes ?? []) as Record<string, unknown>[],
    );
    expect(indexes).toContainEqual(
      expect.objectContaining({
        IndexName: 'byOpenWaitDue',
        KeySchema: [
          { AttributeName: 'openWaitShard', KeyType: 'HASH' },
          { AttributeName: 'openWaitDueAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      }),
    );
  });
});
