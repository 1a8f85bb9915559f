import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/batch.js';
import { parseBriefing } from '../../src/content/parse.js';
import { ContentError } from '../../src/errors.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { FIXTURES, tempDir } from '../helpers.js';

/**
 * Real-world XSS vectors (test/fixtures/xss/vectors.txt, one per line), each of
 * which calls window.__xss(n) if it ever runs. They go into the markdown of a
 * briefing and into its front matter; the deck is opened in Chromium and
 * walked through; nothing may fire. Vectors with a raw HTML <img> never get
 * that far: the content checks refuse them with an error (content/media.ts),
 * so they are checked for that instead, and the deck holds all the others.
 */
describe('hostile content in a real browser', () => {
  let work: string;
  let browser: Browser;
  let all: string[];
  let vectors: string[];

  /** The error the content checks give for a vector in a section's text, or undefined when it parses. */
  const refusal = (vector: string): ContentError | undefined => {
    const required = '## Summary\n\nB.\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n';
    try {
      parseBriefing(
        `---\ntitle: T\n---\n${required}\n## Vector\n\nBefore ${vector} after.\n\n- In a list: ${vector}\n`,
        path.join(work, 'probe.md'),
      );
      return undefined;
    } catch (error) {
      if (error instanceof ContentError) return error;
      throw error;
    }
  };

  beforeAll(async () => {
    work = await tempDir();
    all = (await readFile(path.join(FIXTURES, 'xss', 'vectors.txt'), 'utf8')).split('\n').filter(Boolean);
    vectors = all.filter((vector) => !refusal(vector));
    const yamlString = (s: string) => JSON.stringify(s);
    const sections = vectors
      .map((vector, i) => `## Vector ${i + 1}\n\nBefore ${vector} after.\n\n- In a list: ${vector}\n`)
      .join('\n');
    const text = `---
title: ${yamlString(all[2]!)}
subtitle: ${yamlString(all[0]!)}
author: ${yamlString(all[16]!)}
source:
  title: ${yamlString(all[8]!)}
  url: "https://example.org/?q=%3Cscript%3E"
  credit: ${yamlString(all[5]!)}
---

## Summary

${vectors[3]}

- ${vectors[12]}

Note: ${vectors[2]}

## Implications

### ${vectors[6]}

- ${vectors[17]}

## Recommendations

1. **${vectors[18]}** ${vectors[19]} Act on it.

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
    expect(all.length).toBeGreaterThanOrEqual(50);
  });

  it('refuses the vectors with a raw <img> (3, 4, 5, 31, 48, 52) before they reach a deck, at the line of the tag', () => {
    const refused = all.flatMap((vector, i) => {
      const error = refusal(vector);
      return error ? [{ n: i + 1, what: error.what, line: error.location?.line }] : [];
    });
    expect(refused.map((r) => r.n)).toEqual([3, 4, 5, 31, 48, 52]);
    for (const r of refused) expect(r).toMatchObject({ what: 'raw HTML <img> is not supported', line: 18 }); // "Before … after." is line 18
    expect(vectors.length).toBe(all.length - refused.length);
  });

  it('runs none of them, on any slide', async () => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { __xss: (n: number) => void }).__xss = (n: number) => {
        document.documentElement.setAttribute(
          'data-xss',
          `${document.documentElement.getAttribute('data-xss') ?? ''} ${n}`,
        );
      };
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(path.join(work, 'out', 'hostile', 'index.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    const total = await page.evaluate(() =>
      (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides(),
    );
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
          if (/^\s*(javascript|vbscript|data):/i.test(attribute.value) && /href|src|action|data/i.test(attribute.name))
            problems.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      for (const tag of [
        'iframe',
        'object',
        'embed',
        'form',
        'base',
        'meta[http-equiv]',
        'link[href^="javascript"]',
        'svg',
        'math',
        'style',
        'input',
        'button',
        'textarea',
        'select',
      ]) {
        if (document.querySelector(`body ${tag}`)) problems.push(`<${tag}>`);
      }
      const scripts = [...document.scripts].map((s) => s.getAttribute('src') ?? s.type);
      return { problems, scripts };
    });
    expect(found.problems).toEqual([]);
    expect(found.scripts).toEqual([
      'application/json', // the labels the deck's scripts write (briefdeck-labels)
      'application/json', // reveal's configuration (briefdeck-config)
      'assets/reveal/reveal.js',
      'assets/reveal/plugin/notes.js',
      'assets/deck.js',
    ]);
    await page.close();
  });
});
