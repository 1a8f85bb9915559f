import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { cachedChrome } from './chrome-for-testing.js';
import { PdfError } from '../errors.js';
import { kindOf } from '../files.js';

export interface FoundBrowser {
  executablePath: string;
  /** Where it was found, for `briefdeck browser` and error messages. */
  source: string;
}

const SYSTEM_BROWSERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** Named by the user, like --browser (the CLI's --browser falls back to it). */
const NAMED_BROWSER_VARIABLE = 'BRIEFDECK_BROWSER';
/** Where a browser the user chose comes from; a system or downloaded browser is briefdeck's own choice. */
const USER_CHOICES = new Set(['--browser', NAMED_BROWSER_VARIABLE, 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']);

export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: `apt-get install chromium`), or run `npx briefdeck browser --ensure`, or point --browser / PUPPETEER_EXECUTABLE_PATH at Chrome';

/**
 * Finds a Chrome or Chromium, in this order: an explicit path, the
 * PUPPETEER_EXECUTABLE_PATH and CHROME_PATH variables, the browser Puppeteer
 * downloaded, then a system install. Puppeteer's own download is impossible on
 * machines without access to Google's storage, so the system browser matters.
 */
export async function findBrowser(
  explicit?: string,
  systemPaths: string[] = SYSTEM_BROWSERS[process.platform] ?? [],
): Promise<FoundBrowser | undefined> {
  const candidates: FoundBrowser[] = [];
  if (explicit) candidates.push({ executablePath: explicit, source: '--browser' });
  for (const name of [NAMED_BROWSER_VARIABLE, 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = process.env[name];
    if (value) candidates.push({ executablePath: value, source: name });
  }
  // An explicit choice that does not exist is an error, not a reason to quietly use another browser.
  const chosen = candidates[0];
  if (chosen) {
    const info = statSync(chosen.executablePath, { throwIfNoEntry: false });
    if (info?.isFile()) return chosen;
    const what = info ? `is ${kindOf(info)}, not a program` : 'does not exist';
    throw new PdfError(
      `the browser set by ${chosen.source} ${what}: ${chosen.executablePath}`,
      'fix the path, or unset it to let briefdeck find one',
    );
  }
  const downloaded = await puppeteerDownloadedBrowser();
  if (downloaded) return { executablePath: downloaded, source: "Puppeteer's download" };
  for (const candidate of systemPaths) {
    if (existsSync(candidate)) return { executablePath: candidate, source: 'system' };
  }
  return undefined;
}

/** A Chrome for Testing in Puppeteer's cache (`briefdeck browser --install` puts it there); never throws. */
async function puppeteerDownloadedBrowser(): Promise<string | undefined> {
  return cachedChrome().catch(() => undefined);
}

export function launchArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    // Nothing in a build needs the network; these stop Chromium's own background calls.
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--font-render-hinting=none',
  ];
  // Chromium refuses to start its sandbox as root (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/**
 * Finds and launches a headless browser; throws a PdfError that says how to get one.
 * `handleSignals: false` leaves Ctrl-C to the caller (the dev server closes the
 * browser itself and exits 0); by default Puppeteer kills the browser on Ctrl-C.
 */
export async function launchBrowser(explicit?: string, options: { handleSignals?: boolean } = {}): Promise<Browser> {
  const found = await findBrowser(explicit);
  if (!found) throw new PdfError('no Chrome or Chromium found to print the PDF', INSTALL_HINT);
  const { default: puppeteer } = await import('puppeteer-core');
  const scratch = new ScratchFolder();
  try {
    const browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: true,
      args: launchArgs(),
      userDataDir: scratch.profile,
      // Chromium's own temporary files (shared memory with --disable-dev-shm-usage) go into the scratch folder too.
      env: { ...process.env, TMPDIR: scratch.tmp },
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
    });
    scratch.browserPid = browser.process()?.pid;
    // Closed, or killed from outside: the profile goes with it.
    browser.once('disconnected', () => void scratch.remove());
    return browser;
  } catch (error) {
    await scratch.remove();
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (USER_CHOICES.has(found.source)) {
      // The user named this program: installing Chromium is not the answer, checking their choice is.
      throw new PdfError(
        `the browser set by ${found.source} failed to start: ${found.executablePath}: ${first}`,
        `check that it is Chrome or Chromium and runs (\`${found.executablePath} --version\`), or unset ${found.source} to let briefdeck find one`,
        undefined,
        { cause: error },
      );
    }
    throw new PdfError(
      `could not start ${path.basename(found.executablePath)} (${found.source}): ${first}`,
      INSTALL_HINT,
      undefined,
      { cause: error },
    );
  }
}

/**
 * The browser's profile and temporary files, in one folder of ours that is
 * removed when the browser goes, and also when this process exits in the
 * middle (Ctrl-C: the CLI exits through process.exit, where Puppeteer's own
 * clean-up of its profile, which is asynchronous, never runs and left 2.3 MB
 * behind each time).
 */
class ScratchFolder {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-chromium-'));
  readonly profile = path.join(this.dir, 'profile');
  readonly tmp = path.join(this.dir, 'tmp');
  browserPid?: number;
  private readonly onExit = () => {
    // Exit handlers run in the order they were added: Puppeteer's, which kills the browser, may come
    // after this one, and a live browser would write into the folder again.
    this.killBrowser();
    try {
      rmSync(this.dir, REMOVE);
    } catch {
      // nothing more can be done while exiting
    }
  };

  constructor() {
    mkdirSync(this.tmp);
    process.on('exit', this.onExit);
  }

  /** After the browser closed or died; the exit handler stays in place should this fail. */
  async remove(): Promise<void> {
    // A browser killed from outside leaves its helpers (zygote, renderers) writing into the profile for a moment.
    this.killBrowser();
    try {
      await rm(this.dir, REMOVE);
      process.off('exit', this.onExit);
    } catch {
      // tried again at exit
    }
  }

  private killBrowser(): void {
    if (this.browserPid) killGroup(this.browserPid);
  }
}

/** Retries: files of a browser that was just killed can still be open. */
const REMOVE = { recursive: true, force: true, maxRetries: 10, retryDelay: 50 } as const;

/** Kills a browser and its children: Puppeteer starts it as the leader of its own process group (not on Windows). */
function killGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
