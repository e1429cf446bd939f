import { toEventPattern } from '../../infra/aws/events';
import { topology } from '../../infra/topology';
import { expectDeadLetterQueue } from './dead-letter-assertions';
import { synthesizeTemplate } from './stack-template';
import { resource, resourcesOfType, templateInventory } from './template-inventory';

describe('EventBridge bus and rules', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);

  it('has one custom bus, named as declared', () => {
    // Assess
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Events::EventBus', { Name: topology.bus.name });
  });

  it('has exactly one rule per topology rule, on the custom bus (or the default bus, where it says so)', () => {
    // Act
    const [[busId]] = resourcesOfType(template, 'AWS::Events::EventBus');
    // Assess
    expect(inventory.rules.map((rule) => rule.name).sort()).toEqual(
      topology.rules.map((rule) => rule.name).sort(),
    );
    for (const rule of inventory.rules) {
      const declared = topology.rules.find((spec) => spec.name === rule.name);
      expect(resource(template, rule.logicalId).Properties?.EventBusName).toEqual(
        declared?.bus === 'default' ? 'default' : { Ref: busId },
      );
    }
  });

  describe.each(topology.rules)('$name', (spec) => {
    // Act
    const rule = inventory.rules.find((candidate) => candidate.name === spec.name);

    it('matches with the declared pattern, verbatim', () => {
      // Assess
      expect(rule?.pattern).toEqual(spec.pattern);
    });

    it('targets the declared functions with their retry policy and a dead-letter queue each', () => {
      // Assess
      expect(rule?.targets.map((target) => target.function)).toEqual(
        spec.targets.map((target) => target.function),
      );
      const queues = new Set<string>();
      for (const [index, target] of spec.targets.entries()) {
        const built = rule?.targets[index];
        expect(built?.retryPolicy).toEqual({
          MaximumRetryAttempts: target.retryAttempts,
          MaximumEventAgeInSeconds: target.maximumEventAgeSeconds,
        });
        expect(built?.deadLetterQueue).toBeDefined();
        queues.add(built?.deadLetterQueue ?? '');
      }
      expect(queues.size).toBe(spec.targets.length);
    });

    it('lets EventBridge invoke each target from this rule only', () => {
      // Assess
      for (const target of spec.targets) {
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          Principal: 'events.amazonaws.com',
          FunctionName: { 'Fn::GetAtt': [inventory.functions[target.function], 'Arn'] },
          SourceArn: { 'Fn::GetAtt': [rule?.logicalId, 'Arn'] },
        });
      }
    });
  });

  it('keeps dead letters 14 days, encrypted, TLS only', () => {
    // Act
    const queues = inventory.rules.flatMap((rule) =>
      rule.targets.map((target) => target.deadLetterQueue ?? ''),
    );
    // Assess
    for (const id of queues) expectDeadLetterQueue(template, id);
  });
});

describe('toEventPattern', () => {
  it('maps every top-level key of a pattern to the CDK field that renders it back', () => {
    // Act
    const pattern = toEventPattern({ source: ['a'], 'detail-type': ['B'], detail: { x: [{ prefix: 'y' }] } });
    // Assess
    expect(pattern).toEqual({ source: ['a'], detailType: ['B'], detail: { x: [{ prefix: 'y' }] } });
  });

  it('leaves $or to the template override and refuses any other unknown key', () => {
    // Act / Assess
    expect(toEventPattern({ source: ['a'], $or: [] })).toEqual({ source: ['a'] });
    expect(() => toEventPattern({ source: ['a'], colour: ['red'] })).toThrow('colour');
  });
});
