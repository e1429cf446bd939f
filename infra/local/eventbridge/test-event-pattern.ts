import { AwsJsonError, validationError } from './json-protocol';
import {
  compileEventPattern,
  flattenEvent,
  InvalidEventPatternError,
  matchesFlatEvent,
} from './pattern-matcher';

/**
 * TestEventPattern as AWS answers it: `{ Result }`; an Event that is not a JSON object with id,
 * account, source, time, region and detail-type is "Parameter Event is not valid." (ValidationException);
 * a pattern EventBridge would refuse is an InvalidEventPatternException.
 */
const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'];

export function testEventPattern(body: Record<string, unknown>): { Result: boolean } {
  for (const name of ['EventPattern', 'Event'] as const) {
    if (typeof body[name] !== 'string') {
      const member = name === 'Event' ? 'event' : 'eventPattern';
      throw validationError(
        `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      );
    }
  }
  const event = parseEvent(body.Event as string);
  try {
    const pattern = compileEventPattern(body.EventPattern as string);
    return { Result: matchesFlatEvent(pattern, flattenEvent(event)) };
  } catch (error) {
    if (error instanceof InvalidEventPatternError) throw new AwsJsonError(error.code, error.message);
    throw error;
  }
}

function parseEvent(text: string): Record<string, unknown> {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    event = undefined;
  }
  const valid =
    typeof event === 'object' &&
    event !== null &&
    !Array.isArray(event) &&
    REQUIRED_EVENT_FIELDS.every((name) => (event as Record<string, unknown>)[name] !== undefined);
  if (!valid) throw validationError('Parameter Event is not valid.');
  return event as Record<string, unknown>;
}
