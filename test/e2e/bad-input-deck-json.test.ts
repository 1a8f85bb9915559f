// deck.json files of another shape in the output folder (another version, another tool, a crash, a
// user's edit, something a file system can hold), run through the CLI as users run it. The index page
// lists this build's decks from memory and, for the other deck folders, reads their deck.json: one it
// cannot use is left out with ONE warning line naming it, never an internal error, and the deck being
// built is written and listed as usual. The index page names content files by their file name only:
// no absolute path.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

/** A deck.json as briefdeck writes it for a deck in the folder `slug`. */
const info = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  title: 'Old briefing',
  date: '2026-01-01',
  draft: false,
  slides: 5,
  source: '../../src/old.md',
  ...extra,
});
const json = (value: unknown) => JSON.stringify(value);

/** An earlier build's deck in `<out>/<slug>`: an index.html and the deck.json that records it. */
async function earlierDeck(out: string, slug: string, extra: Record<string, unknown> = {}) {
  const html = `<!doctype html><title>${slug}</title>`;
  const fingerprint = `sha256-${createHash('sha256').update(html).digest('hex')}`;
  await mkdir(path.join(out, slug), { recursive: true });
  await writeFile(path.join(out, slug, 'index.html'), html);
  await writeFile(path.join(out, slug, 'deck.json'), json(info(slug, { html: fingerprint, ...extra })));
}

interface ForeignCase {
  name: string;
  /** Writes `<out>/foreign/deck.json` (or something else named so). */
  write: (file: string) => Promise<unknown>;
  /** The problem the warning names, before ": not listed on the index page". */
  warning: RegExp;
}

const write = (contents: string | Buffer) => (file: string) => writeFile(file, contents);

const foreign: ForeignCase[] = [
  { name: 'an array', write: write('[]'), warning: /^not a briefdeck deck\.json \(an array, not an object\)$/ },
  {
    name: 'null',
    write: write('null'),
    warning: /^not a briefdeck deck\.json \(Invalid input: expected object, received null\)$/,
  },
  {
    name: 'a string',
    write: write('"deck"'),
    warning: /^not a briefdeck deck\.json \(Invalid input: expected object, received string\)$/,
  },
  {
    name: 'an empty object',
    write: write('{}'),
    warning: /^not a briefdeck deck\.json \("slug": Invalid input: expected string, received undefined\)$/,
  },
  {
    name: 'a slug with a line break',
    write: write(json(info('foreign\nat line two'))),
    warning: /^the deck\.json of another folder \(its slug is not "foreign"\)$/,
  },
  {
    name: 'a title that is a number',
    write: write(json(info('foreign', { title: 5 }))),
    warning: /^not a briefdeck deck\.json \("title": Invalid input: expected string, received number\)$/,
  },
  {
    name: 'a title that is a list',
    write: write(json(info('foreign', { title: ['a', 'b'] }))),
    warning: /"title": Invalid input: expected string, received array/,
  },
  {
    name: 'slides written as text',
    write: write(json(info('foreign', { slides: 'ten' }))),
    warning: /"slides": Invalid input: expected number, received string/,
  },
  {
    name: 'a negative number of slides',
    write: write(json(info('foreign', { slides: -3 }))),
    warning: /"slides": Too small: expected number to be >=0/,
  },
  {
    name: 'a date that is markup',
    write: write(json(info('foreign', { date: '"><b>x</b>' }))),
    warning: /"date": Invalid input/,
  },
  {
    name: 'a date that is a number',
    write: write(json(info('foreign', { date: 20260101 }))),
    warning: /"date": Invalid input: expected string, received number/,
  },
  {
    name: 'a PDF outside the deck folder',
    write: write(json(info('foreign', { pdf: '../../secret.pdf' }))),
    warning: /"pdf": Invalid input: expected a PDF file name/,
  },
  {
    name: 'the deck.json of another folder (copied)',
    write: write(json(info('elsewhere'))),
    warning: /^the deck\.json of another folder \(its slug is not "foreign"\)$/,
  },
  { name: 'cut off (not JSON)', write: write('{ "slug": "foreign", "tit'), warning: /^not JSON$/ },
  {
    name: 'binary bytes',
    write: write(Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256))),
    warning: /^not JSON$/,
  },
  { name: 'a byte-order mark before the JSON', write: write(`\uFEFF${json(info('foreign'))}`), warning: /^not JSON$/ },
  {
    name: '2 MB (valid JSON)',
    write: write(json(info('foreign', { title: 'x'.repeat(2 * 1024 * 1024) }))),
    warning: /^too big for a deck\.json \(\d+ bytes\)$/,
  },
  { name: 'a folder named deck.json', write: (file) => mkdir(file), warning: /^not a file$/ },
  {
    name: 'a named pipe called deck.json (reading it would wait forever)',
    write: async (file) => expect(spawnSync('mkfifo', [file]).status).toBe(0),
    warning: /^not a file$/,
  },
];

