import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, leftIn, SAMPLE, startCli, tempDir } from '../helpers.js';

/**
 * Faults while printing, from outside: the browser killed in the middle of a
 * batch, a handout or serve's print on request; Ctrl-C and SIGTERM. Every CLI
 * here runs with a private TMPDIR, so that what the browser leaves in the
 * temporary folder can be counted.
 */

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dir(prefix: string): Promise<string> {
  const made = await tempDir(prefix);
  cleanup.push(made);
  return made;
}

/** A folder of `count` copies of the sample, titled apart. */
async function decks(count: number): Promise<string> {
  const content = await dir('briefdeck-content-');
  const text = await readFile(SAMPLE, 'utf8');
  for (let i = 1; i <= count; i++)
    await writeFile(path.join(content, `deck-${i}.md`), text.replace(/^title: .*$/m, `title: Deck ${i}`));
  return content;
}

/** The browser's main process: the CLI's own child (Puppeteer spawns it directly). */
function browserPids(cli: number): string[] {
  return spawnSync('pgrep', ['-P', String(cli)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
}

function killBrowser(cli: number): void {
  const pids = browserPids(cli);
  expect(pids.length, 'a browser under the CLI').toBeGreaterThan(0);
  for (const pid of pids) spawnSync('kill', ['-9', pid]);
}

describe('the browser killed in the middle of a build', () => {
  it('is started again: every deck still gets its PDF, the index page is written, one warning says so, and no profile is left', async () => {
    const content = await decks(6);
    const out = await dir('briefdeck-out-');
    const tmp = await dir('briefdeck-tmp-');
    const run = startCli(['build', content, '--out', out, '--concurrency', '2'], { TMPDIR: tmp });
    await run.waitFor(/^\[1\/6\] /m);
    killBrowser(run.child.pid!);
    expect(await run.exit, run.output()).toBe(0);
    for (let i = 1; i <= 6; i++)
      expect(existsSync(path.join(out, `deck-${i}`, `deck-${i}.pdf`)), `deck-${i}.pdf`).toBe(true);
    expect(run.output().match(/^\[\d\/6\] /gm)).toHaveLength(6);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const warnings = run
      .output()
      .split('\n')
      .filter((line) => line.includes('warning:'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    for (const line of warnings)
      expect(line).toMatch(
        new RegExp(
          `^${content}/deck-\\d\\.md: warning: the browser quit while printing this deck; started a new one to retry it and print the rest$`,
        ),
      );
    expect(run.output()).not.toMatch(/internal error/);
    expect(await leftIn(tmp)).toEqual([]);
  });

  it('when it cannot be started again, names each deck left unprinted in one line, finishes the rest, writes the index page, exit 3', async () => {
    const content = await decks(6);
    const out = await dir('briefdeck-out-');
    const tmp = await dir('briefdeck-tmp-');
    // A browser "executable" that starts the real one the first time only.
    const real = spawnSync(process.execPath, [CLI, 'browser'], { encoding: 'utf8' }).stdout.split(' (')[0]!.trim();
    const bin = await dir('briefdeck-bin-');
    const marker = path.join(bin, 'launched');
    const once = path.join(bin, 'chrome-once');
    await writeFile(
      once,
      `#!/bin/sh\nif [ -e '${marker}' ]; then echo 'no second start' >&2; exit 1; fi\ntouch '${marker}'\nexec '${real}' "$@"\n`,
    );
    await chmod(once, 0o755);
    const run = startCli(['build', content, '--out', out, '--browser', once, '--concurrency', '1'], { TMPDIR: tmp });
    await run.waitFor(/^\[1\/6\] /m);
    killBrowser(run.child.pid!);
    expect(await run.exit, run.output()).toBe(3);
    const printed = [1, 2, 3, 4, 5, 6].filter((i) => existsSync(path.join(out, `deck-${i}`, `deck-${i}.pdf`)));
    expect(printed.length).toBeGreaterThanOrEqual(1);
    const errors = run
      .output()
      .split('\n')
      .filter((line) => /could not be started again/.test(line));
    // Every deck without a PDF is named, once, in one line.
    const unprinted = [1, 2, 3, 4, 5, 6].filter((i) => !printed.includes(i));
    expect(errors.map((line) => /deck-(\d)\.md: /.exec(line)?.[1]).sort()).toEqual(unprinted.map(String));
    for (const line of errors)
      expect(line).toMatch(
        new RegExp(
          `^${content}/deck-\\d\\.md: .*the browser quit and could not be started again: the browser set by --browser failed to start: .*/chrome-once: .* — `,
        ),
      );
    expect(run.output()).toMatch(new RegExp(`, ${unprinted.length} failed`));
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(run.output()).not.toMatch(/internal error/);
    expect(await leftIn(tmp)).toEqual([]);
  });

  it('while it prints a handout: the handout is retried in a new browser, every PDF and handout is written', async () => {
    const content = await decks(3);
    const out = await dir('briefdeck-out-');
    const tmp = await dir('briefdeck-tmp-');
    const run = startCli(['build', content, '--out', out, '--handout', '--concurrency', '1'], { TMPDIR: tmp });
    // One tab: right after a deck's PDF, the same worker prints its handout.
    await run.waitFor(/^\[1\/3\] /m);
    killBrowser(run.child.pid!);
    expect(await run.exit, run.output()).toBe(0);
    for (let i = 1; i <= 3; i++) {
      expect(existsSync(path.join(out, `deck-${i}`, `deck-${i}.pdf`)), `deck-${i}.pdf`).toBe(true);
      expect(existsSync(path.join(out, `deck-${i}`, `deck-${i}-handout.pdf`)), `deck-${i}-handout.pdf`).toBe(true);
    }
    expect(run.output().match(/^handout /gm)).toHaveLength(3);
    expect(await leftIn(tmp)).toEqual([]);
  });
});

describe('Ctrl-C and SIGTERM while printing', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s leaves no browser profile or other temporary folder behind', async (signal, code) => {
    const content = await decks(6);
    const out = await dir('briefdeck-out-');
    const tmp = await dir('briefdeck-tmp-');
    const run = startCli(['build', content, '--out', out], { TMPDIR: tmp });
    await run.waitFor(/^\[1\/6\] /m);
    expect((await readdir(tmp)).length, 'the browser keeps its profile in TMPDIR while printing').toBeGreaterThan(0);
    run.child.kill(signal);
    expect(await run.exit).toBe(code);
    expect(await leftIn(tmp)).toEqual([]);
  });
});

describe('serve: the browser for PDFs on request', () => {
  it('is started again on the next request after it dies, and Ctrl-C leaves no profile behind', async () => {
    const work = await dir('briefdeck-serve-');
    await mkdir(path.join(work, 'content'));
    await writeFile(path.join(work, 'content', 'brief.md'), await readFile(SAMPLE, 'utf8'));
    const tmp = await dir('briefdeck-tmp-');
    const run = startCli(['serve', 'content', '--port', '0'], { TMPDIR: tmp }, work);
    try {
      await run.waitFor(/serving http:\/\/\S+ /);
      const url = /serving (http:\/\/\S+) /.exec(run.output())![1]!;
      expect((await fetch(`${url}brief/brief.pdf`)).status).toBe(200);
      killBrowser(run.child.pid!);
      // A change makes the PDF stale, so that the next request prints it again.
      await writeFile(
        path.join(work, 'content', 'brief.md'),
        (await readFile(SAMPLE, 'utf8')).replace(/^title: .*$/m, 'title: Printed again'),
      );
      await run.waitFor(/built +brief .*\n[\s\S]*built +brief /);
      const again = await fetch(`${url}brief/brief.pdf`);
      expect(again.status, await again.clone().text()).toBe(200);
      expect(
        Buffer.from(await again.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(browserPids(run.child.pid!).length, 'a new browser').toBeGreaterThan(0);
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(0);
      expect(await leftIn(tmp)).toEqual([]);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
