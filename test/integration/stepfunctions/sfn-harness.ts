import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { type LocalStepFunctions, startLocalStepFunctions } from '../../../infra/local/stepfunctions';

export const ACCOUNT = '123456789012';
export const machineArn = (name: string): string =>
  `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:${name}`;
export const functionArn = (name: string): string => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;

export type TestFunction = (payload: unknown) => unknown;

/** An Error named like the Lambda error type, as the local invoker throws it. */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export interface HarnessOptions {
  machines: Record<string, object>;
  functions: Record<string, TestFunction>;
  timeScale?: number;
  /** Reuse a data folder (the restart test). */
  dataDir?: string;
}

/** A server on a free port with a real SFN client, and the record of every function call. */
export interface Harness {
  server: LocalStepFunctions;
  client: SFNClient;
  calls: { name: string; payload: unknown }[];
  dataDir: string;
  stop(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sfn-it-'));
  const calls: Harness['calls'] = [];
  const server = await startLocalStepFunctions({
    host: '127.0.0.1',
    port: 0,
    region: 'us-east-1',
    accountId: ACCOUNT,
    dataDir,
    timeScale: options.timeScale ?? 1000,
    stateMachines: Object.entries(options.machines).map(([name, definition]) => ({
      name,
      arn: machineArn(name),
      definition,
    })),
    invokeFunction: async (functionName, payload) => {
      const name = functionName.split(':function:').pop()?.split(':')[0] ?? functionName;
      calls.push({ name, payload });
      const fn = options.functions[name];
      if (!fn) throw namedError('ResourceNotFoundException', `Function not found: ${functionName}`);
      return fn(payload);
    },
  });
  const client = new SFNClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    server,
    client,
    calls,
    dataDir,
    stop: async () => {
      client.destroy();
      await server.close();
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Polls DescribeExecution until the execution has ended. */
export async function waitForEnd(
  client: SFNClient,
  executionArn: string | undefined,
  timeoutMs = 3000,
): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    if (Date.now() > deadline)
      throw new Error(`execution ${executionArn} still RUNNING after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The pending task token of a state, once the execution waits on it. */
export async function tokenOf(
  harness: Harness,
  executionArn: string | undefined,
  stateName: string,
): Promise<string> {
  await harness.server.idle();
  const summary = harness.server.executions().find((execution) => execution.executionArn === executionArn);
  const wait = summary?.pendingWaits.find((pending) => pending.stateName === stateName);
  if (!wait) throw new Error(`no pending wait in ${stateName}`);
  return wait.token;
}

/** Polls `read` until it gives a value (a function has been called, for instance). */
export async function eventually<T>(read: () => T | undefined, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
