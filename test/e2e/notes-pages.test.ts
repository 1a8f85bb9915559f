import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { plainText } from '../../src/html-text.js';
import { planSlides } from '../../src/deck/plan.js';
import { pdfInfo, pdfText, runCli, SAMPLE, squash, tempDir } from '../helpers.js';

/**
 * Every page of every PDF carries the marking (when the briefing has one) and a
 * page number; notes pages also say which slide they belong to, on every page
 * when long notes run over. Read back page by page with pdftotext.
 */

let work: string;
let content: string;
const LONG_NOTE = Array.from(
  { length: 120 },
  (_, i) => `Long note sentence ${i + 1} keeps going for the speaker.`,
).join(' ');

/** Slide labels and notes (plain text) of a content file, as the planner makes them. */
async function plan(file: string): Promise<{ labels: string[]; notes: string[] }> {
  const { briefing } = parseBriefing(await readFile(file, 'utf8'), file);
  const slides = planSlides(briefing, { maxItemsPerSlide: 5 });
  return {
    labels: slides.map((slide) => slide.label),
    notes: slides.map((slide) => squash(plainText(slide.notesHtml))),
  };
}

beforeAll(async () => {
  work = await tempDir();
  content = path.join(work, 'content');
  await mkdir(content);
  const sample = await readFile(SAMPLE, 'utf8');
  await writeFile(path.join(content, 'marked.md'), sample);
  await writeFile(path.join(content, 'unmarked.md'), sample.replace(/^marking: .*\n/m, ''));
  // The summary's note, long enough to run over several pages.
  await writeFile(path.join(content, 'long.md'), sample.replace(/^Note: /m, `Note: ${LONG_NOTE}\n\nNote: `));
  expect(await readFile(path.join(content, 'unmarked.md'), 'utf8')).not.toContain('marking:');
});
afterAll(() => rm(work, { recursive: true, force: true }));

/**
 * Walks a notes-pages PDF: a page that names a slide's notes belongs to the
 * slide before it; every other page is the next slide. Checks each page.
 */
function checkNotesPdf(
  file: string,
  deck: { labels: string[]; notes: string[] },
  marking: string | undefined,
): { notesPagesOf: number[][] } {
  const pages = Number(pdfInfo(file).Pages);
  const total = deck.labels.length;
  const notesPagesOf: number[][] = deck.labels.map(() => []);
  let slide = 0;
  for (let page = 1; page <= pages; page++) {
    const text = pdfText(file, page);
    const where = `${path.basename(file)} page ${page}`;
    if (marking) expect(text.split(marking).length - 1, `${where}: the marking top and bottom`).toBe(2);
    else expect(text, where).not.toMatch(/TLP:/);
    const reference = /^Notes for slide (\d+) of (\d+): (.*)$/m.exec(text);
    if (reference) {
      expect(Number(reference[1]), `${where}: notes of the slide before`).toBe(slide);
      expect(Number(reference[2]), where).toBe(total);
      expect(reference[3], where).toBe(deck.labels[slide - 1]);
      expect(text, `${where}: its page number`).toMatch(new RegExp(`^page ${page} / ${pages}$`, 'm'));
      notesPagesOf[slide - 1]!.push(page);
    } else {
      slide++;
      expect(text, `${where}: slide ${slide}'s number`).toMatch(new RegExp(`^${slide} / ${total}$`, 'm'));
    }
  }
  expect(slide, 'every slide printed').toBe(total);
  // Every slide with notes has them on its pages, and only those.
  deck.notes.forEach((note, index) => {
    expect(notesPagesOf[index]!.length > 0, `slide ${index + 1} has notes pages`).toBe(note !== '');
    if (note)
      expect(squash(notesPagesOf[index]!.map((page) => pdfText(file, page)).join(' '))).toContain(note.slice(0, 60));
  });
  return { notesPagesOf };
}

