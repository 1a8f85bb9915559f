import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/browser.js';
import { DeckPrinter, type PrintResult } from '../../src/pdf/print.js';
import { pdfInfo, pdfText, tempDir } from '../helpers.js';

describe('DeckPrinter', () => {
  let dir: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await tempDir();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('blocks and reports every request that is not for a local file', async () => {
    // A page that tries the network the ways a careless template could: stylesheet, image, script, fetch.
    const html = `<!doctype html><html><head><title>Leaky</title>
      <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
      </head><body><p>Local text stays.</p>
      <img src="http://127.0.0.1:9/tracker.png">
      <script src="https://cdn.example.invalid/lib.js"></script>
      <script>document.documentElement.setAttribute('data-briefdeck-pdf-ready', 'true')</script>
      </body></html>`;
    const file = path.join(dir, 'leaky.html');
    await writeFile(file, html);
    const printer = new DeckPrinter(browser, { layout: 'reveal' }); // the page's own script marks it ready
    const result = await printer.print({
      htmlFile: file,
      pdfFile: path.join(dir, 'leaky.pdf'),
      metadata: { title: 'Leaky', keywords: ['k'] },
    });
    await printer.close();
    expect(result.blockedRequests.sort()).toEqual([
      'http://127.0.0.1:9/tracker.png',
      'https://cdn.example.invalid/lib.js',
      'https://fonts.googleapis.com/css2?family=Inter',
    ]);
    expect(pdfText(result.pdfFile)).toContain('Local text stays.');
    expect(pdfInfo(result.pdfFile).Keywords).toBe('k');
  });

  it('gives up on a tab that crashes at once, with the crash as the reason, and prints the next deck in a fresh tab', async () => {
    const stuck = path.join(dir, 'crashes.html');
    await writeFile(stuck, '<!doctype html><title>x</title><p>reveal never fires pdf-ready here</p>');
    // A timeout far longer than the test may take: only the crash can end this print in time.
    const printer = new DeckPrinter(browser, { timeout: 600_000, layout: 'reveal' });
    const printing = printer.print({
      htmlFile: stuck,
      pdfFile: path.join(dir, 'crashes.pdf'),
      metadata: { title: 'x', keywords: [] },
    });
    const failure = printing.then(
      () => undefined,
      (error: unknown) => error,
    );
    const target = await browser.waitForTarget((candidate) => candidate.url().includes('crashes.html'), {
      timeout: 30_000,
    });
    const tab = await target.page();
    const session = await tab!.createCDPSession();
    void session.send('Page.crash').catch(() => undefined); // never answered: the session dies with the tab
    expect(String(await failure)).toMatch(/printing .*crashes\.html failed: .*crash/i);
    await printer.close();
    const fresh = new DeckPrinter(browser, { layout: 'reveal' });
    const good = path.join(dir, 'good.html');
    await writeFile(
      good,
      '<!doctype html><title>Good</title><p>Printed after the crash.</p><script>document.documentElement.setAttribute("data-briefdeck-pdf-ready", "true")</script>',
    );
    let result: PrintResult | undefined;
    for (let i = 0; i < 3; i++)
      result = await fresh.print({
        htmlFile: good,
        pdfFile: path.join(dir, 'good.pdf'),
        metadata: { title: 'Good', keywords: [] },
      });
    // The reused tab does not collect a crash listener per print.
    const reused = (await browser.pages()).find((candidate) => candidate.url().includes('good.html'))!;
    expect(reused.listenerCount('error')).toBe(0);
    await fresh.close();
    expect(pdfText(result!.pdfFile)).toContain('Printed after the crash.');
  }, 60_000);

  it('writes the PDF atomically: a failed print leaves the earlier PDF as it was', async () => {
    const target = path.join(dir, 'kept.pdf');
    await writeFile(target, 'earlier PDF');
    const file = path.join(dir, 'never-ready.html');
    await writeFile(file, '<!doctype html><title>x</title><p>reveal never fires pdf-ready here</p>');
    const printer = new DeckPrinter(browser, { timeout: 1500, layout: 'reveal' });
    await expect(
      printer.print({ htmlFile: file, pdfFile: target, metadata: { title: 'x', keywords: [] } }),
    ).rejects.toThrow(/printing .*never-ready\.html failed/);
    await printer.close();
    expect(await readFile(target, 'utf8')).toBe('earlier PDF');
  });
});
