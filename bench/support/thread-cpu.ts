import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of this process split into the main thread (every local server: API adapter, Step
 * Functions, EventBridge, dynalite, SES, S3) and all other threads (the functions' worker threads,
 * libuv's pool where LevelDB reads and writes, V8's helpers). Linux only (from /proc); elsewhere the
 * split is left out. Threads that end within the window are not counted.
 */
export interface ThreadCpu {
  mainMs: number;
  otherMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function snapshot(): Map<string, number> | undefined {
  try {
    const ticks = new Map<string, number>();
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(task, Number(fields[11]) + Number(fields[12]));
    }
    return ticks;
  } catch {
    return undefined;
  }
}

/** Starts measuring; the function returned gives the CPU used since, by thread kind. */
export function measureThreadCpu(): () => ThreadCpu | undefined {
  const before = snapshot();
  return () => {
    const after = snapshot();
    if (!before || !after) return undefined;
    const main = String(process.pid);
    let mainMs = 0;
    let otherMs = 0;
    for (const [task, ticks] of after) {
      const used = (ticks - (before.get(task) ?? 0)) * TICK_MS;
      if (task === main) mainMs += used;
      else otherMs += used;
    }
    return { mainMs, otherMs };
  };
}