describe('--notes-pages', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(work, 'notes');
    const run = await runCli(['build', content, '--out', out, '--notes-pages']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('every page has the marking, a page number; notes pages name their slide', async () => {
    checkNotesPdf(path.join(out, 'marked', 'marked.pdf'), await plan(path.join(content, 'marked.md')), 'TLP:CLEAR');
  });

  it('without a marking, the page numbers and slide references are still there', async () => {
    checkNotesPdf(path.join(out, 'unmarked', 'unmarked.pdf'), await plan(path.join(content, 'unmarked.md')), undefined);
  });

  it('long notes run over onto more pages, each with the marking, the slide and its own page number', async () => {
    const deck = await plan(path.join(content, 'long.md'));
    const { notesPagesOf } = checkNotesPdf(path.join(out, 'long', 'long.pdf'), deck, 'TLP:CLEAR');
    const summary = deck.notes.findIndex((note) => note.includes('Long note sentence 1 '));
    expect(notesPagesOf[summary]!.length).toBeGreaterThan(1);
    // Nothing of the note is lost between pages: its last sentence is there too.
    const text = squash(
      notesPagesOf[summary]!.map((page) => pdfText(path.join(out, 'long', 'long.pdf'), page)).join(' '),
    );
    expect(text).toContain('Long note sentence 120 keeps going for the speaker.');
  });

  it("the same with reveal.js's own print view", async () => {
    const revealOut = path.join(work, 'notes-reveal');
    const run = await runCli([
      'build',
      path.join(content, 'marked.md'),
      '--out',
      revealOut,
      '--notes-pages',
      '--print-layout',
      'reveal',
    ]);
    expect(run.code, run.stderr).toBe(0);
    checkNotesPdf(
      path.join(revealOut, 'marked', 'marked.pdf'),
      await plan(path.join(content, 'marked.md')),
      'TLP:CLEAR',
    );
  });
});

describe('slides and handouts: a page number on every page', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(work, 'plain');
    const run = await runCli([
      'build',
      path.join(content, 'marked.md'),
      path.join(content, 'unmarked.md'),
      '--out',
      out,
      '--handout',
    ]);
    expect(run.code, run.stderr).toBe(0);
  });

  it.each(['marked', 'unmarked'])('the %s deck: every slide page, the title slide too, has its number', (slug) => {
    const file = path.join(out, slug, `${slug}.pdf`);
    const pages = Number(pdfInfo(file).Pages);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, page);
      expect(text, `page ${page}`).toMatch(new RegExp(`^${page} / ${pages}$`, 'm'));
      expect(text.split('TLP:CLEAR').length - 1, `page ${page}`).toBe(slug === 'marked' ? 2 : 0);
    }
  });

  it('a handout without a marking still numbers every page', () => {
    const file = path.join(out, 'unmarked', 'unmarked-handout.pdf');
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, page);
      expect(text, `page ${page}`).toMatch(new RegExp(`^${page}\\s*/\\s*${pages}$`, 'm'));
      expect(text, `page ${page}`).not.toMatch(/TLP:/);
    }
  });
});

describe('--notes-pages of a right-to-left deck', () => {
  it('reads from the right: the notes right-aligned, the slide reference bottom right, the page number bottom left', async () => {
    const dir = path.join(work, 'rtl');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'rtl.md');
    await writeFile(
      file,
      '---\ntitle: مذكرة\nlang: ar\n---\n\n## الخلاصة\n\nنص.\n\nملاحظة: ابدأ بالخلاصة.\n\n## التداعيات\n\n- أ.\n\n## التوصيات\n\n1. ب.\n',
    );
    const run = await runCli(['build', file, '--out', path.join(dir, 'out'), '--notes-pages']);
    expect(run.code, run.stderr).toBe(0);
    const pdf = path.join(dir, 'out', 'rtl', 'rtl.pdf');
    // Page 3 is the summary's notes page; pdftotext crops in points of the 960 × 540 page.
    const bare = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
    const crop = (x: number, y: number, w: number, h: number) =>
      bare(
        execFileSync(
          'pdftotext',
          ['-f', '3', '-l', '3', '-x', `${x}`, '-y', `${y}`, '-W', `${w}`, '-H', `${h}`, pdf, '-'],
          { encoding: 'utf8' },
        ),
      );
    expect(crop(480, 500, 480, 40), 'bottom right').toContain(bare('الشريحة'));
    expect(crop(0, 500, 480, 40), 'bottom left').toContain(bare('صفحة'));
    expect(crop(480, 0, 480, 120), 'the notes, top right').toContain(bare('بالخلاصة'));
    expect(crop(0, 0, 480, 120), 'not top left').not.toContain(bare('بالخلاصة'));
  });
});
