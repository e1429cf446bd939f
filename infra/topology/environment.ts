import type { FunctionSpec, Topology, WorkflowSpec } from './types';

/** Physical names and ARNs, which differ between AWS (CloudFormation tokens) and local. */
export interface ResourceNames {
  table(name: string): string;
  bucket(name: string): string;
  busName(): string;
  workflowArn(name: string): string;
}

/**
 * A function's environment: its own settings plus the name of every resource it may touch. A
 * function gets no variable for a resource it has no access to, so a missing grant shows up as a
 * config error at cold start, locally as on AWS.
 */
export function functionEnvironment(
  topology: Topology,
  spec: FunctionSpec,
  names: ResourceNames,
): Record<string, string> {
  const env: Record<string, string> = {
    POWERTOOLS_SERVICE_NAME: topology.service,
    ...spec.environment,
  };
  for (const table of Object.keys(spec.access.tables ?? {}))
    env[topology.tables[table].envVar] = names.table(table);
  for (const bucket of Object.keys(spec.access.buckets ?? {}))
    env[topology.buckets[bucket].envVar] = names.bucket(bucket);
  if (spec.access.bus) env[topology.bus.envVar] = names.busName();
  for (const workflow of Object.keys(spec.access.workflows ?? {})) {
    env[topology.workflows[workflow].envVar] = names.workflowArn(workflow);
  }
  for (const identity of spec.access.email ?? []) {
    const spec = topology.emailIdentities[identity];
    env[spec.envVar] = spec.fromAddress;
    env[`${spec.envVar}_CONFIGURATION_SET`] = spec.configurationSet;
  }
  return env;
}

/** The domain of an email identity's sender address (what SES verifies). */
export function identityDomain(fromAddress: string): string {
  return fromAddress.slice(fromAddress.indexOf('@') + 1);
}

/** Placeholders (`${Name}`) used in an ASL text. */
export function aslPlaceholders(asl: string): string[] {
  return [...new Set([...asl.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]))].sort();
}

/** What each `${Placeholder}` of a workflow's ASL stands for, given how names resolve. */
export function substitutionValues(
  workflow: WorkflowSpec,
  names: { functionArn(name: string): string; table(name: string): string; busName(): string },
): Record<string, string> {
  const value = (key: string): string => {
    const substitution = workflow.substitutions[key];
    switch (substitution.kind) {
      case 'functionArn':
        return names.functionArn(substitution.function);
      case 'tableName':
        return names.table(substitution.table);
      case 'busName':
        return names.busName();
      case 'value':
        return substitution.value;
    }
  };
  return Object.fromEntries(Object.keys(workflow.substitutions).map((key) => [key, value(key)]));
}
