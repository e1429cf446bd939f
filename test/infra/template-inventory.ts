import type { Template } from 'aws-cdk-lib/assertions';
import { topologyTag } from '../../infra/aws/tags';

/**
 * What a synthesized template contains, in the topology's own terms (function names, route keys,
 * rule names), so tests can compare it with `infra/topology` — and later with the local runtime.
 */

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface RouteEntry {
  method: string;
  path: string;
  function: string;
  logicalId: string;
}

export interface RuleTargetEntry {
  function: string;
  retryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  deadLetterQueue?: string;
}

export interface RuleEntry {
  name: string;
  pattern: unknown;
  targets: RuleTargetEntry[];
  logicalId: string;
}

export interface ScheduleEntry {
  name: string;
  expression: string;
  function: string;
  input: unknown;
  logicalId: string;
}

export interface TemplateInventory {
  /** Topology name → logical id, from the `tradeflow:*` tags. */
  functions: Record<string, string>;
  tables: Record<string, string>;
  buckets: Record<string, string>;
  workflows: Record<string, string>;
  routes: RouteEntry[];
  rules: RuleEntry[];
  schedules: ScheduleEntry[];
  /** Workflow name → the keys of its DefinitionSubstitutions. */
  substitutions: Record<string, string[]>;
}

export interface PolicyStatementJson {
  Effect: string;
  Action: string[];
  Resource: unknown[];
}

export function resourcesOfType(template: Template, type: string): [string, CfnResource][] {
  const all = template.toJSON().Resources as Record<string, CfnResource>;
  return Object.entries(all).filter(([, resource]) => resource.Type === type);
}

export function resource(template: Template, logicalId: string): CfnResource {
  const found = (template.toJSON().Resources as Record<string, CfnResource>)[logicalId];
  if (!found) throw new Error(`No resource ${logicalId} in the template`);
  return found;
}

/** A resource's Properties (an empty object when it has none). */
export function propertiesOf(template: Template, logicalId: string): Record<string, unknown> {
  return resource(template, logicalId).Properties ?? {};
}

/** Logical ids a value refers to through Ref or Fn::GetAtt, anywhere inside it. */
export function referencedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  if (typeof object.Ref === 'string') return [object.Ref];
  const getAtt = object['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return [getAtt[0]];
  return Object.values(object).flatMap(referencedIds);
}

/** The one logical id a value refers to (a Ref or GetAtt). */
export function referencedId(value: unknown): string {
  const ids = [...new Set(referencedIds(value).filter((id) => !id.startsWith('AWS::')))];
  if (ids.length !== 1) throw new Error(`Expected one reference in ${JSON.stringify(value)}`);
  return ids[0];
}

function byTag(template: Template, type: string, key: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [id, cfn] of resourcesOfType(template, type)) {
    const tags = (cfn.Properties?.Tags ?? []) as { Key: string; Value: string }[];
    const tag = tags.find((candidate) => candidate.Key === key);
    if (tag) found[tag.Value] = id;
  }
  return found;
}

function routePath(template: Template, resourceId: unknown): string {
  const parts: string[] = [];
  let current = resourceId as Record<string, unknown>;
  // The root resource is `Fn::GetAtt: [RestApi, RootResourceId]`; the others are Refs with a PathPart.
  while (typeof current.Ref === 'string') {
    const properties = resource(template, current.Ref).Properties ?? {};
    parts.unshift(properties.PathPart as string);
    current = properties.ParentId as Record<string, unknown>;
  }
  return `/${parts.join('/')}`;
}

export function templateInventory(template: Template): TemplateInventory {
  const functions = byTag(template, 'AWS::Lambda::Function', topologyTag.function);
  const functionName = (value: unknown) => {
    const id = referencedId(value);
    const name = Object.keys(functions).find((candidate) => functions[candidate] === id);
    if (!name) throw new Error(`${id} is not a topology function`);
    return name;
  };
  const workflows = byTag(template, 'AWS::StepFunctions::StateMachine', topologyTag.workflow);

  const routes = resourcesOfType(template, 'AWS::ApiGateway::Method').map(([logicalId, cfn]) => {
    const properties = cfn.Properties ?? {};
    const integration = properties.Integration as { Uri: unknown };
    return {
      method: properties.HttpMethod as string,
      path: routePath(template, properties.ResourceId),
      function: functionName(integration.Uri),
      logicalId,
    };
  });

  const rules = resourcesOfType(template, 'AWS::Events::Rule').map(([logicalId, cfn]) => {
    const properties = cfn.Properties ?? {};
    const targets = (properties.Targets ?? []) as {
      Arn: unknown;
      RetryPolicy?: RuleTargetEntry['retryPolicy'];
      DeadLetterConfig?: { Arn: unknown };
    }[];
    return {
      name: properties.Name as string,
      pattern: properties.EventPattern,
      targets: targets.map((target) => ({
        function: functionName(target.Arn),
        retryPolicy: target.RetryPolicy,
        deadLetterQueue: target.DeadLetterConfig && referencedId(target.DeadLetterConfig.Arn),
      })),
      logicalId,
    };
  });

  const schedules = resourcesOfType(template, 'AWS::Scheduler::Schedule').map(([logicalId, cfn]) => {
    const properties = cfn.Properties ?? {};
    const target = properties.Target as { Arn: unknown; Input?: string };
    return {
      name: properties.Name as string,
      expression: properties.ScheduleExpression as string,
      function: functionName(target.Arn),
      input: target.Input === undefined ? undefined : JSON.parse(target.Input),
      logicalId,
    };
  });

  const substitutions: Record<string, string[]> = {};
  for (const [name, id] of Object.entries(workflows)) {
    const values = (resource(template, id).Properties?.DefinitionSubstitutions ?? {}) as Record<
      string,
      unknown
    >;
    substitutions[name] = Object.keys(values).sort();
  }

  return {
    functions,
    tables: byTag(template, 'AWS::DynamoDB::Table', topologyTag.table),
    buckets: byTag(template, 'AWS::S3::Bucket', topologyTag.bucket),
    workflows,
    routes,
    rules,
    schedules,
    substitutions,
  };
}

/** Every Allow/Deny statement of the policies attached to a role, actions and resources as arrays. */
export function roleStatements(template: Template, roleLogicalId: string): PolicyStatementJson[] {
  const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
  return resourcesOfType(template, 'AWS::IAM::Policy')
    .filter(([, cfn]) => referencedIds(cfn.Properties?.Roles).includes(roleLogicalId))
    .flatMap(([, cfn]) => {
      const document = cfn.Properties?.PolicyDocument as { Statement: Record<string, unknown>[] };
      return document.Statement.map((statement) => ({
        Effect: statement.Effect as string,
        Action: asArray(statement.Action) as string[],
        Resource: asArray(statement.Resource),
      }));
    });
}

/** The role a function runs as. */
export function functionRoleId(template: Template, functionLogicalId: string): string {
  return referencedId(resource(template, functionLogicalId).Properties?.Role);
}
