/**
 * Evaluates an authorizer's IAM policy for one execute-api method ARN the way API Gateway does: an
 * explicit Deny wins, else some Allow must match; `*` and `?` are wildcards in Resource.
 */
export interface PolicyDocument {
  Statement?: { Effect?: string; Action?: string | string[]; Resource?: string | string[] }[];
}

export function policyAllows(policy: PolicyDocument | undefined, methodArn: string): boolean {
  const statements = (policy?.Statement ?? []).filter((statement) =>
    asList(statement.Action).some(
      (action) => action === '*' || action === 'execute-api:*' || action === 'execute-api:Invoke',
    ),
  );
  const matches = (statement: (typeof statements)[number]) =>
    asList(statement.Resource).some((resource) => wildcard(resource, methodArn));
  if (statements.some((statement) => statement.Effect === 'Deny' && matches(statement))) return false;
  return statements.some((statement) => statement.Effect === 'Allow' && matches(statement));
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function wildcard(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}
