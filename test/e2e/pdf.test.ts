import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type PDFDict, PDFDocument, type PDFHexString, PDFName, PDFRef, type PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { plainText } from '../../src/html-text.js';
import { planSlides } from '../../src/deck/plan.js';
import { CLI, FIXTURES, pdfInfo, pdfText, ROOT, runCli, SAMPLE, squash, tempDir } from '../helpers.js';

const SLUG = 'iskp-moscow-plot';
let work: string;

beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The outline of a PDF as nested [title, children] pairs, read with pdf-lib. */
async function outline(file: string): Promise<Array<[string, string[]]>> {
  const doc = await PDFDocument.load(await readFile(file));
  const title = (dict: PDFDict) => (dict.lookup(PDFName.of('Title')) as PDFHexString | PDFString).decodeText();
  const siblings = (first: unknown): PDFDict[] => {
    const items: PDFDict[] = [];
    for (let ref = first; ref instanceof PDFRef; ) {
      const dict = doc.context.lookup(ref) as PDFDict;
      items.push(dict);
      ref = dict.get(PDFName.of('Next'));
    }
    return items;
  };
  const root = doc.catalog.lookup(PDFName.of('Outlines')) as PDFDict;
  return siblings(root.get(PDFName.of('First'))).map((item) => [
    title(item),
    siblings(item.get(PDFName.of('First'))).map(title),
  ]);
}

describe('PDF structure of the sample', () => {
  let pdf: string;
  beforeAll(async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(work, 'sample')]);
    expect(run.code, run.stderr).toBe(0);
    pdf = path.join(work, 'sample', SLUG, `${SLUG}.pdf`);
  });

  it('has one bookmark per section, with a child per slide where a section has several', async () => {
    expect(await outline(pdf)).toEqual([
      ['ISKP plot disrupted in Moscow', []],
      ['Summary', []],
      [
        'Implications',
        [
          'For Russia',
          "For the Taliban's credibility",
          'For counterterrorism cooperation',
          "ISKP's transnational reach",
        ],
      ],
      ['Recommendations', ['Recommendations (1/2)', 'Recommendations (2/2)']],
      ['Quote', []],
      ['Sources', []],
    ]);
  });

  it('carries title, author, subject, keywords and creator', () => {
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({
      Title: 'ISKP plot disrupted in Moscow',
      Author: 'briefdeck sample',
      Keywords: 'ISKP Russia Afghanistan Taliban counterterrorism',
      Creator: 'briefdeck',
      Tagged: 'yes',
    });
    expect(info.Subject).toMatch(/^What a foiled attack says/);
  });

  it('keeps text in reading order', () => {
    const text = squash(pdfText(pdf, 7));
    const positions = [
      'Share intelligence.',
      'Press the Taliban.',
      'Harden borders.',
      'Counter radicalisation.',
      'Disrupt online recruitment.',
    ].map((t) => text.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("looks the same as reveal.js's own print view, pixel for pixel", async () => {
    const revealRun = await runCli(['build', SAMPLE, '--out', path.join(work, 'reveal'), '--print-layout', 'reveal']);
    expect(revealRun.code, revealRun.stderr).toBe(0);
    const raster = (file: string, page: number) =>
      spawnSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 })
        .stdout;
    for (const page of [1, 2, 3, 7, 9, 10]) {
      const ours = raster(pdf, page);
      expect(ours.length).toBeGreaterThan(10_000);
      expect(ours.equals(raster(path.join(work, 'reveal', SLUG, `${SLUG}.pdf`), page)), `page ${page}`).toBe(true);
    }
  });
});

describe('batch printing', () => {
  it('gives every deck the same pages as when it is printed alone (the tab is reused between decks)', async () => {
    const dir = path.join(work, 'reuse');
    await mkdir(dir);
    await cp(SAMPLE, path.join(dir, 'a-first.md'));
    await cp(path.join('docs', 'images', 'sample-slide-2.png'), path.join(dir, 'logo.png')); // any PNG will do
    // The second deck has other text and an image with a relative URL: both must follow it into the reused tab.
    const second = (await readFile(SAMPLE, 'utf8'))
      .replace(/^title: .*$/m, 'title: The second deck')
      .replace('keywords:', 'options:\n  logo: logo.png\nkeywords:');
    await writeFile(path.join(dir, 'b-second.md'), second);
    const batch = await runCli(['build', dir, '--out', path.join(work, 'reuse-batch'), '--concurrency', '1']);
    expect(batch.code, batch.stderr).toBe(0);
    const alone = await runCli(['build', path.join(dir, 'b-second.md'), '--out', path.join(work, 'reuse-alone')]);
    expect(alone.code, alone.stderr).toBe(0);
    const raster = (file: string, page: number) =>
      spawnSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 })
        .stdout;
    const inBatch = path.join(work, 'reuse-batch', 'b-second', 'b-second.pdf');
    const byItself = path.join(work, 'reuse-alone', 'b-second', 'b-second.pdf');
    expect(pdfInfo(inBatch).Title).toBe('The second deck');
    for (const page of [1, 2, 7, 10])
      expect(raster(inBatch, page).equals(raster(byItself, page)), `page ${page}`).toBe(true);
    // The logo really is on the title page: the image was found through its absolute URL.
    const images = spawnSync('pdfimages', ['-list', '-f', '1', '-l', '1', inBatch], { encoding: 'utf8' })
      .stdout.split('\n')
      .slice(2)
      .filter(Boolean);
    expect(images.length).toBeGreaterThan(0);
  });
});

