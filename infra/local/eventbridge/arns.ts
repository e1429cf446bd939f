/** EventBridge ARNs for the local account and region, and reading a bus name out of an ARN. */
export interface Scope {
  region: string;
  accountId: string;
}

export function eventBusArn(scope: Scope, busName: string): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}:event-bus/${busName}`;
}

/** Rules on the default bus have no bus segment in their ARN; rules on other buses do. */
export function ruleArn(scope: Scope, busName: string, ruleName: string): string {
  const bus = busName === 'default' ? '' : `${busName}/`;
  return `arn:aws:events:${scope.region}:${scope.accountId}:rule/${bus}${ruleName}`;
}

/**
 * The bus a request names: absent means `default`, a name is itself, an ARN must be this account's
 * and region's. Undefined when an ARN points elsewhere or is not an event-bus ARN.
 */
export function busNameFrom(scope: Scope, nameOrArn: string | undefined): string | undefined {
  if (nameOrArn === undefined || nameOrArn === '') return 'default';
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const match = /^arn:[^:]+:events:([^:]*):([^:]*):event-bus\/(.+)$/.exec(nameOrArn);
  if (!match || match[1] !== scope.region || match[2] !== scope.accountId) return undefined;
  return match[3];
}
