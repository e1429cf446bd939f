import { listen } from '../listen';
import { makeOperations } from './api-operations';
import { loadEngineTimeoutError } from './asl-engine';
import { createSfnHttpServer } from './http-server';
import { StepFunctionsService } from './step-functions-service';
import type { LocalStepFunctions, LocalStepFunctionsOptions } from './types';

export { DefinitionError } from './definition-error';
export type {
  ExecutionStatus,
  ExecutionSummary,
  HistoryEvent,
  LocalStateMachine,
  LocalStepFunctions,
  LocalStepFunctionsCounts,
  LocalStepFunctionsOptions,
  PendingTaskWait,
} from './types';

/**
 * Starts the local Step Functions server. Definitions are checked first (unsupported features throw);
 * executions left RUNNING in `dataDir` resume once the server listens, so their functions can call it.
 */
export async function startLocalStepFunctions(
  options: LocalStepFunctionsOptions,
): Promise<LocalStepFunctions> {
  const log = options.log ?? (() => {});
  await loadEngineTimeoutError();
  const service = new StepFunctionsService(options);
  const server = createSfnHttpServer(makeOperations(service), log);
  const { port } = await listen(server, options.host, options.port);
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  service.resume();
  log(`sfn: listening on http://${host}:${port}`);
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      await service.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    executions: () => service.summaries(),
    history: (executionArn) => [...service.execution(executionArn).events],
    idle: () => service.idle(),
    counts: () => service.counts(),
  };
}
