// --png [--scale N] and --thumbnails through the CLI as users run it: one PNG per slide, taken in the
// PDF's own print tab, that shows what the PDF page shows (checked against poppler's rendering of the
// same page), the index page's thumbnail in Chromium under its policy, and what a rebuild leaves.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { imageSize } from 'image-size';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../src/output/manifest.js';
import { ROOT, runCli, SAMPLE, tempDir } from '../helpers.js';

const SLUG = 'iskp-moscow-plot';
const SLIDES = 10;
const NAMES = Array.from({ length: SLIDES }, (_, i) => `${String(i + 1).padStart(2, '0')}.png`);

let work: string;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Builds the sample into `<work>/<out>` with `args`; the run must succeed. */
async function buildSample(out: string, ...args: string[]): Promise<string> {
  const dir = path.join(work, out);
  const run = await runCli(['build', SAMPLE, '--out', dir, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return dir;
}

/** Page `page` of `pdf` as poppler draws it, `dpi` dots per inch (96: one pixel per CSS px). */
function popplerPage(pdf: string, page: number, dpi: number): PNG {
  const raster = spawnSync(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  expect(raster.status, raster.stderr.toString()).toBe(0);
  return PNG.sync.read(raster.stdout);
}

/**
 * How far two images of the same size are apart: the mean absolute difference per colour channel
 * (0–255), and the share (%) of pixels where a channel differs by more than 64.
 */
function difference(a: PNG, b: PNG): { mean: number; differing: number } {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  const pixels = a.width * a.height;
  let sum = 0;
  let differing = 0;
  for (let i = 0; i < pixels; i++) {
    let most = 0;
    for (let channel = 0; channel < 3; channel++) {
      const d = Math.abs(a.data[i * 4 + channel]! - b.data[i * 4 + channel]!);
      sum += d;
      most = Math.max(most, d);
    }
    if (most > 64) differing++;
  }
  return { mean: sum / pixels / 3, differing: (100 * differing) / pixels };
}

/**
 * The tolerance for "the same slide". Chromium's screenshot and poppler antialias text differently,
 * and the PNG keeps the slide's full 720th row where reveal's print page is 1 px shorter: measured on
 * the sample, each slide against its own page is 2.9–4.3 apart on average with 1.6–2.5 % of pixels
 * differing (at --scale 2 against 192 dpi: 2.3–4.1, 1.2–2.4 %; a thumbnail against 24 dpi: 3.8,
 * 2.4 %); the nearest wrong page (slide 3 against page 4, the same layout with other text) is 8.1
 * apart with 4.6 % differing (at 2: 8.0, 4.3 %).
 */
const SAME_SLIDE = { mean: 6, differing: 3.5 };

function looksLike(a: PNG, b: PNG): boolean {
  const { mean, differing } = difference(a, b);
  return mean < SAME_SLIDE.mean && differing < SAME_SLIDE.differing;
}

async function png(file: string): Promise<PNG> {
  return PNG.sync.read(await readFile(file));
}

function sizeOf(file: string): [number, number] {
  const { width, height } = imageSize(file);
  return [width!, height!];
}

async function deckJson(out: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(out, SLUG, 'deck.json'), 'utf8')) as Record<string, unknown>;
}

describe('build --png --thumbnails', () => {
  let out: string;
  let json: {
    decks: Array<Record<string, { folder: string; files: string[]; width: number; height: number } | undefined>>;
  };
  beforeAll(async () => {
    out = path.join(work, 'both');
    const run = await runCli(['build', SAMPLE, '--out', out, '--png', '--thumbnails', '--json']);
    expect(run.code, run.stderr).toBe(0);
    json = JSON.parse(run.stdout);
  });

  it('writes one 1280×720 PNG per slide into slides/, named to sort, and names the folder in deck.json and --json', async () => {
    const slides = path.join(out, SLUG, 'slides');
    expect((await readdir(slides)).sort()).toEqual(NAMES);
    for (const name of NAMES) expect(sizeOf(path.join(slides, name)), name).toEqual([1280, 720]);
    expect(await deckJson(out)).toMatchObject({ pdf: `${SLUG}.pdf`, png: 'slides', thumbnail: 'thumbnails/01.png' });
    expect(json.decks[0]!.png).toMatchObject({ folder: slides, width: 1280, height: 720 });
    expect(json.decks[0]!.png!.files).toEqual(NAMES.map((name) => path.join(slides, name)));
    // Written through a hidden folder that is gone once the images are in place; the one hidden file
    // left is the deck's manifest (output/manifest.ts), written last.
    expect((await readdir(path.join(out, SLUG))).filter((name) => name.startsWith('.'))).toEqual([MANIFEST_NAME]);
  });

  it('shows on each PNG what the same PDF page shows, and a wrong slide does not pass for it', async () => {
    const pdf = path.join(out, SLUG, `${SLUG}.pdf`);
    const pages = Array.from({ length: SLIDES }, (_, i) => popplerPage(pdf, i + 1, 96));
    for (const [i, name] of NAMES.entries()) {
      const image = await png(path.join(out, SLUG, 'slides', name));
      expect(looksLike(image, pages[i]!), `${name}: ${JSON.stringify(difference(image, pages[i]!))}`).toBe(true);
    }
    // The tolerance tells slides apart: the title slide is not page 2, nor slide 3 (the first of four
    // "Implications" slides of one layout) page 4.
    const slide = (n: number) => png(path.join(out, SLUG, 'slides', NAMES[n - 1]!));
    expect(looksLike(await slide(1), pages[1]!)).toBe(false);
    expect(looksLike(await slide(3), pages[3]!)).toBe(false);
    expect(looksLike(await slide(4), pages[2]!)).toBe(false);
  });

  it('writes 320 px wide thumbnails of every slide into thumbnails/, named the same, that look like the slides', async () => {
    const thumbnails = path.join(out, SLUG, 'thumbnails');
    expect((await readdir(thumbnails)).sort()).toEqual(NAMES);
    for (const name of NAMES) expect(sizeOf(path.join(thumbnails, name)), name).toEqual([320, 180]);
    expect(json.decks[0]!.thumbnails).toMatchObject({ width: 320, height: 180 });
    // The title slide's thumbnail against the PDF's first page drawn 320 px wide (24 dpi).
    const pdf = path.join(out, SLUG, `${SLUG}.pdf`);
    const title = await png(path.join(thumbnails, '01.png'));
    expect(looksLike(title, popplerPage(pdf, 1, 24))).toBe(true);
    expect(looksLike(title, popplerPage(pdf, 2, 24))).toBe(false);
  });
});

describe('build --png in a batch printed in two tabs at once', () => {
  it("gets every deck's images, each of its own deck (a screenshot of a tab behind another used to hang)", async () => {
    const content = path.join(work, 'batch');
    await mkdir(content);
    const sample = await readFile(SAMPLE, 'utf8');
    // Deck two in the dark template, so that its slides cannot pass for the others'.
    for (const name of ['one', 'two', 'three'])
      await writeFile(
        path.join(content, `${name}.md`),
        sample.replace(/^title: .*$/m, `title: Deck ${name}${name === 'two' ? '\ntemplate: dark' : ''}`),
      );
    const out = path.join(work, 'batch-out');
    const run = await runCli(['build', content, '--out', out, '--png', '--thumbnails', '--concurrency', '2']);
    expect(run.code, run.stderr).toBe(0);
    for (const slug of ['one', 'two', 'three']) {
      expect((await readdir(path.join(out, slug, 'slides'))).sort(), slug).toEqual(NAMES);
      expect((await readdir(path.join(out, slug, 'thumbnails'))).sort(), slug).toEqual(NAMES);
      // The title slide carries the deck's own title: its image is its own PDF's first page, not another deck's.
      const title = popplerPage(path.join(out, slug, `${slug}.pdf`), 1, 96);
      expect(looksLike(await png(path.join(out, slug, 'slides', '01.png')), title), slug).toBe(true);
    }
    const other = popplerPage(path.join(out, 'two', 'two.pdf'), 1, 96);
    expect(looksLike(await png(path.join(out, 'one', 'slides', '01.png')), other)).toBe(false);
  });
});

describe('build --png of a right-to-left deck', () => {
  it('shows the whole slide, as its PDF page does (a clip of the whole page came out half a page off)', async () => {
    const arabic = path.join(ROOT, 'examples', 'international', 'iskp-moscow-plot-ar.md');
    const out = path.join(work, 'rtl');
    const run = await runCli(['build', arabic, '--out', out, '--png']);
    expect(run.code, run.stderr).toBe(0);
    const slug = 'iskp-moscow-plot-ar';
    const names = (await readdir(path.join(out, slug, 'slides'))).sort();
    expect(names).toEqual(['01.png', '02.png', '03.png', '04.png', '05.png']);
    for (const [i, name] of names.entries()) {
      const image = await png(path.join(out, slug, 'slides', name));
      const page = popplerPage(path.join(out, slug, `${slug}.pdf`), i + 1, 96);
      expect(looksLike(image, page), `${name}: ${JSON.stringify(difference(image, page))}`).toBe(true);
    }
  });
});

describe('build --png --scale 2', () => {
  it('writes each slide at twice the size, as sharp as the PDF drawn at 192 dpi', async () => {
    const out = await buildSample('scale-2', '--png', '--scale', '2');
    const slides = path.join(out, SLUG, 'slides');
    expect((await readdir(slides)).sort()).toEqual(NAMES);
    for (const name of NAMES) expect(sizeOf(path.join(slides, name)), name).toEqual([2560, 1440]);
    const pdf = path.join(out, SLUG, `${SLUG}.pdf`);
    for (const page of [2, 7]) {
      const image = await png(path.join(slides, NAMES[page - 1]!));
      expect(looksLike(image, popplerPage(pdf, page, 192)), `slide ${page}`).toBe(true);
      expect(looksLike(image, popplerPage(pdf, page + 1, 192)), `slide ${page} against page ${page + 1}`).toBe(false);
    }
  });
});

describe('the index page with thumbnails', () => {
  let browser: Browser;
  let out: string;
  beforeAll(async () => {
    out = path.join(work, 'index');
    // An earlier deck built without thumbnails, then the sample with them.
    const other = path.join(work, 'other.md');
    await writeFile(other, (await readFile(SAMPLE, 'utf8')).replace(/^title: .*$/m, 'title: Built without thumbnails'));
    const first = await runCli(['build', other, '--out', out, '--no-pdf']);
    expect(first.code, first.stderr).toBe(0);
    await buildSample('index', '--thumbnails');
    const { launchBrowser } = await import('../../src/pdf/browser.js');
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("shows the title slide's thumbnail in Chromium, with its alt text and no policy violation; a deck without thumbnails shows none", async () => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
    const decks = await page.evaluate(() =>
      [...document.querySelectorAll('li.deck')].map((deck) => {
        const image = deck.querySelector('img');
        const box = image?.getBoundingClientRect();
        return {
          title: deck.querySelector('h2')?.textContent,
          image: image && {
            src: image.getAttribute('src'),
            alt: image.alt,
            loaded: image.complete && image.naturalWidth > 0,
            naturalWidth: image.naturalWidth,
            // Shown beside the text, smaller than the file (sharp on a high-density screen).
            shownWidth: Math.round(box!.width),
          },
        };
      }),
    );
    expect(decks).toEqual([
      {
        title: 'ISKP plot disrupted in Moscow',
        image: {
          src: `${SLUG}/thumbnails/01.png`,
          alt: 'Title slide of ISKP plot disrupted in Moscow',
          loaded: true,
          naturalWidth: 320,
          shownWidth: 194, // 192 px and its 1 px border
        },
      },
      { title: 'Built without thumbnails', image: null },
    ]);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) =>
      meta.getAttribute('content'),
    );
    expect(policy).toContain("img-src 'self';");
    expect(policy).toContain("default-src 'none';");
    await page.close();
  });
});

