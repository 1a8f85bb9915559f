import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Chrome for Testing, the build Puppeteer is tested with, kept where Puppeteer
 * itself keeps it (so one downloaded by `npx puppeteer browsers install chrome`
 * is found too). briefdeck depends on puppeteer-core, which never downloads at
 * install time: `briefdeck browser --install` does it, on request. The
 * variables are Puppeteer's own (https://pptr.dev/guides/configuration).
 */
export function chromeCacheDir(): string {
  return process.env.PUPPETEER_CACHE_DIR || path.join(homedir(), '.cache', 'puppeteer');
}

/** The Chrome for Testing build this puppeteer-core version drives. */
async function chromeBuildId(): Promise<string> {
  // The same pin the full `puppeteer` package downloads: it reads it from here too.
  const { PUPPETEER_REVISIONS } = await import('puppeteer-core/internal/revisions.js');
  return PUPPETEER_REVISIONS.chrome;
}

/** The path of the pinned Chrome for Testing in the cache, when it is there. */
export async function cachedChrome(): Promise<string | undefined> {
  const { Browser, computeExecutablePath } = await import('@puppeteer/browsers');
  const executablePath = computeExecutablePath({
    browser: Browser.CHROME,
    buildId: await chromeBuildId(),
    cacheDir: chromeCacheDir(),
  });
  return existsSync(executablePath) ? executablePath : undefined;
}

/** A download that sends no byte for this long is given up (an unreachable host can hang instead of failing). */
const STALL_MS = 30_000;

/**
 * Downloads the pinned Chrome for Testing into the cache; rejects when the
 * host cannot be reached (most CI and corporate networks), the platform has no
 * build (Linux on ARM), or the download stalls.
 */
export async function downloadChrome(onProgress: (line: string) => void = () => undefined): Promise<string> {
  const { Browser, install } = await import('@puppeteer/browsers');
  const buildId = await chromeBuildId();
  // Rejects once no byte has arrived for STALL_MS; every progress call re-arms it.
  let stalled: NodeJS.Timeout | undefined;
  let rejectStalled: (error: Error) => void = () => undefined;
  const stall = new Promise<never>((_resolve, reject) => (rejectStalled = reject));
  const arm = () => {
    clearTimeout(stalled);
    stalled = setTimeout(() => rejectStalled(new Error(`no data for ${STALL_MS / 1000} s`)), STALL_MS);
  };
  let reported = -10;
  const downloadProgress = (done: number, total: number) => {
    arm();
    const percent = total ? Math.floor((done / total) * 100) : 0;
    if (percent < reported + 10) return;
    reported = percent;
    onProgress(`downloading Chrome for Testing ${buildId}: ${percent}%`);
  };
  arm();
  try {
    const installed = await Promise.race([
      install({
        browser: Browser.CHROME,
        buildId,
        cacheDir: chromeCacheDir(),
        baseUrl: process.env.PUPPETEER_CHROME_DOWNLOAD_BASE_URL || undefined,
        downloadProgressCallback: downloadProgress,
      }),
      stall,
    ]);
    return installed.executablePath;
  } finally {
    clearTimeout(stalled);
  }
}
