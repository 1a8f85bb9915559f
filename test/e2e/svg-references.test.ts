// Content SVGs and SVG logos are copied into the deck, where anyone can open the copy by its own URL: then
// it is a document, and Chromium runs its scripts and loads what its CSS and links name. Each SVG below
// really does reach a local canary server when Chromium opens it (checked first, so the corpus stays
// honest); the build must refuse it as content image and as logo. A build that let one through would
// leave a copy in the deck: that copy is opened by its URL too, and must reach nothing.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/browser.js';
import { type Canary, runCli, startCanary, tempDir } from '../helpers.js';

const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"${attributes}>${inner}<rect width="50" height="50"/></svg>`;
const beacon = (url: string) => `fetch("${url}", { mode: "no-cors" })`;

/** Each makes an SVG that reaches `url` when opened. */
const VECTORS: Record<string, (url: string) => string> = {
  'url() in a style element': (url) => svg(`<style>svg { background-image: url(${url}) }</style>`),
  "url( 'quoted' ) with spaces": (url) => svg(`<style>svg { background-image: url( '${url}' ) }</style>`),
  'image-set() with a bare string': (url) => svg(`<style>svg { background-image: image-set("${url}" 1x) }</style>`),
  '-webkit-image-set()': (url) => svg(`<style>svg { background-image: -webkit-image-set("${url}" 1x) }</style>`),
  'image-set() in a style attribute': (url) => svg('', ` style="background-image: image-set(&quot;${url}&quot; 1x)"`),
  '@import "…"': (url) => svg(`<style>@import "${url}";</style>`),
  '@import url(…)': (url) => svg(`<style>@import url(${url});</style>`),
  'a CSS escape: \\75 rl(': (url) => svg(`<style>svg { background-image: \\75 rl(${url}) }</style>`),
  'an XML character reference: &#117;rl(': (url) => svg('', ` style="background-image: &#117;rl(${url})"`),
  'src: url() in @font-face': (url) =>
    svg(`<style>@font-face { font-family: X; src: url(${url}) } text { font-family: X }</style><text y="20">hi</text>`),
  'a CDATA section': (url) => svg(`<style><![CDATA[ svg { background-image: image-set("${url}" 1x) } ]]></style>`),
  'a presentation attribute: fill="url(…)"': (url) => svg(`<rect width="9" height="9" fill="url(${url}#g)"/>`),
  'a cursor': (url) => svg(`<style>svg { cursor: url(${url}), auto }</style>`),
  'xlink:href on <image>': (url) => svg(`<image xlink:href="${url}" width="9" height="9"/>`),
  'href on <feImage>': (url) =>
    svg(`<filter id="f"><feImage href="${url}"/></filter><rect width="9" height="9" filter="url(#f)"/>`),
  '<?xml-stylesheet?>': (url) => `<?xml-stylesheet href="${url}" type="text/css"?>${svg('')}`,
  'a <script> inside <title>': (url) => svg(`<title><script>${beacon(url)}</script></title>`),
  'a <script> inside <style>': (url) => svg(`<style><script>${beacon(url)}</script></style>`),
  'a prefixed <svg:script>': (url) =>
    svg(`<svg:script xmlns:svg="http://www.w3.org/2000/svg">${beacon(url)}</svg:script>`),
  'an XHTML <html:script>': (url) =>
    svg(`<html:script xmlns:html="http://www.w3.org/1999/xhtml">${beacon(url)}</html:script>`),
};
const BRIEFING = (extra: string, image: string) =>
  `---\ntitle: SVG probe\ndate: 2026-01-15\n${extra}---\n\n## Summary\n\nBottom line.\n\n${image}\n\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Do.\n`;

describe('SVGs that would load another file when opened by their URL, in Chromium', () => {
  let work: string;
  let browser: Browser;
  let server: Canary;
  let canary: string;
  let hits: string[];
  let n = 0;

  beforeAll(async () => {
    work = await tempDir('briefdeck-svg-');
    server = await startCanary();
    ({ url: canary, hits } = server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  /** Opens a file in Chromium by its URL and waits until the network is quiet; returns the canary requests made for `id`. */
  async function open(file: string, id: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'networkidle0' });
    } finally {
      await page.close();
    }
    return hits.filter((hit) => hit.startsWith(`/${id}`));
  }

  /** Builds a briefing that uses the SVG; returns the run and every copied media file the build left. */
  async function build(dir: string, extra: string, image: string) {
    await writeFile(path.join(dir, 'probe.md'), BRIEFING(extra, image));
    const run = await runCli(['build', path.join(dir, 'probe.md'), '--out', path.join(dir, 'out'), '--no-pdf']);
    const media = path.join(dir, 'out', 'probe', 'assets', 'media');
    const copies = (await readdir(media).catch(() => [] as string[])).map((name) => path.join(media, name));
    return { run, copies };
  }

  for (const [name, make] of Object.entries(VECTORS)) {
    it(`refuses ${name} (content image and logo); Chromium does load it`, async () => {
      const id = `v${++n}`;
      const dir = path.join(work, id);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'drawing.svg'), make(`${canary}/${id}`));
      // The vector is real: opened by itself, the file reaches the canary.
      expect(
        (await open(path.join(dir, 'drawing.svg'), id)).length,
        'Chromium loads nothing for this SVG: not a vector',
      ).toBeGreaterThan(0);
      hits.length = 0;

      for (const [extra, image, file, line] of [
        ['', '![drawing](drawing.svg)', 'probe.md', 10],
        ['options:\n  logo: drawing.svg\n', '', 'probe.md', 5],
      ] as const) {
        const { run, copies } = await build(dir, extra, image);
        // A copy that got into the deck, opened by its URL, must reach nothing.
        for (const copy of copies) expect(await open(copy, id), `${path.basename(copy)} loaded the canary`).toEqual([]);
        expect(run.code, run.stderr).toBe(1);
        expect(run.stderr.trimEnd()).toMatch(
          new RegExp(
            `${file}:${line}: (option "logo": )?image "drawing\\.svg" is not a plain drawing: it contains .* — export it again as a plain SVG`,
          ),
        );
        expect(copies).toEqual([]);
      }
    });
  }

  it('copies a plain drawing (fragment url()s, a style element) that, opened by its URL, reaches nothing', async () => {
    const dir = path.join(work, 'plain');
    await mkdir(dir, { recursive: true });
    const plain = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#123"/></linearGradient><clipPath id="c"><circle r="40"/></clipPath></defs>' +
        '<style><![CDATA[ .bar { fill: url(#g); clip-path: url( "#c" ) } ]]></style><rect class="bar" width="90" height="90" style="stroke: url(#g)"/><text y="95">Attacks (2024)</text>',
    );
    await writeFile(path.join(dir, 'drawing.svg'), plain);
    const { run, copies } = await build(dir, 'options:\n  logo: drawing.svg\n', '![drawing](drawing.svg)');
    expect(run.code, run.stderr).toBe(0);
    expect(copies.map((copy) => path.basename(copy)).sort()).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}-drawing\.svg$/),
      'logo.svg',
    ]);
    hits.length = 0;
    for (const copy of copies) {
      expect(await readFile(copy, 'utf8')).toBe(plain);
      expect(await open(copy, '')).toEqual([]);
    }
  });
});
