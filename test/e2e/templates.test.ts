import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type DeckResult } from '../../src/build.js';
import { TemplateRegistry } from '../../src/deck/template.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { pdfInfo, pdfText, SAMPLE, tempDir } from '../helpers.js';

interface ContrastFailure {
  text: string;
  color: string;
  background: string;
  ratio: number;
  required: number;
}

/**
 * WCAG 2 contrast of every piece of text on every slide, measured in the browser
 * from computed styles: the text colour against the first opaque background
 * behind it (translucent layers composited). Large text (24px, or 18.66px bold)
 * needs 3:1, other text 4.5:1.
 */
function measureContrast(): ContrastFailure[] {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a] = m[1]!.split(/[ ,/]+/).map(Number);
    return [r!, g!, b!, a === undefined || Number.isNaN(a) ? 1 : a];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const background = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] === 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1] as Rgba);
  };
  const failures: ContrastFailure[] = [];
  for (const element of document.querySelectorAll('.slides section *')) {
    if (element.closest('aside.notes')) continue;
    const ownText = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    if (!ownText) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const bg = background(element);
    const fg = over(parse(style.color), bg);
    const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (light! + 0.05) / (dark! + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? 3 : 4.5;
    if (ratio < required) failures.push({ text: ownText.slice(0, 40), color: style.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, ratio: Math.round(ratio * 100) / 100, required });
  }
  return failures;
}

describe('built-in templates (sample briefing, real Chromium)', async () => {
  const templates = (await new TemplateRegistry().list()).map((t) => t.name);
  let out: string;
  let browser: Browser;
  const decks = new Map<string, DeckResult>();

  beforeAll(async () => {
    out = await tempDir();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(out, { recursive: true, force: true });
  });

  it('ships at least a light, a dark and a print template', () => {
    expect(templates).toEqual(expect.arrayContaining(['default', 'dark', 'print']));
  });

  describe.each(templates)('%s', (template) => {
    it('builds the sample into a PDF with the marking top and bottom of every page', async () => {
      const result = await build({ paths: [SAMPLE], outDir: path.join(out, template), template });
      expect(result.errors).toEqual([]);
      const deck = result.decks[0]!;
      decks.set(template, deck);
      const pages = Number(pdfInfo(deck.pdf!.pdfFile)['Pages']);
      expect(pages).toBe(deck.slides);
      for (let page = 1; page <= pages; page++) expect(pdfText(deck.pdf!.pdfFile, page).match(/TLP:CLEAR/g)?.length, `page ${page}`).toBe(2);
    });

    it('meets WCAG AA contrast for all text on all slides', async () => {
      const deck = decks.get(template)!;
      const page = await browser.newPage();
      try {
        // The print view lays out every slide at once, so every text element can be measured.
        await page.goto(`${pathToFileURL(deck.htmlFile).href}?print-pdf`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.documentElement.getAttribute('data-briefdeck-pdf-ready') === 'true');
        const checked = await page.evaluate(() => document.querySelectorAll('.slides section *').length);
        expect(checked).toBeGreaterThan(100);
        expect(await page.evaluate(measureContrast)).toEqual([]);
        // Control: the measurement does catch a pale kicker, so the empty list above means something.
        await page.addStyleTag({ content: '.reveal .slide__kicker { color: #d0d0d0 !important; background: #ffffff !important; }' });
        const failures = await page.evaluate(measureContrast);
        expect(failures.length).toBeGreaterThan(0);
        expect(failures.every((f) => f.ratio < 1.6)).toBe(true);
      } finally {
        await page.close();
      }
    });
  });
});
