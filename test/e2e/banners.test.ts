import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/batch.js';
import { CLASSIFICATION_COLOURS, markingOf } from '../../src/content/marking.js';
import { parseColour } from '../../src/deck/contrast.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { measureContrast } from '../contrast-in-page.js';
import { pdfText, runCli, SAMPLE, tempDir } from '../helpers.js';
import { readPptx } from '../pptx/package-reader.js';

/**
 * Classification banners as a reader sees them: the PDF page rendered with pdftoppm and its banner
 * pixels sampled, the banner text read back with pdftotext, the handout header's pixels, the PPTX
 * layouts' fills and the index page's stylesheet. A template's `markings` colour a marking the
 * built-in table does not know, inherited by a template that extends it.
 */

let work: string;
const out = () => path.join(work, 'out');

/** Each briefing: its marking, template and the banner colours it must have. */
const DECKS = [
  { slug: 'secret', marking: 'SECRET//NOFORN', template: 'default', background: '#c8102e', text: '#ffffff' },
  {
    slug: 'fouo',
    marking: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
    template: 'dark',
    background: '#007a33',
    text: '#ffffff',
  },
  // brand-print extends brand, whose template.json maps OFFICIAL-SENSITIVE.
  { slug: 'official', marking: 'OFFICIAL-SENSITIVE', template: 'brand-print', background: '#1d3a6b', text: '#ffffff' },
  // Another scheme's marking stays neutral: the default template's slate.
  { slug: 'nato', marking: 'NATO SECRET', template: 'default', background: '#3d4a63', text: '#ffffff' },
];

beforeAll(async () => {
  work = await tempDir('briefdeck-banners-');
  const sample = await readFile(SAMPLE, 'utf8');
  await mkdir(path.join(work, 'content'));
  for (const deck of DECKS)
    await writeFile(
      path.join(work, 'content', `${deck.slug}.md`),
      sample.replace(/^marking: .*$/m, `marking: "${deck.marking}"\ntemplate: ${deck.template}`),
    );
  const templates = path.join(work, 'templates');
  await mkdir(path.join(templates, 'brand'), { recursive: true });
  await mkdir(path.join(templates, 'brand-print'), { recursive: true });
  await writeFile(
    path.join(templates, 'brand', 'template.json'),
    JSON.stringify({
      name: 'brand',
      extends: 'default',
      markings: [{ match: 'OFFICIAL-SENSITIVE', background: '#1d3a6b', text: '#fff' }],
    }),
  );
  await writeFile(
    path.join(templates, 'brand-print', 'template.json'),
    JSON.stringify({ name: 'brand-print', extends: 'brand' }),
  );
  const run = await runCli([
    'build',
    path.join(work, 'content'),
    '--templates',
    templates,
    '--out',
    out(),
    '--handout',
    '--pptx',
  ]);
  expect(run.code, run.stderr).toBe(0);
}, 240_000);

afterAll(() => rm(work, { recursive: true, force: true }));

/** One PDF page as RGB pixels, from pdftoppm's PPM. */
function raster(
  file: string,
  page: number,
  dpi: number,
): { width: number; height: number; at(x: number, y: number): number[] } {
  const ppm = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], {
    maxBuffer: 256 * 1024 * 1024,
  }).stdout;
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  return {
    width,
    height,
    at: (x, y) => [...ppm.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)],
  };
}

/** Within a few levels of each channel: anti-aliasing and colour management move them a little. */
function near(pixel: number[], hex: string, tolerance = 6): boolean {
  const { r, g, b } = parseColour(hex)!;
  return [r, g, b].every((channel, i) => Math.abs(channel - pixel[i]!) <= tolerance);
}

