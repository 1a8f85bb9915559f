import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/browser.js';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

/**
 * A briefing with images in subfolders, built by the CLI with its PDF: the
 * images are copied into the deck, load from file:// in Chromium, fit their
 * slides, and are in the PDF. Two of them are both called chart.png.
 */
describe('images in markdown: copied, shown, printed', () => {
  let work: string;
  let deckDir: string;
  let browser: Browser;
  let run: Awaited<ReturnType<typeof runCli>>;
  const chart = path.join(FIXTURES, 'images', 'chart.png'); // 640 × 400
  const tall = path.join(FIXTURES, 'images', 'tall.png'); // 300 × 1400: must be scaled down to fit

  beforeAll(async () => {
    work = await tempDir('briefdeck-images-');
    const content = path.join(work, 'content');
    await mkdir(path.join(content, 'images', 'charts'), { recursive: true });
    await mkdir(path.join(content, 'other'), { recursive: true });
    await copyFile(chart, path.join(content, 'images', 'charts', 'chart.png'));
    await copyFile(tall, path.join(content, 'other', 'chart.png'));
    await writeFile(
      path.join(content, 'pictures.md'),
      `---
title: Pictures
date: 2026-01-15
---

## Summary

Attacks rose every quarter.

![Attacks per quarter](images/charts/chart.png "Attacks per quarter")

## Implications

### A tall one

![A tall bar](other/chart.png)

## Recommendations

1. Look at the charts.
`,
    );
    run = await runCli(['build', path.join(content, 'pictures.md'), '--out', path.join(work, 'out')]);
    deckDir = path.join(work, 'out', 'pictures');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('builds with no warning (no slide overflows)', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('copies each image once, under a name from its bytes, and points the HTML at the copies', async () => {
    const copies = (await readdir(path.join(deckDir, 'assets', 'media'))).sort();
    expect(copies).toHaveLength(2);
    for (const name of copies) expect(name).toMatch(/^[0-9a-f]{8}-chart\.png$/);
    const bytes = await Promise.all(copies.map((name) => readFile(path.join(deckDir, 'assets', 'media', name))));
    const sources = [await readFile(chart), await readFile(tall)];
    expect(sources.map((source) => bytes.findIndex((b) => b.equals(source))).sort()).toEqual([0, 1]);
    const html = await readFile(path.join(deckDir, 'index.html'), 'utf8');
    const srcs = [...html.matchAll(/<img src="([^"]+)" alt="(A tall bar|Attacks per quarter)"/g)].map((m) => m[1]);
    expect(srcs.sort()).toEqual(copies.map((name) => `assets/media/${name}`));
  });

  it('shows every image loaded from file://, inside its slide, with only local requests and no errors', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as any).Reveal?.isReady());
    const shown = [];
    for (const slide of [1, 2]) {
      await page.evaluate((index) => (window as any).Reveal.slide(index), slide);
      shown.push(
        await page.evaluate(async () => {
          const section = (window as any).Reveal.getCurrentSlide() as HTMLElement;
          const image = section.querySelector<HTMLImageElement>('.slide__body img')!;
          await image.decode();
          const box = image.getBoundingClientRect();
          const frame = section.querySelector('.slide__frame')!.getBoundingClientRect();
          const inside =
            box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
          return {
            alt: image.alt,
            naturalWidth: image.naturalWidth,
            naturalHeight: image.naturalHeight,
            height: Math.round(box.height),
            inside,
          };
        }),
      );
    }
    expect(shown[0]).toMatchObject({ alt: 'Attacks per quarter', naturalWidth: 640, naturalHeight: 400, inside: true });
    expect(shown[1]).toMatchObject({ alt: 'A tall bar', naturalWidth: 300, naturalHeight: 1400, inside: true });
    expect(shown[1]!.height).toBeLessThan(1400);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(requests.filter((url) => url.includes('/assets/media/'))).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts the images in the PDF, on their slides', () => {
    const list = spawnSync('pdfimages', ['-list', path.join(deckDir, 'pictures.pdf')], { encoding: 'utf8' });
    expect(list.status, list.stderr).toBe(0);
    const images = list.stdout
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.trim().split(/\s+/))
      .map(([page, , type, width, height]) => ({
        page: Number(page),
        type,
        width: Number(width),
        height: Number(height),
      }));
    expect(images).toEqual([
      { page: 2, type: 'image', width: 640, height: 400 },
      { page: 3, type: 'image', width: 300, height: 1400 },
    ]);
  });
});
