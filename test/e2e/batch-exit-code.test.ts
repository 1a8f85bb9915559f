// A batch in which briefings fail in different ways exits with the code of the worst failure
// (errors.ts batchExitCode), not of the first file's: the same failures exit the same way in
// either file order.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const GOOD = '---\ntitle: Good\n---\n## Summary\n\n- a\n\n## Implications\n\n- b\n\n## Recommendations\n\n- c\n';
const BAD = '---\ntitle: [a list]\n---\n## Summary\n\n- a\n';
const BAD_LINE = /^content\/\w+\.md:2: front matter: "title" should be a string, not an array — /m;

describe('the exit code of a batch does not depend on file order', () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir('briefdeck-batch-exit-');
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** A project with these content files; `blocked` names a deck whose output folder is a file (it cannot be written). */
  async function project(name: string, files: Record<string, string>, blocked?: string): Promise<string> {
    const dir = path.join(work, name);
    await mkdir(path.join(dir, 'content'), { recursive: true });
    await mkdir(path.join(dir, 'out'));
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, 'content', file), text);
    if (blocked) await writeFile(path.join(dir, 'out', blocked), 'a file where the deck folder goes');
    return dir;
  }

  // Files are built in name order: the bad briefing first, then last.
  it.each([
    ['the bad briefing first', { 'a.md': BAD, 'b.md': GOOD }, 'b'],
    ['the bad briefing last', { 'a.md': GOOD, 'b.md': BAD }, 'a'],
  ])('a content error and an output folder that cannot be written exit 4, %s', async (name, files, blocked) => {
    const dir = await project(name.replace(/\W+/g, '-'), files, blocked);
    const run = await runCli(['build', 'content', '--out', 'out', '--no-pdf'], { cwd: dir });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(BAD_LINE);
    expect(run.stderr).toMatch(new RegExp(`^cannot write out/${blocked}/ \\(ENOTDIR\\) — `, 'm'));
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });

  it.each([
    ['the bad briefing first', { 'a.md': BAD, 'b.md': GOOD }],
    ['the bad briefing last', { 'a.md': GOOD, 'b.md': BAD }],
  ])('a content error and a PDF that failed exit 1 (the HTML of the good deck is written), %s', async (name, files) => {
    const dir = await project(`pdf-${name.replace(/\W+/g, '-')}`, files);
    const run = await runCli(['build', 'content', '--out', 'out', '--browser', '/bin/true'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(BAD_LINE);
    expect(run.stderr).toMatch(/^the browser set by --browser failed to start: \/bin\/true/m);
  });
});
