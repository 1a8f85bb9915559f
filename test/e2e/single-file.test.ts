import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../src/output/manifest.js';
import { deckSuite, FIXTURES, pdfText, ROOT, runCli, SAMPLE, squash, tempDir } from '../helpers.js';

/**
 * `build --single-file`: <slug>.html, copied alone into an empty folder (as a mail attachment or a USB
 * stick gives it), opened from file:// in Chromium with every request recorded.
 */
const PICTURES = `---
title: Pictures
date: 2026-01-15
options:
  logo: logo.svg
---

## Summary

Attacks rose every quarter.

![Attacks per quarter](images/chart.png "Attacks per quarter")

Note: Say that the chart counts attacks, not casualties.

## Implications

### For the region

More attacks are likely.

Note: The region note for the speaker.

## Recommendations

1. Look at the charts.
`;

interface Recorded {
  page: Page;
  /** Requests other than data:, blob:, about: and the single file itself. */
  requests: string[];
  /** Console errors, page errors and CSP violations. */
  problems: string[];
}

type RevealWindow = Window & {
  Reveal: {
    isReady(): boolean;
    getTotalSlides(): number;
    getIndices(): { h: number };
    isOverview(): boolean;
    getSlides(): HTMLElement[];
  };
};

describe('the single-file deck, alone in a folder, opened from file://', () => {
  const suite = deckSuite(async ({ dir, out }) => {
    const content = path.join(dir, 'content');
    await mkdir(path.join(content, 'images'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'images', 'chart.png'), path.join(content, 'images', 'chart.png'));
    await copyFile(path.join(FIXTURES, 'logo.svg'), path.join(content, 'logo.svg'));
    await writeFile(path.join(content, 'pictures.md'), PICTURES);
    await copyFile(SAMPLE, path.join(content, 'iskp-moscow-plot.md'));
    const run = await runCli(['build', content, '--no-pdf', '--single-file', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const slug of ['iskp-moscow-plot', 'pictures']) {
      await mkdir(path.join(dir, `alone-${slug}`));
      await copyFile(path.join(out, slug, `${slug}.html`), path.join(dir, `alone-${slug}`, `${slug}.html`));
    }
  }, 120_000);
  const alone = (slug: string) => path.join(suite.dir, `alone-${slug}`, `${slug}.html`);

  async function open(url: string, browser: Browser = suite.browser): Promise<Recorded> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const recorded = watch(page, url);
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady());
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return recorded;
  }

  /** Records on `page` (and its frames) every request that leaves the file, and every problem. */
  function watch(page: Page, url: string): Recorded {
    const file = url.replace(/[?#].*$/, '');
    const recorded: Recorded = { page, requests: [], problems: [] };
    page.on('request', (request) => {
      const target = request.url();
      if (/^(data|blob|about):/.test(target) || target.replace(/[?#].*$/, '') === file) return;
      recorded.requests.push(target);
    });
    page.on('requestfailed', (request) => recorded.problems.push(`failed: ${request.url()}`));
    page.on('pageerror', (error) => recorded.problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text()))
        recorded.problems.push(message.text());
    });
    return recorded;
  }

  /** Each slide's text, as the deck in its folder shows it. */
  async function slideTexts(htmlFile: string): Promise<string[]> {
    const { page } = await open(pathToFileURL(htmlFile).href);
    const texts = await page.evaluate(() =>
      (window as unknown as RevealWindow).Reveal.getSlides().map((slide) => slide.textContent ?? ''),
    );
    await page.close();
    return texts.map(squash);
  }

  it('is the only file the folder needs: no request leaves it, no error, no CSP violation; slides, fonts and images render', async () => {
    for (const slug of ['iskp-moscow-plot', 'pictures']) {
      const expected = await slideTexts(path.join(suite.out, slug, 'index.html'));
      const { page, requests, problems } = await open(pathToFileURL(alone(slug)).href);
      const seen = await page.evaluate(() => {
        const reveal = (window as unknown as RevealWindow).Reveal;
        return {
          total: reveal.getTotalSlides(),
          texts: reveal.getSlides().map((slide) => slide.textContent ?? ''),
          fonts: [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
          images: [...document.images].map((image) => ({ complete: image.complete, width: image.naturalWidth })),
        };
      });
      expect(seen.total, slug).toBe(expected.length);
      expect(seen.texts.map(squash), slug).toEqual(expected);
      expect(seen.fonts, slug).toContain('Source Sans 3');
      for (const image of seen.images) expect(image.complete && image.width > 0, slug).toBe(true);
      if (slug === 'pictures') expect(seen.images.length).toBeGreaterThanOrEqual(3); // the chart and the logo on each slide
      expect(requests, slug).toEqual([]);
      expect(problems, slug).toEqual([]);
      await page.close();
    }
    expect(await readdir(path.dirname(alone('pictures')))).toEqual(['pictures.html']);
  });

  it('navigates, shows the overview (Esc) and leaves it', async () => {
    const { page, requests, problems } = await open(pathToFileURL(alone('iskp-moscow-plot')).href);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal.getIndices().h === 1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal.isOverview());
    await page.keyboard.press('o');
    await page.waitForFunction(() => !(window as unknown as RevealWindow).Reveal.isOverview());
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens reveal's speaker view (S): the notes, and the deck itself in its previews", async () => {
    const { page, requests, problems } = await open(pathToFileURL(alone('pictures')).href);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal.getIndices().h === 1);
    const popup = suite.browser.waitForTarget((target) => target.opener() === page.target(), { timeout: 10_000 });
    await page.keyboard.press('s');
    const speaker = (await (await popup).page())!;
    const speakerView = watch(speaker, pathToFileURL(alone('pictures')).href);
    await speaker.waitForFunction(() => document.body.innerText.includes('counts attacks, not casualties'), {
      timeout: 10_000,
    });
    // The current-slide preview is the single file again (?receiver), running reveal on the same slide.
    await speaker.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    const previews = () => speaker.frames().filter((frame) => frame.url().includes('receiver'));
    await expect.poll(() => previews().length, { timeout: 10_000 }).toBe(2);
    for (const frame of previews()) {
      expect(frame.url().startsWith(pathToFileURL(alone('pictures')).href)).toBe(true);
      await frame.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady(), { timeout: 10_000 });
    }
    expect(await speaker.evaluate(() => document.body.innerText)).toMatch(/Upcoming/i);
    expect([...requests, ...speakerView.requests]).toEqual([]);
    expect([...problems, ...speakerView.problems]).toEqual([]);
    await speaker.close();
    await page.close();
  });

  it("prints from the browser (?print-pdf): every slide's text is in the PDF, every image drawn", async () => {
    for (const slug of ['iskp-moscow-plot', 'pictures']) {
      const expected = await slideTexts(path.join(suite.out, slug, 'index.html'));
      const url = `${pathToFileURL(alone(slug)).href}?print-pdf`;
      const page = await suite.browser.newPage();
      const recorded = watch(page, url);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.getAttribute('data-briefdeck-pdf-ready') === 'true');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = path.join(suite.dir, `${slug}-printed.pdf`);
      await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const text = squash(pdfText(pdf));
      const seen = await page.evaluate(() => ({
        titles: [...document.querySelectorAll('.slides section')].map(
          (slide) => slide.querySelector('h1, h2')?.textContent ?? '',
        ),
        images: [...document.images].map((image) => image.naturalWidth),
      }));
      expect(seen.titles, slug).toHaveLength(expected.length);
      for (const [i, title] of seen.titles.entries()) {
        expect(text, slug).toContain(squash(title));
        expect(text, slug).toMatch(new RegExp(`\\b${i + 1} ?/ ?${expected.length}\\b`)); // pdftotext may drop the spaces
      }
      for (const width of seen.images) expect(width, slug).toBeGreaterThan(0);
      expect(recorded.requests, slug).toEqual([]);
      expect(recorded.problems, slug).toEqual([]);
      await page.close();
    }
  });

  it('carries its own strict policy: scripts by hash only, fonts and images as data:, no live-reload script', async () => {
    const html = await readFile(alone('iskp-moscow-plot'), 'utf8');
    const policies = [...html.matchAll(/http-equiv="Content-Security-Policy" content="([^"]+)"/g)].map((m) =>
      m[1]!.replace(/&#39;/g, "'"),
    );
    expect(policies).toHaveLength(1);
    const directives = Object.fromEntries(
      policies[0]!.split(/;\s*/).map((part) => [part.split(' ')[0], part.split(' ').slice(1)]),
    );
    // One hash per inlined script (reveal, its notes plugin, deck.js) and the speaker view's.
    expect(directives['script-src']).toHaveLength(4);
    for (const source of directives['script-src']!) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(directives['font-src']).toEqual(['data:']);
    expect(directives['img-src']).toEqual(['data:']);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|__briefdeck|live\.js/);
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
    expect(styles).toMatch(/url\(data:font\/woff2;base64,/);
    expect(styles).not.toMatch(/url\((?!["']?data:)/);
  });

  it('is named in deck.json and linked from the index page, and a build without --single-file removes it', async () => {
    const deckJson = path.join(suite.out, 'pictures', 'deck.json');
    expect(JSON.parse(await readFile(deckJson, 'utf8')).singleFile).toBe('pictures.html');
    expect(await readFile(path.join(suite.out, 'index.html'), 'utf8')).toContain(
      '<a href="pictures/pictures.html">Single file</a>',
    );
    const run = await runCli(['build', path.join(suite.dir, 'content', 'pictures.md'), '--no-pdf', '--out', suite.out]);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(path.join(suite.out, 'pictures'))).sort()).toEqual([
      MANIFEST_NAME, // the deck's manifest (output/manifest.ts): the deck is complete
      'assets',
      'deck.json',
      'index.html',
    ]);
    expect(JSON.parse(await readFile(deckJson, 'utf8')).singleFile).toBeUndefined();
  });
});

