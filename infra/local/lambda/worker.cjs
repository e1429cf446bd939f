// One Lambda "sandbox": a worker thread with its own process.env and module scope, running one
// function's bundle. Plain CommonJS so Node loads it without a transpiler.
const { parentPort, workerData } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');

const { bundle, functionName, functionArn, memoryMb, timeoutSeconds } = workerData;
let handlerPromise;

function loadHandler() {
  handlerPromise ??= Promise.resolve().then(() => {
    const mod = require(bundle);
    if (typeof mod.handler !== 'function') throw new Error(`${bundle} exports no handler`);
    return mod.handler;
  });
  return handlerPromise;
}

parentPort.on('message', async (message) => {
  const started = Date.now();
  const requestId = message.requestId ?? randomUUID();
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${process.pid}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, timeoutSeconds * 1000 - (Date.now() - started)),
  };
  try {
    const handler = await loadHandler();
    const result = await handler(message.event, context);
    // What Lambda returns is JSON: round-trip it so nothing non-JSON leaks through locally.
    const payload = result === undefined ? null : JSON.parse(JSON.stringify(result));
    parentPort.postMessage({ id: message.id, ok: true, result: payload });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({
      id: message.id,
      ok: false,
      error: {
        errorType: err.name || 'Error',
        errorMessage: err.message,
        trace: (err.stack ?? '').split('\n'),
      },
    });
  }
});
