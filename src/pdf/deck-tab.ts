import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { PdfError } from '../errors.js';
import { packagePath } from '../paths.js';
import { blockRemoteRequests, RUNTIME_LABELS } from './print.js';

/** runtime/slide-thumbnails.js: the deck's slides drawn small, for a layout script to place (handout, contact sheet). */
const SLIDE_THUMBNAILS = readFileSync(packagePath('runtime', 'slide-thumbnails.js'), 'utf8');

/** A tab holding a built deck, for a printout that lays its slides out itself (handout, contact sheet). */
export interface DeckTab {
  page: Page;
  /** Requests to anything but local files refused so far. */
  blocked: string[];
  /** Runs a layout script from runtime/ with `options` as `window[name]`, after labels.js and slide-thumbnails.js. */
  layOut(script: string, name: string, options: unknown): Promise<void>;
}

/**
 * Opens `htmlFile` in a new tab of `browser` with the deck's scripts off and nothing but local files
 * allowed, hands it to `task`, and closes it. A failure (the browser gone, a timeout) is a PdfError
 * saying what was being printed (`the handout of x/index.html`).
 */
export async function withDeckTab<T>(
  browser: Browser,
  htmlFile: string,
  what: string,
  timeout: number,
  task: (tab: DeckTab) => Promise<T>,
): Promise<T> {
  let page: Page | undefined;
  const blocked: string[] = [];
  try {
    // Inside the try: a browser that has died fails here, and that is a failed print like any other.
    page = await browser.newPage();
    const opened = page;
    await opened.setJavaScriptEnabled(false);
    await blockRemoteRequests(opened, (url) => blocked.push(url));
    await opened.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout });
    const layOut = async (script: string, name: string, options: unknown) => {
      // Page scripts are off in this tab; the layout runs as a DevTools evaluation, synchronously.
      await opened.evaluate(
        `${RUNTIME_LABELS}\n${SLIDE_THUMBNAILS}\nwindow.${name} = ${JSON.stringify(options)};\n${script}`,
      );
      await opened.evaluate(() => document.fonts.ready.then(() => undefined));
    };
    return await task({ page: opened, blocked, layOut });
  } catch (error) {
    if (error instanceof PdfError) throw error;
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PdfError(`printing ${what} of ${htmlFile} failed: ${first}`, 'run again with --debug', undefined, {
      cause: error,
    });
  } finally {
    await page?.close().catch(() => undefined);
  }
}