describe('classification banners', () => {
  it.each(DECKS)('$marking: the PDF banners, top and bottom, in $background, reading exactly the marking', (deck) => {
    const pdf = path.join(out(), deck.slug, `${deck.slug}.pdf`);
    for (const page of [1, 2]) {
      const image = raster(pdf, page, 40);
      // The banner is 30 of 720 px high: 4 px in from the edges is inside it, clear of its centred text.
      for (const y of [4, image.height - 5])
        expect(image.at(4, y), `page ${page}, y ${y}`).toSatisfy((pixel: number[]) => near(pixel, deck.background));
      const lines = pdfText(pdf, page)
        .split('\n')
        .map((line) => line.trim());
      expect(
        lines.filter((line) => line === deck.marking),
        `page ${page}`,
      ).toHaveLength(2);
    }
  });

  it.each(DECKS)("$marking: the handout's header in the same colours", (deck) => {
    const handout = path.join(out(), deck.slug, `${deck.slug}-handout.pdf`);
    expect(pdfText(handout, 1)).toContain(deck.marking);
    const image = raster(handout, 1, 150);
    // The header is a label in the top margin (15 mm = 89 px at 150 dpi): count its background's pixels there.
    let count = 0;
    for (let y = 0; y < 89; y++)
      for (let x = 0; x < image.width; x++) if (near(image.at(x, y), deck.background)) count++;
    expect(count).toBeGreaterThan(200);
  });

  it.each(DECKS)('$marking: the PPTX banners filled with $background, the text in $text', async (deck) => {
    const parts = await readPptx(await readFile(path.join(out(), deck.slug, `${deck.slug}.pptx`)));
    const layouts = parts.names.filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name));
    const layout = layouts.map((name) => parts.text.get(name)!).find((xml) => xml.includes(deck.marking))!;
    const banner = layout.slice(
      layout.lastIndexOf('<p:sp>', layout.indexOf(deck.marking)),
      layout.indexOf(deck.marking),
    );
    const hex = (colour: string) => colour.slice(1).toUpperCase();
    expect(banner).toContain(`<a:solidFill><a:srgbClr val="${hex(deck.background)}"/></a:solidFill>`);
    expect(banner).toContain(`<a:srgbClr val="${hex(deck.text)}"/>`);
  });

  it("colours each deck's marking on the index page as its banners (the template's markings too)", async () => {
    const html = await readFile(path.join(out(), 'index.html'), 'utf8');
    for (const deck of DECKS.filter((d) => d.slug !== 'nato')) {
      const name = `banner-${deck.background.slice(1)}-${deck.text.slice(1)}`;
      expect(html).toContain(`.${name} { background: ${deck.background}; color: ${deck.text}; }`);
      expect(html).toMatch(new RegExp(`<span class="marking [^"]*${name}">${deck.marking}</span>`));
    }
    expect(html).toMatch(/<span class="marking ">NATO SECRET<\/span>/);
  });
});

describe('every classification banner in every built-in template, as Chromium draws it', () => {
  it.each(['default', 'dark', 'print'])(
    '%s: WCAG AA on every slide, each level in turn',
    async (template) => {
      const result = await build({
        paths: [SAMPLE],
        outDir: path.join(work, 'levels', template),
        template,
        pdf: false,
      });
      expect(result.errors).toEqual([]);
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(`${pathToFileURL(result.decks[0]!.htmlFile).href}?print-pdf`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.documentElement.getAttribute('data-briefdeck-pdf-ready') === 'true');
        const levels = {
          UNCLASSIFIED: 'unclassified',
          CUI: 'cui',
          CONFIDENTIAL: 'confidential',
          SECRET: 'secret',
          'TOP SECRET': 'top-secret',
          'TOP SECRET//SCI': 'top-secret-sci',
        } as const;
        for (const [text, level] of Object.entries(levels)) {
          const marking = markingOf(text);
          expect(marking.colours).toEqual(CLASSIFICATION_COLOURS[level]);
          // The banners as the partial writes them for this marking: its class, its style, its text.
          await page.evaluate(
            (m) => {
              for (const banner of document.querySelectorAll<HTMLElement>('.marking')) {
                banner.className = `marking ${banner.classList.contains('marking--top') ? 'marking--top' : 'marking--bottom'} ${m.className}`;
                banner.setAttribute('style', m.style!);
                banner.textContent = m.text;
              }
            },
            { className: marking.className, style: marking.style, text: marking.text },
          );
          const drawn = await page.$eval('.marking--top', (banner) => getComputedStyle(banner).backgroundColor);
          const { r, g, b } = parseColour(marking.colours!.background)!;
          expect(drawn, text).toBe(`rgb(${r}, ${g}, ${b})`);
          expect(await page.evaluate(measureContrast), text).toEqual([]);
        }
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
