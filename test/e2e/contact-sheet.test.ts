import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { planSlides } from '../../src/deck/plan.js';
import { Labels } from '../../src/labels/index.js';

const DRAFT_NOTICE = new Labels({ lang: 'en' }).text('draftNotice');
import { escapeRegExp, pdfInfo, pdfText, ROOT, runCli, SAMPLE, tempDir } from '../helpers.js';

/**
 * --contact-sheet: every slide of the deck, numbered, on landscape sheets with the marking at the top
 * and bottom of each, read back with pdftotext (-bbox for where the words are) and pdfinfo.
 */

let work: string;
let content: string;
let out: string;
const ARABIC = path.join(ROOT, 'examples', 'international', 'iskp-moscow-plot-ar.md');
const MM = 72 / 25.4; // PDF points in a millimetre

/** A briefing long enough for several sheets: the sample's front matter, 26 implications of a slide each. */
function longBriefing(sample: string): string {
  const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(sample)![0];
  const implications = Array.from(
    { length: 26 },
    (_, i) => `### Point ${i + 1}\n\nFinding number ${i + 1} of the long review deck.\n`,
  );
  return `${frontMatter}\n## Summary\n\nA long deck for the reviewer.\n\n## Implications\n\n${implications.join('\n')}\n## Recommendations\n\n- Read every sheet.\n`;
}

/** Slide labels of a content file, as the planner makes them. */
async function labels(file: string): Promise<string[]> {
  const { briefing } = parseBriefing(await readFile(file, 'utf8'), file);
  return planSlides(briefing, { maxItemsPerSlide: 5 }).map((slide) => slide.label);
}

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** The words of one page with their boxes (points from the top left), and the page's size. */
function words(file: string, page: number): { words: Word[]; width: number; height: number } {
  const bbox = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'], {
    encoding: 'utf8',
  }).stdout;
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(bbox)!;
  const list = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(
    (m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }),
  );
  return { words: list, width: Number(size[1]), height: Number(size[2]) };
}

/**
 * The slide numbers under the thumbnails: digits in caption type (10.5 px, a word box about 11 pt high;
 * not a date or a page number inside a slide, drawn smaller), between the header and the footer.
 */
function captionNumbers(page: ReturnType<typeof words>): Word[] {
  return page.words.filter((word) => {
    const height = word.y1 - word.y0;
    return /^\d+$/.test(word.text) && height > 9 && height < 13 && word.y0 > 20 * MM && word.y1 < page.height - 20 * MM;
  });
}

/** The caption numbers row by row, each row left to right (right to left when `rtl`). */
function inReadingOrder(numbers: Word[], rtl = false): string[] {
  return [...numbers]
    .sort((a, b) => Math.round(a.y0 - b.y0) || (rtl ? b.x0 - a.x0 : a.x0 - b.x0))
    .map((word) => word.text);
}

/** Reads a PNG's pixel size from its IHDR chunk. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const sheet = (slug: string, suffix = '.pdf') => path.join(out, slug, `${slug}-contact${suffix}`);

/** Checks every page of a contact sheet: `marks` at the top and the bottom, the page number; returns each page's text. */
function checkPages(file: string, marks: string[]): string[] {
  const pages = Number(pdfInfo(file).Pages);
  return Array.from({ length: pages }, (_, i) => {
    const page = words(file, i + 1);
    const where = `${path.basename(file)} page ${i + 1}`;
    for (const mark of marks) {
      const at = page.words.filter((word) => word.text === mark);
      expect(
        at.some((word) => word.y1 < 12 * MM),
        `${where}: ${mark} at the top`,
      ).toBe(true);
      expect(
        at.some((word) => word.y0 > page.height - 12 * MM),
        `${where}: ${mark} at the bottom`,
      ).toBe(true);
    }
    const text = pdfText(file, i + 1);
    expect(text, `${where}: its page number`).toMatch(new RegExp(`^page ${i + 1} / ${pages}$`, 'm'));
    return text;
  });
}