describe('reproducible builds', () => {
  it('gives byte-identical PDFs for the same input with SOURCE_DATE_EPOCH, dated by it', async () => {
    const env = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z
    const [a, b] = await Promise.all(
      ['r1', 'r2'].map((dir) => runCli(['build', SAMPLE, '--out', path.join(work, dir)], { env })),
    );
    expect([a!.code, b!.code]).toEqual([0, 0]);
    const first = await readFile(path.join(work, 'r1', SLUG, `${SLUG}.pdf`));
    const second = await readFile(path.join(work, 'r2', SLUG, `${SLUG}.pdf`));
    expect(first.equals(second)).toBe(true);
    expect(pdfInfo(path.join(work, 'r1', SLUG, `${SLUG}.pdf`)).CreationDate).toMatch(/Jan\s+1 00:00:00 2026 UTC/);
  });
});

describe('handouts and notes pages', () => {
  let notes: string[];
  beforeAll(async () => {
    const { briefing } = parseBriefing(await readFile(SAMPLE, 'utf8'), SAMPLE);
    notes = planSlides(briefing, { maxItemsPerSlide: 5 }).map((slide) => squash(plainText(slide.notesHtml)));
  });

  it("--handout writes an A4 read-ahead: source and date first, every slide's notes, marking and page numbers on every page", async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(work, 'handout'), '--handout']);
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(work, 'handout', SLUG, `${SLUG}-handout.pdf`);
    expect(run.stdout).toContain(`handout ${file}`);
    const info = pdfInfo(file);
    expect(info['Page size']).toContain('(A4)');
    const pages = Number(info.Pages);
    const first = squash(pdfText(file, 1));
    expect(first).toContain('Source: Op-ed on the killing of an ISKP affiliate in Moscow');
    expect(first).toContain('29 November 2026');
    const all = squash(pdfText(file));
    for (const note of notes.filter(Boolean)) expect(all).toContain(note.slice(0, 60));
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, page);
      expect(text, `page ${page}`).toContain('TLP:CLEAR');
      expect(text, `page ${page}`).toMatch(new RegExp(`^${page}\\s*/\\s*${pages}$`, 'm')); // pdftotext may drop the spaces
    }
  });

  it('--handout keeps the page margins and full-size slides, left to right and right to left', async () => {
    const arabic = path.join(ROOT, 'examples', 'international', 'iskp-moscow-plot-ar.md');
    const run = await runCli(['build', SAMPLE, arabic, '--out', path.join(work, 'handout-rtl'), '--handout']);
    expect(run.code, run.stderr).toBe(0);
    const words = (slug: string) => {
      const bbox = spawnSync(
        'pdftotext',
        ['-f', '1', '-l', '1', '-bbox', path.join(work, 'handout-rtl', slug, `${slug}-handout.pdf`), '-'],
        { encoding: 'utf8' },
      ).stdout;
      return [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        text: m[4]!,
      }));
    };
    const a4Width = 595.3;
    const margin = 15 * (72 / 25.4); // 15 mm in points
    /** Width of the marking banner's text in the first slide thumbnail (the page header's copy sits in the top margin). */
    const bannerWidth = (list: ReturnType<typeof words>) => {
      const word = list.find((candidate) => candidate.text === 'TLP:CLEAR' && candidate.y0 > margin)!;
      return word.x1 - word.x0;
    };
    const ltr = words(SLUG);
    const rtl = words('iskp-moscow-plot-ar');
    for (const [name, list] of [
      ['ltr', ltr],
      ['rtl', rtl],
    ] as const) {
      const body = list.filter((word) => word.y0 > margin);
      expect(Math.min(...body.map((word) => word.x0)), name).toBeGreaterThan(margin - 2);
      expect(Math.max(...body.map((word) => word.x1)), name).toBeLessThan(a4Width - margin + 2);
    }
    // The slide thumbnails are drawn at the same scale: Chromium once shrank the Arabic handout to two thirds.
    expect(bannerWidth(rtl) / bannerWidth(ltr)).toBeCloseTo(1, 1);
  });

  it('--handout letter uses US Letter paper', async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(work, 'letter'), '--handout', 'letter']);
    expect(run.code, run.stderr).toBe(0);
    expect(pdfInfo(path.join(work, 'letter', SLUG, `${SLUG}-handout.pdf`))['Page size']).toContain('(letter)');
  });

  it("--notes-pages puts each slide's notes on a page after it, with no blank page at the end", async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(work, 'notes'), '--notes-pages']);
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(work, 'notes', SLUG, `${SLUG}.pdf`);
    const withNotes = notes.filter(Boolean).length;
    expect(Number(pdfInfo(file).Pages)).toBe(notes.length + withNotes);
    // Slide 2 (the summary) is page 2; its notes are page 3.
    expect(squash(pdfText(file, 3))).toContain(notes[1]!.slice(0, 60));
  });
});

