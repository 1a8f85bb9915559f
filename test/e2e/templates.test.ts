import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type DeckResult } from '../../src/build/batch.js';
import { TemplateRegistry } from '../../src/deck/template/registry.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { measureContrast } from '../contrast-in-page.js';
import { pdfInfo, pdfText, SAMPLE, tempDir } from '../helpers.js';

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
      const pages = Number(pdfInfo(deck.pdf!.pdfFile).Pages);
      expect(pages).toBe(deck.slides);
      for (let page = 1; page <= pages; page++)
        expect(pdfText(deck.pdf!.pdfFile, page).match(/TLP:CLEAR/g)?.length, `page ${page}`).toBe(2);
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
        await page.addStyleTag({
          content: '.reveal .slide__kicker { color: #d0d0d0 !important; background: #ffffff !important; }',
        });
        const failures = await page.evaluate(measureContrast);
        expect(failures.length).toBeGreaterThan(0);
        expect(failures.every((f) => f.ratio < 1.6)).toBe(true);
      } finally {
        await page.close();
      }
    });
  });
});
