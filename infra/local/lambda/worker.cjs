// One Lambda "sandbox": a worker thread with its own process.env and module scope, running one
// function's bundle. Plain CommonJS so Node loads it without a transpiler. It loads the handler at
// once (Lambda's init phase) and says so, then answers invocations.
const { writeSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');

const { bundle, functionName, functionArn, memoryMb, timeoutSeconds, logFd, niceness } = workerData;

// This thread yields the CPU to the local AWS services on the main thread (see SANDBOX_NICENESS).
// Lowering one's own priority is always allowed; where the platform has no per-thread priority it
// fails or applies to the process, and the sandbox runs as it would have anyway.
if (typeof niceness === 'number') {
  try {
    const os = require('node:os');
    // Never above the process's own (a niced runtime stays niced; raising it needs privileges).
    os.setPriority(0, Math.max(os.getPriority(0), niceness));
  } catch {
    // not supported here: no harm done
  }
}

// stdout and stderr go straight to the function's log file from this thread (as Lambda's runtime
// ships them to CloudWatch), not as messages through the main thread, where every local server runs.
// The invoker opened the file (logFd) and closes it when the sandbox ends.
if (typeof logFd === 'number') {
  const fd = logFd;
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = (chunk, encoding, callback) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof chunk === 'string')
        writeSync(fd, chunk, null, typeof encoding === 'string' ? encoding : 'utf8');
      else writeSync(fd, chunk);
      if (done) process.nextTick(done);
      return true;
    };
  }
}

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

// Events and results cross the thread boundary as JSON text, as Lambda's payloads are JSON: cheaper
// for the main thread than structured clones of the objects.
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
    const event = message.event === undefined ? undefined : JSON.parse(message.event);
    const result = await handler(event, context);
    // What Lambda returns is JSON, so nothing non-JSON leaks through locally.
    const payload = result === undefined ? 'null' : JSON.stringify(result);
    if (typeof payload !== 'string') throw new TypeError('The handler returned a value that is not JSON');
    parentPort.postMessage({ id: message.id, ok: true, result: payload });
  } catch (error) {
    const failure = describe(error);
    // Lambda's Node.js runtime logs a failed invocation's error, message and stack, to the function's
    // log (CloudWatch): so does this sandbox, so what an error message says is in the logs here too.
    const { errorType, errorMessage, trace } = failure;
    process.stderr.write(
      `${new Date().toISOString()}\t${message.id}\tERROR\tInvoke Error \t${JSON.stringify({ errorType, errorMessage, stack: trace })}\n`,
    );
    parentPort.postMessage({ id: message.id, ok: false, error: failure });
  }
});
