// The CLI helper itself: a hung build must fail its test quickly and clearly, and leave nothing running.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_MARGIN_MS } from '../timeouts.js';
import { exitsWithin, runCli, tempDir } from '../helpers.js';

describe('runCli', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('kills a run that would outlast the test, with the processes it started, and fails with its output', async () => {
    // A stand-in for a build stuck in its browser: it starts a child of its own, says so, then never ends.
    const hung = path.join(dir, 'hung.mjs');
    const pidFile = path.join(dir, 'grandchild.pid');
    await writeFile(
      hung,
      `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
// Detached, in a process group of its own, as Puppeteer starts Chromium.
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', detached: true });
writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
console.log('rendering deck');
console.error('printing PDF');
setInterval(() => {}, 1000);
`,
    );
    const started = Date.now();
    const run = runCli(['build', 'content'], { cli: hung });
    await expect(run).rejects.toThrow(/^briefdeck build content did not finish within \d+ s and was killed/);
    await expect(run).rejects.toThrow(/--- stdout ---\nrendering deck\n[\s\S]*--- stderr ---\nprinting PDF/);
    // It gave up before vitest's limit for this test (12 s), not after.
    expect(Date.now() - started).toBeLessThan(12_000 - CLI_MARGIN_MS / 2);
    // Killed with the CLI, though the kernel may take a moment to reap it.
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    expect(await exitsWithin(grandchild, 4_000), `process ${grandchild} still running`).toBe(true);
  }, 12_000);

  it('returns the exit code and output of a run that ends', async () => {
    const script = path.join(dir, 'ends.mjs');
    await writeFile(script, "console.log('out'); console.error('err'); process.exitCode = 3;\n");
    expect(await runCli([], { cli: script })).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
  });
});
