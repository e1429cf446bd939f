import { LambdaFunctionError } from '../lambda/invoker';

/**
 * The transient errors AWS reports for a Lambda invocation, as Step Functions names them (the names
 * the ASL's Retry lists match). Some strike before the handler runs (throttling, a service error);
 * others after it ran, so its effects happened but its result is lost (a timeout, a client timeout):
 * the retry then runs it again, which is what idempotent steps must survive.
 */
export interface TransientFault {
  errorType: string;
  message: string;
  /** The handler runs first, and its result is dropped. */
  afterHandler: boolean;
}

export const TRANSIENT_FAULTS: readonly TransientFault[] = [
  {
    errorType: 'Lambda.ServiceException',
    message: 'Lambda is unable to process the request',
    afterHandler: false,
  },
  { errorType: 'Lambda.TooManyRequestsException', message: 'Rate Exceeded.', afterHandler: false },
  { errorType: 'Sandbox.Timedout', message: 'Task timed out (injected by chaos mode)', afterHandler: true },
  {
    errorType: 'Lambda.ClientExecutionTimeoutException',
    message: 'Client execution did not complete before the timeout',
    afterHandler: true,
  },
];

export function faultError(fault: TransientFault, functionName: string): LambdaFunctionError {
  return new LambdaFunctionError(fault.errorType, `${fault.message} [chaos: ${functionName}]`);
}
