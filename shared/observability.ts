import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Powertools at module scope, once per function instance. Log lines carry ids and codes only — never
 * names, emails or addresses (no personal data in logs).
 *
 * No Powertools Tracer: it loads the X-Ray SDK (aws-xray-sdk-core, with cls-hooked's async hooks on
 * every promise), a third of a function's own load time at cold start. Traces come from Lambda's
 * active tracing (`Tracing.ACTIVE` in infra/aws/functions.ts): a segment per invocation, with its
 * initialization and overhead, and the trace header passed on to the AWS calls; but no subsegment per
 * SDK call and no ColdStart/Service annotations (BENCHMARKS.md, "Cold start").
 *
 * No Powertools Metrics either: nothing publishes a custom metric, and its instance cost every
 * function ~10 KB and a few ms at cold start. Bring it back with the first metric.
 */
export const logger = new Logger();
