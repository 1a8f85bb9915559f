import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/batch.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { SAMPLE, tempDir } from '../helpers.js';

describe('the built deck in a real browser, from file://', () => {
  let out: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    out = await tempDir();
    const result = await build({ paths: [SAMPLE], outDir: out, pdf: false });
    expect(result.errors).toEqual([]);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(path.join(out, 'iskp-moscow-plot', 'index.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  });
  afterAll(async () => {
    await browser?.close();
    await rm(out, { recursive: true, force: true });
  });

  it('loads only its own local files, without errors', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('starts reveal.js with every slide and the bundled fonts', async () => {
    expect(await page.evaluate(() => (window as any).Reveal.getTotalSlides())).toBe(10);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [document.fonts.check('27px "Source Sans 3"'), document.fonts.check('600 46px "Source Serif 4"')];
    });
    expect(fonts).toEqual([true, true]);
  });

  it('navigates with the keyboard to the last slide', async () => {
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (window as any).Reveal.getIndices().h === 9);
    const text = await page.evaluate(() => (window as any).Reveal.getCurrentSlide().innerText as string);
    expect(text).toContain('Sources');
    expect(text).toContain('10 / 10');
    // reveal writes the slide into the URL (debounced by up to a second), so a reload stays on it.
    await page.waitForFunction(() => location.hash === '#/9', { timeout: 5000 });
  });

  it('gives the speaker view the notes of each slide', async () => {
    const notes = await page.evaluate(() => {
      const reveal = (window as any).Reveal;
      return reveal.getSlides().map((slide: Element) => reveal.getSlideNotes(slide) ?? '');
    });
    expect(notes[0]).toBe('');
    for (const note of notes.slice(1)) expect(note.length).toBeGreaterThan(20);
    expect(await page.evaluate(() => Boolean((window as any).Reveal.getPlugin('notes')))).toBe(true);
  });

  it("opens reveal's speaker view from file:// too (S), with the current slide's notes", async () => {
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (window as any).Reveal.getIndices().h === 1);
    const popup = browser.waitForTarget((target) => target.opener() === page.target(), { timeout: 10_000 });
    await page.keyboard.press('s');
    const speaker = (await (await popup).page())!;
    await speaker.waitForFunction(() => document.body.innerText.includes('Lead with the bottom line'), {
      timeout: 10_000,
    });
    expect(await speaker.evaluate(() => document.body.innerText)).toMatch(/Upcoming/i);
    await speaker.close();
  });

  it('writes an index page that opens from file:// and links to the deck', async () => {
    const index = await browser.newPage();
    await index.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
    expect(await index.$eval('h2', (h) => h.textContent)).toBe('ISKP plot disrupted in Moscow');
    expect(await index.$eval('.marking', (m) => m.textContent)).toBe('TLP:CLEAR');
    const links = await index.$$eval('a', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain(pathToFileURL(path.join(out, 'iskp-moscow-plot', 'index.html')).href);
    // This build had no PDF, so the index offers none.
    expect(links.some((href) => href.endsWith('.pdf'))).toBe(false);
    await index.close();
  });
});
