import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Powertools at module scope, once per function instance. Log lines carry ids and codes only — never
 * names, emails or addresses (no personal data in logs).
 */
export const logger = new Logger();
export const tracer = new Tracer();
export const metrics = new Metrics();