describe('a deck whose template loads a file from elsewhere, built with --single-file', () => {
  it('fails with one line naming the reference, writes no single file and drops the earlier one', async () => {
    const dir = await tempDir();
    try {
      const out = path.join(dir, 'out');
      const first = await runCli(['build', SAMPLE, '--no-pdf', '--single-file', '--out', out]);
      expect(first.code, first.stderr).toBe(0);
      const single = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot.html');
      expect(existsSync(single)).toBe(true);

      const template = path.join(dir, 'templates', 'remote');
      await mkdir(template, { recursive: true });
      await writeFile(path.join(template, 'template.json'), JSON.stringify({ name: 'remote', extends: 'default' }));
      const layout = await readFile(path.join(ROOT, 'templates', 'default', 'layout.hbs'), 'utf8');
      await writeFile(
        path.join(template, 'layout.hbs'),
        layout.replace('</title>', '</title>\n<link rel="stylesheet" href="https://cdn.example.org/remote.css">'),
      );
      const args = ['--templates', path.join(dir, 'templates'), '--template', 'remote'];
      const run = await runCli(['build', SAMPLE, '--no-pdf', '--single-file', '--out', out, ...args]);
      expect(run.code).toBe(4); // EXIT_CODES.output
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe(
        `${SAMPLE}: the single file cannot carry "https://cdn.example.org/remote.css" (<link rel="stylesheet"> in index.html): it is on another server, and the single file must open with no network — save the file in the template's assets/ folder and name it by a path relative to the file that uses it, or build without --single-file`,
      );
      // The deck's HTML was rebuilt, so the single file of the earlier HTML is gone, and none is named.
      expect(existsSync(single)).toBe(false);
      const info = JSON.parse(await readFile(path.join(out, 'iskp-moscow-plot', 'deck.json'), 'utf8'));
      expect(info.singleFile).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
