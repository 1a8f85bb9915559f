// Setup for the unit lane (vitest.config.ts): a unit test that starts a process (a CLI run, Chromium,
// pdftotext, npm) fails at once with a message saying where it belongs, so the lane stays fast and
// `npm run test:unit` never needs dist/ or a browser. Puppeteer starts Chromium through
// child_process.spawn too, so this covers launchBrowser().
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

for (const name of STARTERS) {
  Object.defineProperty(childProcess, name, {
    configurable: true,
    writable: true,
    value: () => {
      throw new Error(
        `child_process.${name}() in a unit test: tests that start a process or a browser belong in test/e2e/`,
      );
    },
  });
}
// Named imports (`import { spawn } from 'node:child_process'`) read the builtin's ESM exports; this
// copies the replacements there too (https://nodejs.org/api/module.html#modulesyncbuiltinesmexports).
syncBuiltinESMExports();
