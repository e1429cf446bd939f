/** The command line was wrong: the message says what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The stack is missing, or lacks what this script reads: both mean "deploy (this version) first". */
export class StackNotReadyError extends Error {
  override name = 'StackNotReadyError';
}

/** No credential has that secret (a typo, or it belongs to another stack's table). */
export class UnknownSecretError extends Error {
  override name = 'UnknownSecretError';
}

/**
 * One sentence for the operator. The SDK's own messages for the usual setup mistakes (no AWS
 * credentials, no region) do not say what to do, so those get a hint.
 */
export function explainError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'CredentialsProviderError') {
    return `No AWS credentials found (${error.message}): sign in, e.g. aws sso login or AWS_PROFILE=<profile>.`;
  }
  if (/region is missing|region not accepted/i.test(error.message)) {
    return "No AWS region set: set AWS_REGION (or your profile's region) to where the stack is deployed.";
  }
  return error.message;
}
