import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Kept after the run (gitignored): one screenshot per page the walk visits. */
export const SCREENSHOT_DIR = resolve(__dirname, '..', 'screenshots');

/** Headless and quiet: no sandbox (containers), no GPU, no network of its own, no first-run UI. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ConsoleBrowser {
  page: Page;
  /** Saves `<n>-<name>.png` under SCREENSHOT_DIR and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Fails loudly, with what to do, when Chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the console's browser test drives Debian's Chromium. ` +
        'Install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary).',
    );
  }
}

/** A fresh profile (its own --user-data-dir, removed on close), one page, screenshots numbered in order. */
export async function openConsoleBrowser(): Promise<ConsoleBrowser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'tradeflow-chromium-'));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 1000 },
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let shots = 0;
  return {
    page,
    async screenshot(name) {
      shots++;
      const path = join(SCREENSHOT_DIR, `${String(shots).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Reads until jest's `toEqual` passes (asymmetric matchers too) or the time is up, then asserts on
 * the last value read, so a failure shows what the page had instead.
 */
export async function eventuallyEqual<T>(
  read: () => Promise<T>,
  expected: unknown,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      expect(value).toEqual(expected);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
