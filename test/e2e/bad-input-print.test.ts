// Numbers a user can type into the printing options, through the CLI as users run it (dist/bin/main.js).
// A value that would reach a timer or a size out of range is a usage error: ONE line naming the option
// and its range, exit 2, nothing built, and the earlier good output left byte-identical.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, runCli, SAMPLE, tempDir } from '../helpers.js';

const SLUG = 'iskp-moscow-plot';

interface UsageCase {
  name: string;
  args: string[];
  /** The one line on stderr. */
  error: string;
}

const usageCases: UsageCase[] = [
  // Node's timers hold 2^31 - 1 ms: 2,147,484 s used to fire at once and fail every PDF "after" 0 ms.
  {
    name: '--timeout past the timer limit',
    args: ['--timeout', '2147484'],
    error: "option '--timeout <seconds>' argument '2147484' is invalid. a whole number from 1 to 2147483",
  },
  {
    name: '--timeout 1e12',
    args: ['--timeout', '1e12'],
    error: "option '--timeout <seconds>' argument '1e12' is invalid. a whole number from 1 to 2147483",
  },
  {
    name: '--timeout 0',
    args: ['--timeout', '0'],
    error: "option '--timeout <seconds>' argument '0' is invalid. a whole number from 1 to 2147483",
  },
  {
    name: '--timeout not a number',
    args: ['--timeout', 'soon'],
    error: "option '--timeout <seconds>' argument 'soon' is invalid. a whole number from 1 to 2147483",
  },
  {
    name: '--concurrency 1e9',
    args: ['--concurrency', '1e9'],
    error: "option '-j, --concurrency <n>' argument '1e9' is invalid. a whole number from 1 to 64",
  },
  {
    name: '--concurrency 65',
    args: ['-j', '65'],
    error: "option '-j, --concurrency <n>' argument '65' is invalid. a whole number from 1 to 64",
  },
  {
    name: '--concurrency 0',
    args: ['-j', '0'],
    error: "option '-j, --concurrency <n>' argument '0' is invalid. a whole number from 1 to 64",
  },
];

describe(`bad printing options: one usage line, exit 2, the earlier output untouched (${usageCases.length} cases)`, () => {
  let out: string;
  let before: { html: Buffer; pdf: Buffer };

  beforeAll(async () => {
    out = await tempDir();
    const good = await runCli(['build', SAMPLE, '--out', out]);
    expect(good.code, good.stderr).toBe(0);
    before = {
      html: await readFile(path.join(out, SLUG, 'index.html')),
      pdf: await readFile(path.join(out, SLUG, `${SLUG}.pdf`)),
    };
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  for (const c of usageCases) {
    it(c.name, async () => {
      const run = await runCli(['build', SAMPLE, '--out', out, ...c.args]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toEqual([`error: ${c.error} (run briefdeck --help for usage)`]);
      expect(run.stdout).toBe('');
      expect((await readFile(path.join(out, SLUG, 'index.html'))).equals(before.html)).toBe(true);
      expect((await readFile(path.join(out, SLUG, `${SLUG}.pdf`))).equals(before.pdf)).toBe(true);
    });
  }

  it('serve --port out of range is one usage line too', async () => {
    const run = await runCli(['serve', SAMPLE, '--port', '70000']);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      "error: option '-p, --port <number>' argument '70000' is invalid. a port is a whole number from 0 to 65535 (run briefdeck --help for usage)",
    ]);
  });

  it('the largest --timeout prints as usual', async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(out, 'longest'), '--timeout', '2147483']);
    expect(run.code, run.stderr).toBe(0);
    expect(Number(pdfInfo(path.join(out, 'longest', SLUG, `${SLUG}.pdf`)).Pages)).toBe(10);
  });
});
