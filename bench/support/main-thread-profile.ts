import { Session } from 'node:inspector/promises';

/**
 * Where the main thread's time goes (the embedded runtime's servers all live there; the functions run
 * in worker threads): a sampling CPU profile, each sample charged to the nearest part of the runtime
 * on its stack.
 */
const PARTS: [RegExp, string][] = [
  [/dynalite|classic-level|abstract-level|buffer-crc32|lock\/index|level-/, 'dynalite'],
  [/aws-local-stepfunctions|jsonpath-plus|infra\/local\/stepfunctions/, 'step functions'],
  [/infra\/local\/eventbridge/, 'eventbridge'],
  [/infra\/local\/api-gateway/, 'api gateway'],
  [/infra\/local\/lambda|node:internal\/worker/, 'lambda invoker (messages, log piping)'],
  [/aws-ses-v2-local|express|body-parser|router|infra\/local\/ses/, 'ses'],
  [/s3rver|koa|infra\/local\/s3/, 's3'],
  [/bench\/support\/dynamo-recorder/, 'bench recorder'],
  [/bench\//, 'bench client'],
  [/node:internal\/fs\/streams/, 'log files'],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface MainThreadProfile {
  /** Milliseconds by part, plus `idle`, `gc` and `node internals` (HTTP parsing, timers, sockets). */
  byPart: Record<string, number>;
  totalMs: number;
}

export async function profileMainThread<T>(
  run: () => Promise<T>,
): Promise<{ value: T; profile: MainThreadProfile }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let value: T;
  let profile: unknown;
  try {
    value = await run();
  } finally {
    ({ profile } = await session.post('Profiler.stop'));
    session.disconnect();
  }
  return { value, profile: summarize(profile as RawProfile) };
}

type RawProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function summarize(profile: RawProfile): MainThreadProfile {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const partOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = partOf.get(id);
    if (known) return known;
    const { functionName, url } = nodes.get(id)!.callFrame;
    let part: string;
    if (!url && functionName === '(idle)') part = 'idle';
    else if (!url && functionName === '(garbage collector)') part = 'gc';
    else if (!url && functionName === '(program)') part = 'node internals';
    else {
      part = 'node internals';
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = nodes.get(at)!.callFrame;
        const found = PARTS.find(([pattern]) => pattern.test(`${frame.url} ${frame.functionName}`));
        if (found) {
          part = found[1];
          break;
        }
      }
    }
    partOf.set(id, part);
    return part;
  };
  const byPart: Record<string, number> = {};
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const part = classify(id);
    byPart[part] = (byPart[part] ?? 0) + ms;
    totalMs += ms;
  });
  return { byPart, totalMs };
}

export function describeProfile(profile: MainThreadProfile): string {
  return Object.entries(profile.byPart)
    .sort(([, a], [, b]) => b - a)
    .map(([part, ms]) => `${part} ${((100 * ms) / profile.totalMs).toFixed(0)}%`)
    .join(', ');
}
