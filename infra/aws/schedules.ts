import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  type ISchedule,
  type IScheduleTarget,
  Schedule,
  ScheduleExpression,
  type ScheduleTargetConfig,
  ScheduleTargetInput,
  TimeWindow,
} from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduleSpec } from '../topology/types';
import { deadLetterQueue } from './dead-letter-queue';
import { pascalCase } from './names';

/** Invokes one function, with a role allowed to invoke that function (unqualified ARN) and nothing else. */
class InvokeFunction implements IScheduleTarget {
  constructor(
    private readonly scope: Construct,
    private readonly fn: IFunction,
    private readonly deadLetters: IQueue,
    private readonly spec: ScheduleSpec,
  ) {}

  bind(schedule: ISchedule): ScheduleTargetConfig {
    const stack = Stack.of(schedule);
    // Only schedules of this account's default group may assume it (no confused deputy).
    const sourceArn = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule-group',
      resourceName: 'default',
    });
    const role = new Role(this.scope, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': sourceArn } },
      }),
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetters.queueArn] }),
    );
    return {
      arn: this.fn.functionArn,
      role,
      // The same input locally and on AWS: `{}` when the topology declares none.
      input: ScheduleTargetInput.fromObject(this.spec.input ?? {}),
      retryPolicy: {
        maximumRetryAttempts: this.spec.retryAttempts,
        maximumEventAgeInSeconds: this.spec.maximumEventAgeSeconds,
      },
      deadLetterConfig: { arn: this.deadLetters.queueArn },
    };
  }
}

/** An EventBridge Scheduler schedule per topology entry, on time (no flexible window). */
export function buildSchedules(
  scope: Construct,
  specs: ScheduleSpec[],
  functions: Record<string, IFunction>,
  service: string,
): Schedule[] {
  const group = new Construct(scope, 'Schedules');
  return specs.map((spec) => {
    const fn = functions[spec.function];
    if (!fn) throw new Error(`Schedule ${spec.name} names unknown function ${spec.function}`);
    const construct = new Construct(group, pascalCase(spec.name));
    const deadLetters = deadLetterQueue(construct, 'DeadLetters');
    return new Schedule(construct, 'Schedule', {
      // The default schedule group is shared by the account: the service prefix keeps names apart.
      scheduleName: `${service}-${spec.name}`,
      description: spec.description,
      schedule: ScheduleExpression.expression(spec.expression),
      timeWindow: TimeWindow.off(),
      target: new InvokeFunction(construct, fn, deadLetters, spec),
    });
  });
}
