import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { FIXTURES, tempDir } from '../helpers.js';

/**
 * Real-world XSS vectors (test/fixtures/xss/vectors.txt, one per line), each of
 * which calls window.__xss(n) if it ever runs. They go into the markdown of a
 * briefing and into its front matter; the deck is opened in Chromium and
 * walked through; nothing may fire.
 */
describe('hostile content in a real browser', () => {
  let work: string;
  let browser: Browser;
  let vectors: string[];

  beforeAll(async () => {
    work = await tempDir();
    vectors = (await readFile(path.join(FIXTURES, 'xss', 'vectors.txt'), 'utf8')).split('\n').filter(Boolean);
    const yamlString = (s: string) => JSON.stringify(s);
    const sections = vectors.map((vector, i) => `## Vector ${i + 1}\n\nBefore ${vector} after.\n\n- In a list: ${vector}\n`).join('\n');
    const text = `---
title: ${yamlString(vectors[2]!)}
subtitle: ${yamlString(vectors[0]!)}
author: ${yamlString(vectors[16]!)}
source:
  title: ${yamlString(vectors[8]!)}
  url: "https://example.org/?q=%3Cscript%3E"
  credit: ${yamlString(vectors[5]!)}
---

## Summary

${vectors[3]}

- ${vectors[12]}

Note: ${vectors[2]}

## Implications

### ${vectors[6]}

- ${vectors[17]}

## Recommendations

1. **${vectors[18]}** ${vectors[19]}

## Quote

> ${vectors[1]}
>
> — ${vectors[4]}

${sections}`;
    await writeFile(path.join(work, 'hostile.md'), text);
    const result = await build({ paths: [path.join(work, 'hostile.md')], outDir: path.join(work, 'out'), pdf: false });
    expect(result.errors).toEqual([]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  });

  it(`uses at least 50 vectors`, () => {
    expect(vectors.length).toBeGreaterThanOrEqual(50);
  });

  it('runs none of them, on any slide', async () => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { __xss: (n: number) => void }).__xss = (n: number) => {
        document.documentElement.setAttribute('data-xss', `${document.documentElement.getAttribute('data-xss') ?? ''} ${n}`);
      };
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(path.join(work, 'out', 'hostile', 'index.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    const total = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('ArrowRight');
      await page.mouse.move(200 + (i % 10) * 80, 200 + (i % 5) * 80); // hover handlers
    }
    await page.click('body').catch(() => undefined);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-xss'))).toBeNull();
    expect(dialogs).toEqual([]);
    // Control: the hook does record a call, so the null above means nothing ran.
    await page.evaluate(() => (window as unknown as { __xss: (n: number) => void }).__xss(0));
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-xss'))).toBe(' 0');
    await page.close();
  });

  it('leaves no active markup in the deck: no handlers, no script, frame, object, form, base or refresh', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(pathToFileURL(path.join(work, 'out', 'hostile', 'index.html')).href, { waitUntil: 'load' });
    const found = await page.evaluate(() => {
      const problems: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) problems.push(`${element.tagName} ${attribute.name}`);
          if (/^\s*(javascript|vbscript|data):/i.test(attribute.value) && /href|src|action|data/i.test(attribute.name)) problems.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      for (const tag of ['iframe', 'object', 'embed', 'form', 'base', 'meta[http-equiv]', 'link[href^="javascript"]', 'svg', 'math', 'style', 'input', 'button', 'textarea', 'select']) {
        if (document.querySelector(`body ${tag}`)) problems.push(`<${tag}>`);
      }
      const scripts = [...document.scripts].map((s) => s.getAttribute('src') ?? s.type);
      return { problems, scripts };
    });
    expect(found.problems).toEqual([]);
    expect(found.scripts).toEqual(['application/json', 'assets/reveal/reveal.js', 'assets/reveal/plugin/notes.js', 'assets/deck.js']);
    await page.close();
  });
});
