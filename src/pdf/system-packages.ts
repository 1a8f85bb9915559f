import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The one place briefdeck installs system packages: Debian's chromium for
 * `briefdeck browser --ensure` (the repo's `npm install`), and the tools the
 * tests read PDFs back with (scripts/ensure-test-tools.mjs, run by `npm test`
 * and so by .ci/run, imports this module from dist/). Only with apt-get, as
 * root, on Debian or Ubuntu: anywhere else the caller says what to install.
 */

/** Whether `command` is a file in one of the PATH folders. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, command)));
}

/** The Debian packages of the commands (command → package) that are not on PATH, each named once. */
export function missingPackages(commands: Record<string, string>): string[] {
  return [
    ...new Set(
      Object.entries(commands)
        .filter(([command]) => !onPath(command))
        .map(([, pkg]) => pkg),
    ),
  ];
}

/** Whether this process may install Debian packages: root on Debian/Ubuntu with apt-get. */
export function canAptGet(): boolean {
  return (
    process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && onPath('apt-get')
  );
}

/**
 * `apt-get update` then `apt-get install -y <packages>`, with apt's output shown
 * (it can take minutes); true when both succeed. Call only when canAptGet().
 */
export function aptGetInstall(packages: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  return run(['update', '-qq']) && run(['install', '-y', '-qq', ...packages]);
}
