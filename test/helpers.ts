import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, onTestFinished, TestRunner } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { CLI_MARGIN_MS, HOOK_TIMEOUT_MS } from './timeouts.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The CLI as users run it: the bundle that `npm run compile` writes (package.json bin). */
export const CLI = path.join(ROOT, 'dist', 'bin', 'main.js');
export const SAMPLE = path.join(ROOT, 'content', 'iskp-moscow-plot.md');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function tempDir(prefix = 'briefdeck-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * How long a CLI run may take: up to a few seconds before the current test's (or hook's) own limit, so a
 * hung build fails here, with its output, rather than as a bare vitest timeout with the process still running.
 */
function cliBudgetMs(): number {
  const test = TestRunner.getCurrentTest();
  if (!test) return HOOK_TIMEOUT_MS - CLI_MARGIN_MS; // in a hook: vitest has no API for its timeout (pass timeoutMs)
  const elapsed = test.result?.startTime ? Date.now() - test.result.startTime : 0;
  return Math.max(1_000, test.timeout - elapsed - CLI_MARGIN_MS);
}

/**
 * Runs the built CLI (dist/, compiled by `pretest`; or `cli`, that of another install) as a user would.
 * A run that outlasts the test's time budget is killed with every process under it (its Chromium too) and
 * fails the test with what it printed so far.
 */
export async function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    cli?: string;
    /** The limit for a run in a hook given a longer timeout than vitest's default (keep it below that timeout). */
    timeoutMs?: number;
  } = {},
): Promise<CliResult> {
  const budget = options.timeoutMs ?? cliBudgetMs();
  const child = spawn(process.execPath, [options.cli ?? CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The whole tree, found before anything is killed (an orphan loses its place in it). Not the process
  // group: Puppeteer starts Chromium detached, in a group of its own.
  const killTree = () => {
    if (!child.pid) return;
    for (const pid of [String(child.pid), ...descendants(child.pid)]) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  // If the test ends first (it failed elsewhere, or vitest timed it out), the run must not outlive it.
  if (TestRunner.getCurrentTest())
    onTestFinished(() => (child.exitCode === null && child.signalCode === null ? killTree() : undefined));
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killTree();
  }, budget);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    });
    const result = {
      code: code ?? -1,
      stdout: Buffer.concat(stdout).toString(),
      stderr: Buffer.concat(stderr).toString(),
    };
    if (timedOut)
      throw new Error(
        `briefdeck ${args.join(' ')} did not finish within ${Math.round(budget / 1000)} s and was killed` +
          `\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
      );
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** Every process below `pid` (Chromium's zygote, renderers and GPU process are grandchildren of the CLI). */
export function descendants(pid: number): string[] {
  const table = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const found: string[] = [];
  const walk = (parent: string) => {
    for (const [child, ppid] of table) {
      if (ppid === parent && child) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(String(pid));
  return found;
}

/** Whether process `pid` is gone (exited and reaped) within `ms`, checked every 20 ms. */
export async function exitsWithin(pid: number, ms: number): Promise<boolean> {
  const alive = () => existsSync(`/proc/${pid}`);
  for (const deadline = Date.now() + ms; alive(); ) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Text of a PDF, or of one page of it, via poppler's pdftotext. */
export function pdfText(file: string, page?: number): string {
  const pageArgs = page ? ['-f', String(page), '-l', String(page)] : [];
  const result = spawnSync('pdftotext', [...pageArgs, file, '-'], { encoding: 'utf8' });
  if (result.error || result.status !== 0)
    throw new Error(`pdftotext failed (install poppler-utils): ${result.error ?? result.stderr}`);
  return result.stdout;
}

export function pdfInfo(file: string): Record<string, string> {
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (result.error || result.status !== 0)
    throw new Error(`pdfinfo failed (install poppler-utils): ${result.error ?? result.stderr}`);
  return Object.fromEntries(
    result.stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** Collapses whitespace (line breaks, layout spacing) so text can be compared across a PDF's lines. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** pdffonts' table of the fonts a PDF embeds. */
export function pdfFonts(file: string): string {
  const result = spawnSync('pdffonts', [file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdffonts failed: ${result.stderr}`);
  return result.stdout;
}

