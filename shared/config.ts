import { type $ZodType, type output, safeParse } from 'zod/v4/core';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once, at cold start, and fails fast with every problem named: a function
 * deployed without a resource it needs should not start at all. Takes a classic or a zod/mini schema.
 */
export function loadConfig<T extends $ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): output<T> {
  const result = safeParse(schema, env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(`invalid environment: ${problems.join('; ')}`);
}
