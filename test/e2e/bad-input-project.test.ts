// Bad input to `briefdeck new`: one error line naming the file (and line) with a hint, exit 1,
// and nothing written or lost: an existing briefing stays byte-identical.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

describe('briefdeck new with bad input', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('briefdeck-new-');
    await mkdir(path.join(dir, 'content'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => runCli(['new', ...args], { cwd: dir });

  it('refuses to overwrite a briefing', async () => {
    const file = path.join(dir, 'content', 'existing-briefing.md');
    await writeFile(file, 'my own work\n');
    const result = await run('Existing briefing');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${path.join('content', 'existing-briefing.md')}: already exists — pass --force to overwrite it, or choose another file with -o <file>`,
    ]);
    expect(await readFile(file, 'utf8')).toBe('my own work\n');
  });

  it('names the line of a marking that is not a TLP 2.0 label, and writes nothing', async () => {
    const result = await run('Marked briefing', '--marking', 'TLP:WHITE');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^content\/marked-briefing\.md:\d+: front matter: "marking" must be TLP:CLEAR, not TLP:WHITE \(renamed in TLP 2\.0\) — /,
    );
    expect(await readdir(path.join(dir, 'content'))).not.toContain('marked-briefing.md');
  });

  it('refuses a template that does not exist, and writes nothing', async () => {
    const result = await run('Templated briefing', '--template', 'no-such-template');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toBe('unknown template "no-such-template" — use one of: dark, default, print');
    expect(await readdir(path.join(dir, 'content'))).not.toContain('templated-briefing.md');
  });

  it('refuses a title with nothing to name the file after', async () => {
    const result = await run('???');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'briefdeck new: the title "???" has no letters or digits to name the file after — give a title with some, or choose the file with -o <file>',
    ]);
  });
});
