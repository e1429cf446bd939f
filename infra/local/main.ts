import { banner } from './banner';
import { startLocalRuntime } from './runtime';
import { settingsFromEnv } from './settings';

/** `npm start`: the whole system on this machine, until Ctrl-C. */
async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const runtime = await startLocalRuntime(settings, {
    timers: true,
    warm: true,
    progress: (line) => process.stdout.write(`  … ${line}\n`),
  });
  process.stdout.write(banner(runtime));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping (waiting executions resume at the next start)…\n`);
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  process.stderr.write(`tradeflow could not start: ${error.message}\n`);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write('A port is taken: set PORT to another base port (the parts use PORT..PORT+6).\n');
  }
  process.exit(1);
});