describe('build --no-pdf --png', () => {
  it('writes the PNGs and no PDF', async () => {
    const out = await buildSample('no-pdf', '--no-pdf', '--png');
    expect((await readdir(path.join(out, SLUG, 'slides'))).sort()).toEqual(NAMES);
    expect(sizeOf(path.join(out, SLUG, 'slides', '01.png'))).toEqual([1280, 720]);
    expect(existsSync(path.join(out, SLUG, `${SLUG}.pdf`))).toBe(false);
    const info = await deckJson(out);
    expect(info.png).toBe('slides');
    expect(info.pdf).toBeUndefined();
    // Laid out as for printing: the same title slide as a build that prints (sharing one PDF to judge by).
    const printed = await buildSample('no-pdf-printed', '--png');
    const pdf = path.join(printed, SLUG, `${SLUG}.pdf`);
    for (const page of [1, 7])
      expect(
        looksLike(await png(path.join(out, SLUG, 'slides', NAMES[page - 1]!)), popplerPage(pdf, page, 96)),
        `slide ${page}`,
      ).toBe(true);
  });
});

describe('a rebuild without --png or --thumbnails', () => {
  it('removes slides/ and thumbnails/, and neither deck.json nor the index page names them', async () => {
    const out = await buildSample('rebuild', '--png', '--thumbnails');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('thumbnails/01.png');
    await buildSample('rebuild');
    const entries = await readdir(path.join(out, SLUG));
    expect(entries).not.toContain('slides');
    expect(entries).not.toContain('thumbnails');
    const info = await deckJson(out);
    expect(info.pdf).toBe(`${SLUG}.pdf`);
    expect(info).not.toHaveProperty('png');
    expect(info).not.toHaveProperty('thumbnail');
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).not.toContain('<img');
    expect(index).not.toContain('thumbnails/');
    expect(index).not.toContain('Slide images');
  });
});

