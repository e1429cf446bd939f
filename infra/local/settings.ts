import { resolve } from 'node:path';
import { z } from 'zod';
import { type ChaosOptions, chaosEnvFields, chaosFromEnv } from './chaos/chaos-options';

/**
 * The local runtime's settings (DESIGN.md): PORT for the API (the other parts take the next ports,
 * or free ports when PORT is 0), TRADEFLOW_DATA_DIR, TRADEFLOW_LOCAL_API_KEY, TRADEFLOW_TIME_SCALE,
 * and HOST (127.0.0.1 unless set: the admin URL and dev credentials are for the person at the machine).
 */
export const settingsSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TRADEFLOW_DATA_DIR: z.string().default('.tradeflow'),
  TRADEFLOW_LOCAL_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  TRADEFLOW_TIME_SCALE: z.coerce.number().positive().default(1),
  ...chaosEnvFields,
});

export interface LocalSettings {
  host: string;
  port: number;
  dataDir: string;
  apiKey?: string;
  timeScale: number;
  /** Chaos mode (TRADEFLOW_CHAOS_DUPLICATE, _FAULT_RATE, _SEED): the reliability suite's faults. */
  chaos?: ChaosOptions;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid settings: ${problems}`);
  }
  const s = parsed.data;
  return {
    host: s.HOST,
    port: s.PORT,
    dataDir: resolve(s.TRADEFLOW_DATA_DIR),
    apiKey: s.TRADEFLOW_LOCAL_API_KEY,
    timeScale: s.TRADEFLOW_TIME_SCALE,
    chaos: chaosFromEnv(s),
  };
}

/** The parts' ports: PORT for the API, then one each after it; all free ports when PORT is 0. */
export const PART_OFFSETS = {
  api: 0,
  admin: 1,
  dynamodb: 2,
  sfn: 3,
  eventbridge: 4,
  ses: 5,
  s3: 6,
  apigateway: 7,
  feed: 8,
} as const;

export function partPort(settings: LocalSettings, part: keyof typeof PART_OFFSETS): number {
  return settings.port === 0 ? 0 : settings.port + PART_OFFSETS[part];
}
