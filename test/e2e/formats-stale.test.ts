// Every format in one build, then a build with the PDF only: --json names every file the build wrote
// (and nothing else is in the deck folder), and after the second build the other formats' files are gone,
// and deck.json, the index page and --json name only the PDF.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../src/output/manifest.js';
import { runCli, SAMPLE, tempDir } from '../helpers.js';

const SLUG = 'iskp-moscow-plot';
/** One flag per format (the PDF is on by default). */
const EVERY_FORMAT = ['--pptx', '--handout', '--script', '--single-file', '--contact-sheet', '--png', '--thumbnails'];
/** deck.json's fields for a deck's outputs (output/deck-info.ts). */
const OUTPUT_FIELDS = [
  'pdf',
  'handout',
  'pptx',
  'singleFile',
  'png',
  'thumbnail',
  'contactSheet',
  'contactSheetPng',
  'script',
];

let out: string;
let deck: string;
beforeAll(async () => {
  out = await tempDir('briefdeck-formats-stale-');
  deck = path.join(out, SLUG);
});
afterAll(() => rm(out, { recursive: true, force: true }));

type Entry = Record<string, unknown>;

/**
 * The files one --json output entry names: its `file`, and every list of files (`files`, the contact
 * sheet's `png`); and its bytes: `bytes`, plus any other `…Bytes` (the contact sheet's `pngBytes`).
 */
function filesOf(entry: Entry): { files: string[]; bytes: number } {
  const files = Object.entries(entry).flatMap(([key, value]) =>
    key === 'file' && typeof value === 'string'
      ? [value]
      : Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? value
        : [],
  );
  const bytes = Object.entries(entry)
    .filter(([key, value]) => /^bytes$|Bytes$/.test(key) && typeof value === 'number')
    .reduce((sum, [, value]) => sum + (value as number), 0);
  return { files, bytes };
}

/** The files a --json deck entry names (its html and each output's files), with each output's entry. */
function namedFiles(report: Record<string, unknown>): { files: string[]; entries: [string, Entry][] } {
  const entries = Object.entries(report).filter(
    (pair): pair is [string, Entry] => typeof pair[1] === 'object' && pair[1] !== null && !Array.isArray(pair[1]),
  );
  const files = [report.html as string, ...entries.flatMap(([, entry]) => filesOf(entry).files)];
  return { files: files.map((file) => path.resolve(file)).sort(), entries };
}

/** Every file under the deck folder but the deck itself (index.html, deck.json, assets/). */
/** The deck folder's files but deck.json, assets/ and the manifest of an incremental build (which must be there, written last). */
async function outputFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(deck, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const top = path.relative(deck, file).split(path.sep)[0]!;
    if (entry.isFile() && !['deck.json', 'assets', MANIFEST_NAME].includes(top)) files.push(file);
  }
  expect(files.length === 0 || existsSync(path.join(deck, MANIFEST_NAME)), 'the manifest beside complete outputs').toBe(
    true,
  );
  return files.sort();
}

const deckJson = async () =>
  JSON.parse(await readFile(path.join(deck, 'deck.json'), 'utf8')) as Record<string, unknown>;

/** The deck's links on the index page, relative to its folder, each once. */
async function indexLinks(): Promise<string[]> {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
  // The title and "Open deck" both link the deck.
  return [...new Set(hrefs.filter((href) => href.startsWith(`${SLUG}/`)).map((href) => href.slice(SLUG.length + 1)))];
}

describe('every format in one build, then the PDF only', () => {
  it('--json names every file the build wrote, each with its bytes, and the deck folder holds no other', async () => {
    const run = await runCli(['build', SAMPLE, '-o', out, '--json', ...EVERY_FORMAT]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout).decks[0];
    const { files, entries } = namedFiles(report);
    expect(files).toEqual(await outputFiles());
    // Each output says its file(s), a count and its bytes (the files' total).
    for (const [name, entry] of entries) {
      const { files: own, bytes } = filesOf(entry);
      const sizes = await Promise.all(own.map(async (file) => (await stat(file)).size));
      expect(bytes, name).toBe(sizes.reduce((a, b) => a + b, 0));
      // Its count: of pages (PDFs) or of slides.
      expect(typeof (entry.pages ?? entry.slides), `${name}: a count`).toBe('number');
    }
    expect(entries.map(([name]) => name).sort()).toEqual([
      'contactSheet',
      'handout',
      'pdf',
      'png',
      'pptx',
      'script',
      'singleFile',
      'thumbnails',
    ]);
    // deck.json and the index page name each of them.
    const info = await deckJson();
    const recorded = OUTPUT_FIELDS.filter((field) => info[field] !== undefined);
    expect(recorded.sort()).toEqual([
      'contactSheet',
      'contactSheetPng',
      'handout',
      'pdf',
      'png',
      'pptx',
      'script',
      'singleFile',
      'thumbnail',
    ]);
    const links = await indexLinks();
    // Each linked (the contact sheet's PNG is the picture of the sheet its PDF link stands for: not linked),
    // the thumbnail shown.
    const linked = recorded.filter((field) => field !== 'contactSheetPng' && field !== 'thumbnail');
    for (const field of linked)
      expect(links, field).toContainEqual(expect.stringMatching(new RegExp(`^${String(info[field])}/?$`)));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain(
      `<img src="${SLUG}/${String(info.thumbnail)}"`,
    );
  });

  it('a rebuild with the PDF only: the other files are gone; deck.json, the index page and --json name only the PDF', async () => {
    const run = await runCli(['build', SAMPLE, '-o', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout).decks[0];
    const { files, entries } = namedFiles(report);
    expect(entries.map(([name]) => name)).toEqual(['pdf']);
    expect(files).toEqual([path.join(deck, 'index.html'), path.join(deck, `${SLUG}.pdf`)]);
    expect(await outputFiles()).toEqual(files);
    const info = await deckJson();
    expect(OUTPUT_FIELDS.filter((field) => info[field] !== undefined)).toEqual(['pdf']);
    expect((await indexLinks()).sort()).toEqual(['index.html', `${SLUG}.pdf`]);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('<img');
  });
});