describe('slide sizes', () => {
  it('prints 4:3 decks on 4:3 pages', async () => {
    const dir = path.join(work, 'four-three-content');
    await mkdir(dir);
    await writeFile(
      path.join(dir, 'square.md'),
      (await readFile(SAMPLE, 'utf8')).replace('keywords:', 'options:\n  size: "4:3"\nkeywords:'),
    );
    const run = await runCli(['build', dir, '--out', path.join(work, 'four-three')]);
    expect(run.code, run.stderr).toBe(0);
    expect(pdfInfo(path.join(work, 'four-three', 'square', 'square.pdf'))['Page size']).toBe('768 x 576 pts');
  });
});

describe('overflow check', () => {
  it('reports a slide whose content overflows, with its number and title; --strict makes it an error', async () => {
    const run = await runCli(['build', path.join(FIXTURES, 'overflow.md'), '--out', path.join(work, 'overflow')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${path.join(FIXTURES, 'overflow.md')}: warning: slide 2 "Summary": content overflows by \\d+px$`,
        'm',
      ),
    );
    const strict = await runCli([
      'build',
      path.join(FIXTURES, 'overflow.md'),
      '--out',
      path.join(work, 'overflow'),
      '--strict',
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/overflow\.md: slide 2 "Summary": content overflows by \d+px — shorten it/);
  });

  it('never fires on the sample, and long lists are split before layout (40 recommendations → 8 slides)', async () => {
    const dir = path.join(work, 'forty');
    await mkdir(dir);
    const items = Array.from(
      { length: 40 },
      (_, i) => `${i + 1}. **Recommendation ${i + 1}.** Do the thing that number ${i + 1} asks for, carefully.`,
    ).join('\n');
    const text = (await readFile(SAMPLE, 'utf8')).replace(
      /## Recommendations[\s\S]*?## Quote/,
      `## Recommendations\n\n${items}\n\n## Quote`,
    );
    await writeFile(path.join(dir, 'forty.md'), text);
    await cp(SAMPLE, path.join(dir, 'sample.md'));
    const run = await runCli(['build', dir, '--out', path.join(work, 'forty-out'), '--strict', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    const forty = report.decks.find((d: { slug: string }) => d.slug === 'forty');
    expect(forty.slides).toBe(8 + 8); // title, summary, 4 implications, quote, sources + 8 recommendation slides
    const outlined = await outline(forty.pdf.file);
    expect(outlined.find(([title]) => title === 'Recommendations')![1]).toEqual(
      Array.from({ length: 8 }, (_, i) => `Recommendations (${i + 1}/8)`),
    );
    expect(report.decks.every((d: { pdf: { overflows: unknown[] } }) => d.pdf.overflows.length === 0)).toBe(true);
  });
});

describe('--json', () => {
  it('reports decks, pages, bytes, timings and warnings as JSON', async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(work, 'json'), '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, warnings: [], errors: [] });
    expect(report.ms).toBeGreaterThan(0);
    expect(report.decks).toEqual([
      expect.objectContaining({
        slug: SLUG,
        slides: 10,
        pdf: expect.objectContaining({ pages: 10, bytes: expect.any(Number), overflows: [] }),
      }),
    ]);
  });
});

describe('one browser per build', () => {
  it('prints 5 decks with one browser process, with one tab or with two', async () => {
    const dir = path.join(work, 'five');
    await mkdir(dir);
    for (let i = 1; i <= 5; i++)
      await writeFile(
        path.join(dir, `deck-${i}.md`),
        (await readFile(SAMPLE, 'utf8')).replace(/^title: .*$/m, `title: Deck ${i}`),
      );
    // A browser "executable" that records each launch, then runs the real one.
    const real = spawnSync(process.execPath, [CLI, 'browser'], { encoding: 'utf8' }).stdout.split(' (')[0]!.trim();
    const launches = path.join(work, 'launches.log');
    const wrapper = path.join(work, 'counting-chrome');
    await writeFile(wrapper, `#!/bin/sh\necho launch >> '${launches}'\nexec '${real}' "$@"\n`);
    await chmod(wrapper, 0o755);
    const count = async () => (await readFile(launches, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

    const one = await runCli([
      'build',
      dir,
      '--out',
      path.join(work, 'five-out'),
      '--browser',
      wrapper,
      '--concurrency',
      '1',
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.match(/^\[\d\/5\] /gm)).toHaveLength(5);
    expect(await count()).toBe(1);
    await rm(launches);
    // --force: the decks are up to date (the number of tabs changes no file), and this build is to print them.
    const two = await runCli([
      'build',
      dir,
      '--out',
      path.join(work, 'five-out'),
      '--browser',
      wrapper,
      '--concurrency',
      '2',
      '--force',
    ]);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout.match(/^\[\d\/5\] /gm)).toHaveLength(5);
    expect(await count()).toBe(1);
  });
});
