import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads the sandboxes' CPU profiles (TRADEFLOW_SANDBOX_CPU_PROFILE_DIR, see the local invoker) and
 * prints, per function, the self time of its hottest code, charged to the package (or our own file)
 * it belongs to: where a function's CPU goes, without opening each profile in DevTools.
 *   npx tsx bench/support/summarize-profiles.ts <dir> [function]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function owner(url: string): string {
  if (!url) return '(native/gc/idle)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node';
  const ours = url.match(/(shared|functions|infra)\/.*$/);
  return ours ? ours[0] : url.split('/').slice(-2).join('/');
}

function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  for (const [index, id] of profile.samples.entries()) {
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  return times;
}

const [dir, only] = process.argv.slice(2);
if (!dir) throw new Error('usage: summarize-profiles.ts <dir> [function]');
const byFunction = new Map<string, CpuProfile[]>();
for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
  const name = file.replace(/-\d+\.cpuprofile$/, '');
  if (only && name !== only) continue;
  byFunction.set(name, [...(byFunction.get(name) ?? []), JSON.parse(readFileSync(join(dir, file), 'utf8'))]);
}
const rows = [...byFunction].map(([name, profiles]) => {
  const byOwner = new Map<string, number>();
  const byFrame = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const [id, us] of selfTimes(profile)) {
      const frame = nodes.get(id)?.callFrame;
      if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
      total += us;
      const who = frame.functionName === '(garbage collector)' ? '(gc)' : owner(frame.url);
      byOwner.set(who, (byOwner.get(who) ?? 0) + us);
      const where = `${frame.functionName || '(anonymous)'} ${owner(frame.url)}:${frame.lineNumber + 1}`;
      byFrame.set(where, (byFrame.get(where) ?? 0) + us);
    }
  }
  return { name, total, byOwner, byFrame };
});
const top = (map: Map<string, number>, count: number, total: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${key} ${((100 * us) / total).toFixed(0)}%`)
    .join(', ');
for (const row of rows.sort((a, b) => b.total - a.total)) {
  console.log(`${row.name}: ${(row.total / 1000).toFixed(0)} ms busy`);
  console.log(`  by package: ${top(row.byOwner, 8, row.total)}`);
  if (only) console.log(`  hottest: ${top(row.byFrame, 25, row.total)}`);
}