/** Names of the fonts a PDF embeds, without their subset prefix (ABCDEF+). */
export function pdfFontNames(file: string): string[] {
  return pdfFonts(file)
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

export interface UsedFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts Chromium used to draw the text directly inside the first element matching `selector` whose text includes `text`. */
export async function fontsDrawing(page: Page, selector: string, text: string): Promise<UsedFont[]> {
  const session = await page.createCDPSession();
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    for (const nodeId of nodeIds) {
      const { outerHTML } = await session.send('DOM.getOuterHTML', { nodeId });
      if (!outerHTML.includes(text)) continue;
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts;
    }
    throw new Error(`no ${selector} contains ${text}`);
  } finally {
    await session.detach();
  }
}

/** Opens a deck in reveal's print view, where every slide is laid out at once, with its fonts loaded. */
export async function openPrintView(browser: Browser, htmlFile: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${pathToFileURL(htmlFile).href}?print-pdf`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-briefdeck-pdf-ready') === 'true');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** What deckSuite gives a suite; the fields are set before its first test (read them inside tests and hooks). */
export interface DeckSuite {
  /** The suite's temporary folder. */
  dir: string;
  /** `<dir>/output`, where `prepare` builds the decks. */
  out: string;
  browser: Browser;
  /** Deck `slug` of `out` in reveal's print view (close the page when done). */
  open(slug: string): Promise<Page>;
}

/**
 * For a suite that looks at built decks in Chromium: before its tests, a temporary folder, `prepare`
 * (write content there and build it into `out`), then a browser; after them, the browser closed and the
 * folder removed. `timeout`: for the whole set-up, builds included.
 */
export function deckSuite(
  prepare: (suite: { dir: string; out: string }) => Promise<void>,
  timeout?: number,
): DeckSuite {
  const suite = {
    open: (slug: string) => openPrintView(suite.browser, path.join(suite.out, slug, 'index.html')),
  } as DeckSuite;
  beforeAll(async () => {
    suite.dir = await tempDir();
    suite.out = path.join(suite.dir, 'output');
    await prepare(suite);
    // Imported here, not at the top: unit tests share this file and must not load Puppeteer.
    const { launchBrowser } = await import('../src/pdf/browser.js');
    suite.browser = await launchBrowser();
  }, timeout);
  afterAll(async () => {
    await suite.browser?.close();
    if (suite.dir) await rm(suite.dir, { recursive: true, force: true });
  });
  return suite;
}

/** A local HTTP server that records the path of every request it gets: where a leak would arrive. */
export interface Canary {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Request paths, in order of arrival (empty it between checks). */
  hits: string[];
  close(): Promise<void>;
}

export async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A string as a literal inside a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The bad-input contract for one failed build: exit 1, no stack trace, and exactly one line
 * `<file>:<line>: <what> — <hint>` (no `:<line>` when `line` is null) whose `<what> — <hint>` matches `error`.
 */
export function expectOneErrorLine(run: CliResult, file: string, line: number | null, error: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  const m = new RegExp(`^${escapeRegExp(file)}${line === null ? '' : `:${line}`}: (.+ — .+)$`).exec(lines[0]!);
  expect(m, lines[0]).not.toBeNull();
  expect(m![1]).toMatch(error);
}

/** A CLI started in the background (startCli), for commands that keep running or are stopped from outside. */
export interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Resolves when the output (stdout and stderr) matches. */
  waitFor: (pattern: RegExp) => Promise<void>;
  exit: Promise<number | null>;
}

/** Starts the built CLI in the background; `waitFor` waits on its output (never on a fixed sleep). */
export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const listen = (chunk: Buffer) => {
    output += chunk;
    for (const waiter of waiters.filter((w) => w.pattern.test(output))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout.on('data', listen);
  child.stderr.on('data', listen);
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // 'close' comes after the last of the output has been read, so nothing can match after it.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    child,
    output: () => output,
    exit,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(output)) return resolve();
        const timer = setTimeout(() => reject(new Error(`${pattern} never came: ${output}`)), 60_000);
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        void closed.then(() => {
          clearTimeout(timer);
          reject(new Error(`exited before ${pattern}: ${output}`));
        });
      }),
  };
}

/** What is left in a private temporary folder, after the processes that used it are gone (bounded wait). */
export async function leftIn(tmp: string): Promise<string[]> {
  for (let waited = 0; waited < 3000 && (await readdir(tmp)).length > 0; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return readdir(tmp);
}