beforeAll(async () => {
  work = await tempDir();
  content = path.join(work, 'content');
  out = path.join(work, 'out');
  await mkdir(content);
  const sample = await readFile(SAMPLE, 'utf8');
  await writeFile(path.join(content, 'brief.md'), sample);
  await writeFile(path.join(content, 'long.md'), longBriefing(sample));
  await writeFile(path.join(content, 'draft.md'), sample.replace(/^marking: .*\n/m, '$&draft: true\n'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('--contact-sheet', () => {
  let json: { decks: { slug: string; contactSheet?: { file: string; pages: number; png: string[] } }[] };
  beforeAll(async () => {
    const run = await runCli(
      [
        'build',
        ...['brief', 'long', 'draft'].map((name) => path.join(content, `${name}.md`)),
        ARABIC,
        '--out',
        out,
        '--contact-sheet',
        '--json',
      ],
      { timeoutMs: 170_000 },
    );
    expect(run.code, run.stderr).toBe(0);
    json = JSON.parse(run.stdout);
  }, 180_000);

  it('puts every slide of the sample on one A4 landscape page, each numbered with its title', async () => {
    const file = sheet('brief');
    const info = pdfInfo(file);
    expect(info['Page size']).toMatch(/^841\.\d+ x 594\.\d+ pts \(A4\)$/);
    expect(info.Pages).toBe('1');
    expect(info.Title).toBe('ISKP plot disrupted in Moscow (contact sheet)');
    const deck = await labels(path.join(content, 'brief.md'));
    const [text] = checkPages(file, ['TLP:CLEAR']);
    expect(text).toContain('ISKP plot disrupted in Moscow');
    expect(text).toContain('29 November 2026 · 10 slides');
    deck.forEach((label, index) => {
      expect(text).toMatch(new RegExp(`^${index + 1} ${escapeRegExp(label)}$`, 'm'));
    });
    // The slides are vector: their own text is on the sheet (the summary's bottom line), not a picture of it.
    expect(text).toContain("Russia's FSB killed an ISKP-linked man in Moscow");
    // Numbered left to right, top to bottom, four across.
    const numbers = captionNumbers(words(file, 1));
    expect(inReadingOrder(numbers)).toEqual(deck.map((_, index) => String(index + 1)));
    const at = (n: number) => numbers.find((word) => word.text === String(n))!;
    expect(at(1).x0).toBeLessThan(at(2).x0);
    expect(at(4).y0).toBe(at(1).y0);
    expect(at(5).y0).toBeGreaterThan(at(4).y1);
  });

  it('writes the sheet as a PNG at 192 dpi, and names both in deck.json and --json', async () => {
    expect(await pngSize(sheet('brief', '.png'))).toEqual({ width: 2246, height: 1588 });
    const record = JSON.parse(await readFile(path.join(out, 'brief', 'deck.json'), 'utf8'));
    expect(record).toMatchObject({ contactSheet: 'brief-contact.pdf', contactSheetPng: 'brief-contact.png' });
    expect(json.decks.find((deck) => deck.slug === 'brief')!.contactSheet).toEqual({
      file: sheet('brief'),
      pages: 1,
      bytes: expect.any(Number),
      png: [sheet('brief', '.png')],
      pngBytes: expect.any(Number),
    });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('href="brief/brief-contact.pdf"');
  });

  it('spreads a long deck over several sheets, every slide on one of them, with a PNG of each', async () => {
    const deck = await labels(path.join(content, 'long.md'));
    expect(deck.length).toBeGreaterThanOrEqual(25);
    const file = sheet('long');
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBe(Math.ceil(deck.length / 12));
    const texts = checkPages(file, ['TLP:CLEAR']);
    deck.forEach((label, index) => {
      const caption = new RegExp(`^${index + 1} ${escapeRegExp(label)}$`, 'm');
      expect(texts.filter((text) => caption.test(text)).length, `slide ${index + 1} on exactly one sheet`).toBe(1);
    });
    const pngs = [
      sheet('long', '.png'),
      ...Array.from({ length: pages - 1 }, (_, i) => sheet('long', `-${i + 2}.png`)),
    ];
    for (const png of pngs) expect(await pngSize(png), png).toEqual({ width: 2246, height: 1588 });
    expect(json.decks.find((deck) => deck.slug === 'long')!.contactSheet!.png).toEqual(pngs);
  });

  it('shows the DRAFT notice beside the marking, top and bottom, on a draft', () => {
    const [text] = checkPages(sheet('draft'), ['TLP:CLEAR', 'DRAFT']);
    expect(text).toContain(DRAFT_NOTICE);
    expect(checkPages(sheet('brief'), [])[0]).not.toContain('DRAFT');
  });

  it('lays an Arabic deck out right to left', async () => {
    const slug = 'iskp-moscow-plot-ar';
    const page = words(sheet(slug), 1);
    const numbers = captionNumbers(page);
    expect(inReadingOrder(numbers, true)).toEqual((await labels(ARABIC)).map((_, index) => String(index + 1)));
    const at = (n: number) => numbers.find((word) => word.text === String(n))!;
    expect(at(1).x0, 'slide 1 right of slide 2').toBeGreaterThan(at(2).x1);
    expect(at(1).x0, 'slide 1 at the right').toBeGreaterThan(page.width * 0.75);
  });

  it('a rebuild without --contact-sheet removes the PDF and the PNGs, and deck.json no longer names them', async () => {
    const written = [sheet('long'), sheet('long', '.png'), sheet('long', '-2.png')];
    for (const file of written) expect(existsSync(file), file).toBe(true);
    const run = await runCli(['build', path.join(content, 'long.md'), '--out', out, '--no-pdf']);
    expect(run.code, run.stderr).toBe(0);
    for (const file of written) expect(existsSync(file), file).toBe(false);
    const record = JSON.parse(await readFile(path.join(out, 'long', 'deck.json'), 'utf8'));
    expect(record).not.toHaveProperty('contactSheet');
    expect(record).not.toHaveProperty('contactSheetPng');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('long-contact');
  });
});

describe('a folder in the way of a PNG', () => {
  it('fails that deck in one line naming the file, and leaves none of the sheet behind', async () => {
    const way = path.join(work, 'way');
    const deck = path.join(way, 'brief');
    await mkdir(path.join(deck, 'brief-contact.png'), { recursive: true });
    await writeFile(path.join(deck, 'brief-contact.png', 'kept'), 'mine');
    const run = await runCli(['build', path.join(content, 'brief.md'), '--out', way, '--contact-sheet']);
    expect(run.code, run.stderr).toBe(3); // a print failure (EXIT_CODES.pdf)
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toContain(`cannot write ${path.join(deck, 'brief-contact.png')}`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    // The deck and its PDF are there; no contact sheet PDF without its picture, and the folder is untouched.
    expect(existsSync(path.join(deck, 'brief.pdf'))).toBe(true);
    expect(existsSync(path.join(deck, 'brief-contact.pdf'))).toBe(false);
    expect(await readFile(path.join(deck, 'brief-contact.png', 'kept'), 'utf8')).toBe('mine');
    expect(JSON.parse(await readFile(path.join(deck, 'deck.json'), 'utf8'))).not.toHaveProperty('contactSheet');
  });
});

describe('Letter paper', () => {
  it('--contact-sheet letter: a Letter landscape page and its PNG', async () => {
    const letter = path.join(work, 'letter');
    const run = await runCli(['build', path.join(content, 'brief.md'), '--out', letter, '--contact-sheet', 'letter']);
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(letter, 'brief', 'brief-contact.pdf');
    expect(run.stdout).toContain(file);
    expect(pdfInfo(file)['Page size']).toMatch(/^792 x 612 pts/);
    expect(await pngSize(path.join(letter, 'brief', 'brief-contact.png'))).toEqual({ width: 2112, height: 1632 });
  });

  it('the config file: formats: [contact-sheet] with paper: letter, and no PDF of the slides', async () => {
    const project = path.join(work, 'project');
    await mkdir(project);
    await writeFile(path.join(project, 'briefdeck.config.yaml'), 'formats: [contact-sheet]\npaper: letter\n');
    const run = await runCli(['build', path.join(content, 'brief.md'), '--out', 'out'], { cwd: project });
    expect(run.code, run.stderr).toBe(0);
    const deck = path.join(project, 'out', 'brief');
    expect(pdfInfo(path.join(deck, 'brief-contact.pdf'))['Page size']).toMatch(/^792 x 612 pts/);
    expect(existsSync(path.join(deck, 'brief.pdf'))).toBe(false);
  });
});
