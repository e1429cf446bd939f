import { randomUUID } from 'node:crypto';
import type { JsonObject, JsonValue } from './json';

/** What `arn:aws:states:::lambda:invoke` returns around the function's result, as in AWS. */
export function lambdaInvokeOutput(payload: JsonValue): JsonObject {
  const requestId = randomUUID();
  const headers = {
    'Content-Type': 'application/json',
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-RequestId': requestId,
  };
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}
