import type { FunctionSpec, Topology, WorkflowSpec } from './types';

/** Physical names and ARNs, which differ between AWS (CloudFormation tokens) and local. */
export interface ResourceNames {
  table(name: string): string;
  bucket(name: string): string;
  busName(): string;
  workflowArn(name: string): string;
  staffSignIn(): StaffSignInNames;
  /** The API's base URL (with its stage on AWS); where absent, functions link to no page. */
  apiUrl?(): string;
  /** The staff console's address (with its trailing slash). */
  consoleUrl?(): string;
}

/** Where staff tokens come from: Cognito's keys are fetched by https; local ones are given (`jwks`). */
export interface StaffSignInNames {
  userPoolId: string;
  clientId: string;
  /** The value of the API key every staff member is metered under. */
  usageKey: string;
  /** The JWKS as JSON, when the issuer's keys cannot be fetched (locally: no https). */
  jwks?: string;
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
  for (const plan of spec.access.usagePlanKeys ?? []) {
    env[usagePlanEnvVar(plan)] = usagePlanName(topology, plan);
  }
  if (spec.access.apiUrl && names.apiUrl) env[API_URL_ENV_VAR] = names.apiUrl();
  if (spec.access.consoleUrl && names.consoleUrl) env[CONSOLE_URL_ENV_VAR] = names.consoleUrl();
  if (spec.access.staffSignIn) {
    const signIn = names.staffSignIn();
    const vars = topology.staffSignIn.envVars;
    env[vars.userPoolId] = signIn.userPoolId;
    env[vars.clientId] = signIn.clientId;
    env[vars.usageKey] = signIn.usageKey;
    if (signIn.jwks !== undefined) env[vars.jwks] = signIn.jwks;
  }
  return env;
}

/** The variable that carries the API's base URL to a function with `access.apiUrl`. */
export const API_URL_ENV_VAR = 'API_BASE_URL';

/** The variable that carries the staff console's address to a function with `access.consoleUrl`. */
export const CONSOLE_URL_ENV_VAR = 'CONSOLE_URL';

/** The variable that carries a usage plan's name to a function that adds keys to it. */
export const usagePlanEnvVar = (plan: string) => `${plan.toUpperCase()}_USAGE_PLAN`;

/** A usage plan's name in API Gateway (infra/aws/api-policies.ts names it so; locally the same). */
export const usagePlanName = (topology: Topology, plan: string) => `${topology.api.name}-${plan}`;

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
