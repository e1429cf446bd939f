import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { identityDomain } from '../topology/environment';
import type { EmailIdentitySpec } from '../topology/types';
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
    const configurationSetArn = Stack.of(scope).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: spec.configurationSet,
    });
    built[spec.name] = { identity, configurationSet, configurationSetArn };
  }
  return built;
}
