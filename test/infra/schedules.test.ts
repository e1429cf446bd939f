import { topology } from '../../infra/topology';
import { expectDeadLetterQueue } from './dead-letter-assertions';
import { synthesizeTemplate } from './stack-template';
import { referencedId, resource, templateInventory } from './template-inventory';

describe('EventBridge Scheduler schedules', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);

  it('has exactly one schedule per topology schedule', () => {
    // Assess
    expect(inventory.schedules.map((schedule) => schedule.name).sort()).toEqual(
      topology.schedules.map((schedule) => `${topology.service}-${schedule.name}`).sort(),
    );
  });

  describe.each(topology.schedules)('$name', (spec) => {
    // Act
    const schedule = inventory.schedules.find((built) => built.name === `${topology.service}-${spec.name}`);
    const properties = schedule ? (resource(template, schedule.logicalId).Properties ?? {}) : {};
    const target = properties.Target as { RetryPolicy: unknown; DeadLetterConfig: { Arn: unknown } };

    it('runs on time with the declared expression, invoking its function with its input', () => {
      // Assess
      expect(properties.ScheduleExpression).toBe(spec.expression);
      expect(properties.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      expect(properties.State).toBe('ENABLED');
      expect(schedule?.function).toBe(spec.function);
      expect(schedule?.input).toEqual(spec.input ?? {});
    });

    it('retries briefly, then parks the run in its dead-letter queue', () => {
      // Assess
      expect(target.RetryPolicy).toEqual({
        MaximumRetryAttempts: spec.retryAttempts,
        MaximumEventAgeInSeconds: spec.maximumEventAgeSeconds,
      });
      expectDeadLetterQueue(template, referencedId(target.DeadLetterConfig.Arn));
    });
  });
});