describe('bad --scale and a folder that cannot be written', () => {
  it('a --scale out of range or not a number is one usage line, exit 2, the earlier images untouched', async () => {
    const out = await buildSample('bad-scale', '--png');
    const before = await readFile(path.join(out, SLUG, 'slides', '01.png'));
    for (const scale of ['5', '0.5', 'big']) {
      const run = await runCli(['build', SAMPLE, '--out', out, '--png', '--scale', scale]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        `error: option '--scale <n>' argument '${scale}' is invalid. a number from 1 to 4, e.g. 2 (run briefdeck --help for usage)`,
      ]);
      expect(run.stdout).toBe('');
    }
    expect((await readFile(path.join(out, SLUG, 'slides', '01.png'))).equals(before)).toBe(true);
  });

  it('a file where slides/ goes fails the PNGs alone: one line naming it, no half folder, the rest written and listed', async () => {
    const out = await buildSample('blocked', '--no-pdf');
    await writeFile(path.join(out, SLUG, 'slides'), 'not a folder');
    const run = await runCli(['build', SAMPLE, '--out', out, '--png', '--thumbnails']);
    expect(run.code, run.stderr).toBe(4); // an output error
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `cannot write ${path.join(out, SLUG, 'slides')} (ENOTDIR) — a file stands where a folder is needed: remove it or choose another folder with --out`,
    ]);
    const entries = await readdir(path.join(out, SLUG));
    expect(entries.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await readFile(path.join(out, SLUG, 'slides'), 'utf8')).toBe('not a folder');
    expect((await readdir(path.join(out, SLUG, 'thumbnails'))).sort()).toEqual(NAMES);
    const info = await deckJson(out);
    expect(info).toMatchObject({ pdf: `${SLUG}.pdf`, thumbnail: 'thumbnails/01.png' });
    expect(info).not.toHaveProperty('png');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('Slide images');
  });
});
