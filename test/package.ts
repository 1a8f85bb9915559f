// The package as a user gets it: `npm pack` of this checkout, installed with npm into a fresh
// project. dist/ is compiled by `pretest` (as `npm pack` would through `prepare`), so the pack
// skips scripts. The install uses npm's cache first (`--prefer-offline`): the registry is the
// only network it may need, for package metadata the cache does not have yet.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './helpers.js';

const run = promisify(execFile);

/** The environment of a user who set nothing: no Puppeteer variables (they would hide a broken install). */
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^PUPPETEER_|^BRIEFDECK_|^CHROME_PATH$/.test(name)),
  );
}

/** Packs this checkout into `dir`; returns the tarball's path. */
export async function packTarball(dir: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: ROOT,
    env: userEnv(),
  });
  const name = stdout.trim().split('\n').at(-1)!;
  return path.join(dir, name);
}

/** `npm install <args>` in `cwd`, as a user would (install scripts allowed: none may be needed). */
export async function npmInstall(cwd: string, args: string[]): Promise<void> {
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...args], {
    cwd,
    env: userEnv(),
    timeout: 300_000,
  });
}

export async function npm(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npm', args, { cwd, env: userEnv(), timeout: 300_000 });
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx --no briefdeck <args>`: the installed package's bin, never a download. */
export async function npxBriefdeck(cwd: string, args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run('npx', ['--no', 'briefdeck', ...args], {
      cwd,
      env: userEnv(),
      timeout: 300_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Starts `npx briefdeck serve … --port 0` and resolves with its URL once it says it is serving. */
export function startServe(cwd: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  // Its own process group: npx does not pass SIGTERM on to the server it started, so stop() signals the group.
  const child = spawn('npx', ['--no', 'briefdeck', 'serve', ...args, '--port', '0'], {
    cwd,
    env: userEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /serving (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before serving: ${output}`)));
  });
}

/**
 * Stops what startServe started (the process group of that npx, by its id) and waits until
 * the server itself has exited: 'close' comes once every process holding its output pipes is gone.
 */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('close', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve(); // already gone
    }
  });
}

/** Every file under `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
