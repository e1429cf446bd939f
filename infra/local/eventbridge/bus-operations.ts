import { busNameFrom, eventBusArn, ruleArn, type Scope } from './arns';
import { AwsJsonError, validationError } from './json-protocol';

/**
 * The read-only bus and rule operations, answered minimally from the topology: ListRules,
 * ListTargetsByRule, DescribeEventBus and ListEventBuses (an unknown bus or rule is a
 * ResourceNotFoundException, as on AWS). Targets are the local functions, by their Lambda ARN.
 */
export interface BusCatalog {
  scope: Scope;
  buses: ReadonlySet<string>;
  rules: readonly {
    name: string;
    eventBusName: string;
    pattern: Record<string, unknown>;
    targets: readonly { id: string; retryAttempts: number; maximumEventAgeSeconds: number }[];
  }[];
}

/** The existing bus a request names (name or ARN; absent is `default`), or undefined. */
export function resolveBus(catalog: BusCatalog, nameOrArn: string | undefined): string | undefined {
  const name = busNameFrom(catalog.scope, nameOrArn);
  return name !== undefined && catalog.buses.has(name) ? name : undefined;
}

type Operation = (body: Record<string, unknown>) => unknown;

export function busOperations(
  catalog: BusCatalog,
): Record<'ListRules' | 'ListTargetsByRule' | 'DescribeEventBus' | 'ListEventBuses', Operation> {
  const { scope } = catalog;
  const existingBus = (nameOrArn: unknown): string => {
    const reference = typeof nameOrArn === 'string' ? nameOrArn : undefined;
    const name = resolveBus(catalog, reference);
    if (!name) throw new AwsJsonError('ResourceNotFoundException', `Event bus ${reference} does not exist.`);
    return name;
  };
  const prefixOf = (body: Record<string, unknown>) =>
    typeof body.NamePrefix === 'string' ? body.NamePrefix : '';

  return {
    ListRules: (body) => {
      const busName = existingBus(body.EventBusName);
      const prefix = prefixOf(body);
      const matching = catalog.rules.filter(
        (rule) => rule.eventBusName === busName && rule.name.startsWith(prefix),
      );
      const { page, NextToken } = paginate(matching, body);
      const Rules = page.map((rule) => ({
        Name: rule.name,
        Arn: ruleArn(scope, busName, rule.name),
        EventPattern: JSON.stringify(rule.pattern),
        State: 'ENABLED',
        EventBusName: busName,
      }));
      return { Rules, NextToken };
    },
    ListTargetsByRule: (body) => {
      const busName = existingBus(body.EventBusName);
      const rule = catalog.rules.find(
        (candidate) => candidate.eventBusName === busName && candidate.name === body.Rule,
      );
      if (!rule)
        throw new AwsJsonError(
          'ResourceNotFoundException',
          `Rule ${String(body.Rule)} does not exist on EventBus ${busName}.`,
        );
      const { page, NextToken } = paginate([...rule.targets], body);
      const Targets = page.map((target) => ({
        Id: target.id,
        Arn: `arn:aws:lambda:${scope.region}:${scope.accountId}:function:${target.id}`,
        RetryPolicy: {
          MaximumRetryAttempts: target.retryAttempts,
          MaximumEventAgeInSeconds: target.maximumEventAgeSeconds,
        },
      }));
      return { Targets, NextToken };
    },
    DescribeEventBus: (body) => {
      const name = existingBus(body.Name);
      return { Name: name, Arn: eventBusArn(scope, name) };
    },
    ListEventBuses: (body) => {
      const prefix = prefixOf(body);
      const names = [...catalog.buses].filter((name) => name.startsWith(prefix));
      const { page, NextToken } = paginate(names, body);
      return { EventBuses: page.map((name) => ({ Name: name, Arn: eventBusArn(scope, name) })), NextToken };
    },
  };
}

// Limit 1–100 as on AWS; the NextToken is simply the offset of the next page.
function paginate<T>(items: readonly T[], body: Record<string, unknown>): { page: T[]; NextToken?: string } {
  const limit = body.Limit === undefined ? 100 : body.Limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validationError(
      `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  }
  const start = typeof body.NextToken === 'string' ? Number.parseInt(body.NextToken, 10) || 0 : 0;
  const page = items.slice(start, start + limit);
  return { page, NextToken: start + limit < items.length ? String(start + limit) : undefined };
}
