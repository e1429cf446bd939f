import { Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { identityDomain } from '../topology/environment';
import type { EmailIdentitySpec, SesFeedbackEvent } from '../topology/types';
import { pascalCase } from './names';

export interface BuiltEmailIdentity {
  identity: EmailIdentity;
  configurationSet: ConfigurationSet;
  /** ConfigurationSet has no ARN attribute; SES authorizes SendEmail against it too. */
  configurationSetArn: string;
}

/** A verified domain identity and a configuration set per sender the topology declares. */
export function buildEmailIdentities(
  scope: Construct,
  specs: Record<string, EmailIdentitySpec>,
): Record<string, BuiltEmailIdentity> {
  const group = new Construct(scope, 'Email');
  const built: Record<string, BuiltEmailIdentity> = {};
  for (const spec of Object.values(specs)) {
    const id = pascalCase(spec.name);
    const configurationSet = new ConfigurationSet(group, `${id}ConfigurationSet`, {
      configurationSetName: spec.configurationSet,
    });
    const identity = new EmailIdentity(group, `${id}Identity`, {
      identity: Identity.domain(identityDomain(spec.fromAddress)),
      configurationSet,
    });
    if (spec.feedback) {
      // SES publishes to the default bus only; the rule that takes these lives there (events.ts).
      configurationSet.addEventDestination('Feedback', {
        destination: EventDestination.eventBus(defaultBus(group)),
        events: spec.feedback.events.map((event) => SES_EVENTS[event]),
      });
    }
    const configurationSetArn = Stack.of(scope).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: spec.configurationSet,
    });
    built[spec.name] = { identity, configurationSet, configurationSetArn };
  }
  return built;
}

const SES_EVENTS: Record<SesFeedbackEvent, EmailSendingEvent> = {
  BOUNCE: EmailSendingEvent.BOUNCE,
  COMPLAINT: EmailSendingEvent.COMPLAINT,
  DELIVERY_DELAY: EmailSendingEvent.DELIVERY_DELAY,
};

/** The account's default event bus, where AWS services (SES' event destinations) put their events. */
export function defaultBus(scope: Construct) {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('DefaultEventBus');
  return (
    (existing as ReturnType<typeof EventBus.fromEventBusName> | undefined) ??
    EventBus.fromEventBusName(stack, 'DefaultEventBus', 'default')
  );
}
