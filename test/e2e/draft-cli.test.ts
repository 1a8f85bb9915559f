import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, tempDir } from '../helpers.js';
import { ARTICLES, fixtures } from '../draft/helpers.js';

// The CLI runs from dist/ (compiled by `npm test`'s pretest, or `npm run -s compile`; test/lanes/dist-is-current.ts checks it).
const SEED = path.join(ARTICLES, 'seed-article.txt');

describe('briefdeck draft', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir('briefdeck-draft-');
  });

  it('writes content/<slug>.md by default and says what it drafted', async () => {
    const result = await runCli(['draft', SEED], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^drafted content\/seed-article\.md: a bottom line, \d summary bullets, \d+ implications, 10 recommendations, a quote\./,
    );
    expect(result.stderr).toMatch(/seed-article\.txt: warning: the article has no headline/);
    const text = await readFile(path.join(cwd, 'content', 'seed-article.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: /);
    expect(text).toContain('\ndraft: true\n');
  });

  it('refuses to overwrite without --force: one line naming the file, exit 1, file untouched', async () => {
    const file = path.join(cwd, 'content', 'seed-article.md');
    await writeFile(file, 'edited by hand\n');
    const result = await runCli(['draft', SEED], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'content/seed-article.md: already exists — pass --force to overwrite it, or choose another file with -o <file>',
    ]);
    expect(await readFile(file, 'utf8')).toBe('edited by hand\n');

    const forced = await runCli(['draft', SEED, '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^---\ntitle: /);
  });

  it('refuses an existing -o file too, and writes a new one', async () => {
    await writeFile(path.join(cwd, 'mine.md'), 'x');
    const refused = await runCli(['draft', SEED, '-o', 'mine.md'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'mine.md: already exists — pass --force to overwrite it, or choose another file with -o <file>',
    );
    const written = await runCli(['draft', SEED, '-o', 'briefings/new.md'], { cwd });
    expect(written.code).toBe(0);
    expect(existsSync(path.join(cwd, 'briefings', 'new.md'))).toBe(true);
    // No temporary files left behind.
    expect(await readdir(path.join(cwd, 'briefings'))).toEqual(['new.md']);
  });

  it('reads the article from stdin with -, naming the file after its headline', async () => {
    const input = fixtures.find((f) => f.name === 'water-utilities-cyber.md')!.text;
    const result = spawnSync(process.execPath, [CLI, 'draft', '-'], { cwd, input, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const out = 'content/small-water-utilities-are-the-soft-underbelly-of-critical-infrastructure.md';
    expect(result.stdout).toContain(`drafted ${out}`);
    const text = await readFile(path.join(cwd, out), 'utf8');
    expect(text).toContain('title: "Small Water Utilities Are the Soft Underbelly of Critical Infrastructure"');
    expect(text).toContain('Drafted by briefdeck from standard input');
  });

  it('says what is wrong with an unusable input, in one line, exit 1', async () => {
    const missing = await runCli(['draft', 'nope.txt'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('nope.txt: no such article — check the path');
    await writeFile(path.join(cwd, 'article.pdf'), 'x');
    const pdf = await runCli(['draft', 'article.pdf'], { cwd });
    expect(pdf.code).toBe(1);
    expect(pdf.stderr.trim()).toBe(
      'article.pdf: cannot draft from a ".pdf" file — give a .txt, .md or .html article, or pipe it in with `-`',
    );
    const empty = spawnSync(process.execPath, [CLI, 'draft', '-'], { cwd, input: '', encoding: 'utf8' });
    expect(empty.status).toBe(1);
    expect(empty.stderr.trim()).toBe(
      'stdin: standard input is empty — pipe the article in, e.g. `briefdeck draft - < article.txt`',
    );
  });

  it("every fixture's draft turns into a deck with no edits (briefdeck build --no-pdf)", async () => {
    const dir = await tempDir('briefdeck-drafts-');
    for (const fixture of fixtures) {
      const result = await runCli(
        ['draft', fixture.file, '-o', path.join(dir, 'content', `${path.parse(fixture.name).name}.md`)],
        { cwd: dir },
      );
      expect(result.code, result.stderr).toBe(0);
    }
    const build = await runCli(['build', 'content', '--no-pdf', '--out', 'out'], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toContain(`${fixtures.length} decks built`);
    // The only warnings are the empty recommendations sections of the articles labelled as making
    // none: every other section of every draft has content.
    const none = fixtures.filter((f) => f.expected.recommendations.length === 0).map((f) => path.parse(f.name).name);
    expect(none.length).toBeGreaterThan(0);
    expect(build.stderr.trim().split('\n').sort()).toEqual(
      none
        .sort()
        .map((name) =>
          expect.stringMatching(
            new RegExp(`^content/${name}\\.md:\\d+: warning: the "Recommendations" section is empty`),
          ),
        ),
    );
    const html = await readFile(path.join(dir, 'out', 'seed-article', 'index.html'), 'utf8');
    expect(html).toContain('DRAFT');
    expect(html).toContain('We invite terrorism by ignoring them.');
  });
});
