// One Lambda "sandbox": a worker thread with its own process.env and module scope, running one
// function's bundle. Plain CommonJS so Node loads it without a transpiler. It loads the handler at
// once (Lambda's init phase) and says so, then answers invocations.
const { parentPort, workerData } = require('node:worker_threads');

const { bundle, functionName, functionArn, memoryMb, timeoutSeconds } = workerData;

function describe(error) {
  const err = error instanceof Error ? error : new Error(String(error));
  return { errorType: err.name || 'Error', errorMessage: err.message, trace: (err.stack ?? '').split('\n') };
}

let handler;
try {
  const mod = require(bundle);
  if (typeof mod.handler !== 'function') throw new Error(`${bundle} exports no handler`);
  handler = mod.handler;
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'init-error', error: describe(error) });
}

parentPort.on('message', async (message) => {
  const started = Date.now();
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: message.id,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${process.pid}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, timeoutSeconds * 1000 - (Date.now() - started)),
  };
  try {
    const result = await handler(message.event, context);
    // What Lambda returns is JSON: round-trip it so nothing non-JSON leaks through locally.
    const payload = result === undefined ? null : JSON.parse(JSON.stringify(result));
    parentPort.postMessage({ id: message.id, ok: true, result: payload });
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: describe(error) });
  }
});