let root: string;
let n = 0;
let briefing: string;
beforeAll(async () => {
  root = await tempDir('briefdeck-bad-deck-json-');
  briefing = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A fresh folder with the content file `src/brief.md` and an output folder `out/`. */
async function workspace() {
  const dir = path.join(root, String(++n));
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const source = path.join(dir, 'src', 'brief.md');
  await writeFile(source, briefing);
  return { dir, source, out: path.join(dir, 'out') };
}

const build = (source: string, out: string) => runCli(['build', source, '--out', out, '--no-pdf']);
const indexOf = (out: string) => readFile(path.join(out, 'index.html'), 'utf8');
const listed = (html: string) => [...html.matchAll(/<h2 dir="auto"><a href="([^"]+)">/g)].map((m) => m[1]);

describe(`a deck.json the index page cannot use: one warning, exit 0, the deck built and listed (${foreign.length} cases)`, () => {
  for (const c of foreign) {
    it(c.name, async () => {
      const { source, out } = await workspace();
      await mkdir(path.join(out, 'foreign'), { recursive: true });
      const file = path.join(out, 'foreign', 'deck.json');
      await c.write(file);
      const run = await build(source, out);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      const m = /^(.+?): warning: (.+): not listed on the index page \(build its briefing again to rewrite it\)$/.exec(
        lines[0]!,
      );
      expect(m, lines[0]).not.toBeNull();
      expect(m![1]).toBe(file);
      expect(m![2]).toMatch(c.warning);
      const html = await indexOf(out);
      expect(listed(html)).toEqual(['brief/index.html']);
      expect(html).not.toContain(root);
    });
  }
});

describe('deck.json files the index page can use', () => {
  it('one of an earlier version, with an absolute source path: listed by its file name only, no absolute path on the page', async () => {
    const { source, out } = await workspace();
    const secret = path.join(root, 'private', 'plans', 'older.md');
    await earlierDeck(out, 'older', { source: secret, pdf: 'older.pdf' });
    const run = await build(source, out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const html = await indexOf(out);
    expect(listed(html)).toEqual(['brief/index.html', 'older/index.html']);
    expect(html).toContain('<span class="deck__source">older.md</span>');
    expect(html).toContain('<span class="deck__source">brief.md</span>');
    expect(html).not.toContain(root);
    expect(html).not.toContain('private');
    // And the deck.json this build wrote names its source without an absolute path either.
    const written = JSON.parse(await readFile(path.join(out, 'brief', 'deck.json'), 'utf8'));
    expect(written.source).toBe('../../src/brief.md');
  });

  it('one with fields of a later version, and a folder with no deck.json: the first listed, the second ignored, no warning', async () => {
    const { source, out } = await workspace();
    await earlierDeck(out, 'newer', { language: 'en', outputs: { pdf: 'newer.pdf' } });
    await mkdir(path.join(out, 'notes'), { recursive: true });
    await writeFile(path.join(out, 'notes', 'readme.txt'), 'not a deck');
    const run = await build(source, out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(listed(await indexOf(out))).toEqual(['brief/index.html', 'newer/index.html']);
  });
});
