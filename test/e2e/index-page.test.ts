// The index page is made from what the build knows: the decks it wrote, listed as this build's, then,
// under "Earlier builds", the decks an earlier build left in the folder whose deck.json still
// describes the index.html beside it. A deck.json that does not (another tool's, a stale one, one
// of an earlier briefdeck) is not listed, with one warning. deck.json names its content file without
// spelling out folders outside the project. Real CLI runs into one output folder.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

let root: string;
let minimal: string;
let n = 0;
beforeAll(async () => {
  root = await tempDir('briefdeck-index-page-');
  minimal = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** `<n>/project/src/one.md` and the output folder `<n>/project/out`. */
async function project() {
  const dir = path.join(root, String(++n));
  await mkdir(path.join(dir, 'project', 'src'), { recursive: true });
  const one = path.join(dir, 'project', 'src', 'one.md');
  await writeFile(one, minimal.replace('Minimal briefing', 'Briefing one'));
  return { dir, one, out: path.join(dir, 'project', 'out') };
}

const build = (files: string[], out: string) => runCli(['build', ...files, '--out', out, '--no-pdf']);

/** The deck folders linked by the page: those of this build, and those under "Earlier builds". */
async function sections(out: string): Promise<{ current: string[]; earlier: string[] }> {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  const [current = '', earlier = ''] = html.split('<h2 class="earlier">');
  const decks = (part: string) =>
    [...part.matchAll(/<h2 dir="auto"><a href="([^"/]+)\/index\.html">/g)].map((m) => m[1]!);
  return { current: decks(current), earlier: decks(earlier) };
}

describe('two builds of different files into one output folder', () => {
  it('the second, from a file outside the project: its deck.json and the page name no folder outside it', async () => {
    const { dir, one, out } = await project();
    const first = await build([one], out);
    expect(first.code, first.stderr).toBe(0);
    const two = path.join(dir, 'elsewhere', 'private', 'two.md');
    await mkdir(path.dirname(two), { recursive: true });
    await writeFile(two, minimal.replace('Minimal briefing', 'Briefing two'));
    const second = await build([two], out);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toBe('');

    const record = await readFile(path.join(out, 'two', 'deck.json'), 'utf8');
    expect(JSON.parse(record).source).toBe('two.md');
    for (const text of [record, await readFile(path.join(out, 'index.html'), 'utf8')]) {
      expect(text).not.toContain(root);
      expect(text).not.toContain('elsewhere');
      expect(text).not.toContain('private');
    }
    // The file inside the project keeps its path from the deck folder.
    expect(JSON.parse(await readFile(path.join(out, 'one', 'deck.json'), 'utf8')).source).toBe('../../src/one.md');
    // The first deck, not rebuilt, is listed apart from this build's.
    expect(await sections(out)).toEqual({ current: ['two'], earlier: ['one'] });
  });

  it("a briefing that fails this build: its earlier deck stays and is listed under earlier builds, not as this build's", async () => {
    const { one, out } = await project();
    expect((await build([one], out)).code).toBe(0);
    const other = path.join(path.dirname(one), 'other.md');
    await writeFile(other, minimal.replace('Minimal briefing', 'Another briefing'));
    await writeFile(one, minimal.replace('## Summary', '## Summry'));
    const run = await build([one, other], out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/one\.md:\d+: missing the required section "## Summary"/);
    expect(await sections(out)).toEqual({ current: ['other'], earlier: ['one'] });
  });
});

describe('a deck.json that does not describe the deck beside it is not listed', () => {
  const cases: Array<{ name: string; spoil: (deckDir: string) => Promise<unknown>; warning: string }> = [
    {
      name: 'its index.html replaced by another tool',
      spoil: (deckDir) => writeFile(path.join(deckDir, 'index.html'), '<!doctype html><title>Another tool</title>'),
      warning: 'its index.html is not the one briefdeck wrote with it (changed or replaced since)',
    },
    {
      name: 'its index.html gone (a half-copied folder)',
      spoil: (deckDir) => rm(path.join(deckDir, 'index.html')),
      warning: 'its index.html does not exist',
    },
    {
      name: 'written by an earlier briefdeck (no record of its index.html)',
      spoil: async (deckDir) => {
        const file = path.join(deckDir, 'deck.json');
        const { html: _, ...older } = JSON.parse(await readFile(file, 'utf8'));
        await writeFile(file, JSON.stringify(older));
      },
      warning: 'written by an earlier briefdeck (it does not record its index.html)',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { one, out } = await project();
      expect((await build([one], out)).code).toBe(0);
      await c.spoil(path.join(out, 'one'));
      const other = path.join(path.dirname(one), 'other.md');
      await writeFile(other, minimal.replace('Minimal briefing', 'Another briefing'));
      const run = await build([other], out);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        `${path.join(out, 'one', 'deck.json')}: warning: ${c.warning}: not listed on the index page (build its briefing again to rewrite it)`,
      ]);
      expect(await sections(out)).toEqual({ current: ['other'], earlier: [] });
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('Briefing one');
    });
  }
});
