import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { type $ZodType, type output, safeParse } from 'zod/v4/core';
import { InvalidInputError } from '../errors';
import { logger } from '../observability';

/**
 * The one shape of a workflow step: Powertools, then the input checked with zod (a bad input is a
 * bug in the ASL, surfaced as InvalidInputError for Catch), then the use case. Errors propagate with
 * their class name, which ASL `Catch.ErrorEquals` and `Retry` match.
 */
export function stepHandler<S extends $ZodType, R>(schema: S, fn: (input: output<S>) => Promise<R>) {
  return middy<unknown, R>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const parsed = safeParse(schema, event);
      if (!parsed.success) throw new InvalidInputError(`step input: ${parsed.error.issues[0].message}`);
      return fn(parsed.data);
    });
}
