import { Duration } from 'aws-cdk-lib';
import { type CfnRule, EventBus, type EventPattern, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { EventBusSpec, EventRuleSpec, EventPattern as PatternJson } from '../topology/types';
import { deadLetterQueue } from './dead-letter-queue';
import { defaultBus } from './email';
import { pascalCase } from './names';

/** The custom bus every tradeflow event goes through. */
export function buildBus(scope: Construct, spec: EventBusSpec): EventBus {
  return new EventBus(scope, 'Bus', { eventBusName: spec.name });
}

/** Top-level keys of an event pattern and the CDK property each one maps to. */
const patternFields: Record<string, keyof EventPattern> = {
  version: 'version',
  id: 'id',
  'detail-type': 'detailType',
  source: 'source',
  account: 'account',
  time: 'time',
  region: 'region',
  resources: 'resources',
  detail: 'detail',
};

/**
 * The topology's JSON pattern as a CDK EventPattern, which renders back to the same JSON. Keys CDK
 * has no field for (`$or`) are left out here; the rule's JSON pattern is set whole on the template.
 */
export function toEventPattern(pattern: PatternJson): EventPattern {
  const mapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pattern)) {
    const field = patternFields[key];
    if (field) mapped[field] = value;
    else if (key !== '$or') throw new Error(`Event pattern key "${key}" has no CDK EventPattern field`);
  }
  return mapped as EventPattern;
}

export interface RuleDependencies {
  bus: EventBus;
  functions: Record<string, IFunction>;
}

/** A rule per topology entry; every target retries as declared, then parks the event in its own DLQ. */
export function buildRules(scope: Construct, specs: EventRuleSpec[], deps: RuleDependencies): Rule[] {
  const group = new Construct(scope, 'Rules');
  return specs.map((spec) => {
    const id = pascalCase(spec.name);
    const rule = new Rule(group, id, {
      // `default`: where AWS services put their events (SES' bounces and complaints).
      eventBus: spec.bus === 'default' ? defaultBus(scope) : deps.bus,
      ruleName: spec.name,
      description: spec.description,
      eventPattern: toEventPattern(spec.pattern),
    });
    // The pattern exactly as the topology (and the local matcher) has it, `$or` included.
    (rule.node.defaultChild as CfnRule).addPropertyOverride('EventPattern', spec.pattern);
    for (const target of spec.targets) {
      const fn = deps.functions[target.function];
      if (!fn) throw new Error(`Rule ${spec.name} targets unknown function ${target.function}`);
      rule.addTarget(
        new LambdaFunction(fn, {
          retryAttempts: target.retryAttempts,
          maxEventAge: Duration.seconds(target.maximumEventAgeSeconds),
          deadLetterQueue: deadLetterQueue(group, `${id}${pascalCase(target.function)}DeadLetters`),
        }),
      );
    }
    return rule;
  });
}
