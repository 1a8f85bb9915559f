import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { PdfError } from '../errors.js';
import { writeFileAtomic } from '../atomic-write.js';
import { timerSafe } from '../timers.js';
import type { Marking } from '../content/marking.js';
import { markingLine } from './page-marking.js';
import { screenshotInFront } from './screenshot.js';
import { finishPdf, type Bookmark, type PdfMetadata } from './metadata.js';
import { packagePath } from '../paths.js';

export type PrintLayout = 'static' | 'reveal';

export interface PrintOptions {
  /** Longest wait for one deck to load and lay out, in ms. */
  timeout?: number;
  /**
   * `static` (default): the deck's own scripts do not run; runtime/print-layout.js
   * builds the page structure of reveal's print view instead (the same pages,
   * compared pixel for pixel in the tests, without reveal's start-up and
   * measuring pass). `reveal`: reveal.js's own print view (`?print-pdf`).
   */
  layout?: PrintLayout;
}

export interface PrintJob {
  htmlFile: string;
  /** The HTML of `htmlFile` when the caller has it in memory (saves reading the file back). */
  html?: string;
  pdfFile: string;
  metadata: PdfMetadata;
  bookmarks?: Bookmark[];
  /** Add a page with each slide's speaker notes after it (reveal's `showNotes: 'separate-page'`). */
  notesPages?: boolean;
  /** The deck's marking, drawn on the pages the printer adds (notes pages). */
  marking?: Marking;
  /**
   * Decks with the same key have the same stylesheets, fonts and scripts (the
   * same template): the printer may then load only the new deck's body into
   * the tab instead of navigating. Leave it out to always load the page anew.
   */
  styleKey?: string;
  /**
   * Slide images to take in the same page load as the PDF, by name (`{ png: { scale: 2 } }`): the
   * result's `captures` has, under each name, one PNG per slide, in order. Taken from the pages the PDF
   * was printed from, they show what its pages show.
   */
  captures?: Record<string, SlideCapture>;
}

/** The size of a set of slide images: `scale` times the deck's size (its CSS px), or `width` px wide. */
export type SlideCapture = { scale: number } | { width: number };

/** One PNG per slide, in order, under each name of the job's `captures`. */
export type SlideImages = Record<string, Uint8Array[]>;

/** What taking slide images without printing needs: the deck (as for printing it) and the images. */
export type CaptureJob = Pick<PrintJob, 'htmlFile' | 'html' | 'styleKey'> & {
  captures: Record<string, SlideCapture>;
};

/** A slide whose content does not fit its box. */
export interface Overflow {
  slide: number;
  label: string;
  px: number;
}

export interface PrintResult {
  pdfFile: string;
  pages: number;
  bytes: number;
  /** Requests to anything but local files that were refused while printing. */
  blockedRequests: string[];
  overflows: Overflow[];
  /** The slide images the job asked for (PrintJob.captures). */
  captures?: SlideImages;
}

const PRINT_LAYOUT = readFileSync(packagePath('runtime', 'print-layout.js'), 'utf8');
const NOTES_PAGES = readFileSync(packagePath('runtime', 'notes-pages.js'), 'utf8');
/** runtime/labels.js: the deck's words for the layout scripts run in a tab (window.briefdeckLabels). */
export const RUNTIME_LABELS = readFileSync(packagePath('runtime', 'labels.js'), 'utf8');

/**
 * Prints decks to PDF, one tab reused for every deck (measured: reusing a tab
 * saves about a quarter of the time per deck). Not safe for two prints at
 * once: use one DeckPrinter per concurrent job.
 */
export class DeckPrinter {
  private page?: Promise<Page>;
  private blocked: string[] = [];
  /** The style key of the deck the tab holds, so that the next deck of the same template can reuse its stylesheets and fonts. */
  private loadedStyle?: string;

  constructor(
    /** The browser this printer's tab belongs to. */
    readonly browser: Browser,
    private readonly options: PrintOptions = {},
  ) {}

  /** Opens and sets up the tab now, so that the first print does not wait for it. */
  warm(): this {
    void this.openPage().catch(() => undefined);
    return this;
  }

  async print(job: PrintJob): Promise<PrintResult> {
    const { pdf, overflows, captures } = await this.inTab(`printing ${job.htmlFile}`, async (page, timeout) => {
      await this.layOut(page, job, timeout);
      const overflows = await page.evaluate(measureOverflow);
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, timeout });
      return { pdf, overflows, captures: job.captures && (await captureSlides(page, job.captures, timeout)) };
    });
    // Notes pages sit between slides, so bookmarks would point at the wrong pages: only plain decks get them.
    const { bytes, pages } = await finishPdf(pdf, job.metadata, job.notesPages ? [] : job.bookmarks);
    await writeFileAtomic(job.pdfFile, bytes);
    return {
      pdfFile: job.pdfFile,
      pages,
      bytes: bytes.byteLength,
      blockedRequests: [...new Set(this.blocked)],
      overflows,
      ...(captures && { captures }),
    };
  }

  /** The slide images of a deck, laid out as for printing (`--png` with `--no-pdf`), without printing it. */
  async capture(job: CaptureJob): Promise<SlideImages> {
    return this.inTab(`taking the slide images of ${job.htmlFile}`, async (page, timeout) => {
      await this.layOut(page, job, timeout);
      return captureSlides(page, job.captures, timeout);
    });
  }

  /**
   * Runs `task` in this printer's tab, with the timeout for one deck; a failure is a PdfError
   * "`doing` failed: …", so that the pool retries the deck.
   */
  private async inTab<T>(doing: string, task: (page: Page, timeout: number) => Promise<T>): Promise<T> {
    this.blocked = [];
    // Capped for library callers (the CLI refuses a longer --timeout): Puppeteer's timers would fire at once.
    const timeout = timerSafe(this.options.timeout ?? 60_000);
    // A crashed tab answers nothing until the timeout: fail at once instead, so the retry comes sooner.
    let onCrash: (error: Error) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => (onCrash = reject));
    let page: Page | undefined;
    try {
      // Opening the tab fails too when the browser has died: the same error, so that the deck is retried.
      page = await this.openPage();
      page.on('error', onCrash);
      const running = task(page, timeout);
      running.catch(() => undefined); // after a crash it fails later, unwatched
      return await Promise.race([running, crashed]);
    } catch (error) {
      const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new PdfError(
        `${doing} failed: ${first}`,
        'run again with --debug; if it hangs, check the deck opens in a browser',
        undefined,
        { cause: error },
      );
    } finally {
      page?.off('error', onCrash);
    }
  }

  /** Lays the deck out in the tab as its printed pages, with its fonts loaded. */
  private async layOut(
    page: Page,
    job: Pick<PrintJob, 'htmlFile' | 'html' | 'styleKey' | 'notesPages' | 'marking'>,
    timeout: number,
  ): Promise<void> {
    if (this.options.layout === 'reveal') {
      // `?print-pdf` switches reveal to its print view: every slide becomes one page.
      const query = job.notesPages ? '?print-pdf&showNotes=separate-page' : '?print-pdf';
      await page.goto(`${pathToFileURL(job.htmlFile).href}${query}`, { waitUntil: 'load', timeout });
      // reveal fires 'pdf-ready' once the print layout exists; deck.js turns it into this attribute.
      await page.waitForFunction(() => document.documentElement.getAttribute('data-briefdeck-pdf-ready') === 'true', {
        timeout,
      });
    } else {
      await this.load(page, job, timeout);
      // Page scripts are off in this tab; the layout runs as a DevTools evaluation, synchronously.
      await page.evaluate(
        `window.briefdeckPrint = ${JSON.stringify({ notesPages: Boolean(job.notesPages) })};\n${PRINT_LAYOUT}`,
      );
    }
    if (job.notesPages) {
      // Either layout made the notes pages; this gives them the marking, their slide and page numbers.
      const marking = job.marking ? markingLine(job.marking) : null;
      await page.evaluate(
        `${RUNTIME_LABELS}\nwindow.briefdeckNotesPages = ${JSON.stringify({ marking })};\n${NOTES_PAGES}`,
      );
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /**
   * Static layout: navigates to the deck, or, when the tab already holds a deck of the same style key,
   * swaps in the new deck's body: navigating, parsing the CSS and loading the fonts again was most of
   * the time per deck in a batch. The tab's own HTML parser reads the new deck (swapInBody), the same
   * parse navigating would give, and refuses the swap when its <head> differs from the loaded one.
   */
  private async load(
    page: Page,
    job: Pick<PrintJob, 'htmlFile' | 'html' | 'styleKey'>,
    timeout: number,
  ): Promise<void> {
    const reuse = job.styleKey !== undefined && this.loadedStyle === job.styleKey;
    if (reuse) {
      const html = job.html ?? (await readFile(job.htmlFile, 'utf8'));
      const folder = pathToFileURL(path.dirname(job.htmlFile) + path.sep).href;
      if (await page.evaluate(swapInBody, html, folder)) {
        await page.evaluate(() =>
          Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))),
        );
        return;
      }
    }
    this.loadedStyle = undefined;
    await page.goto(pathToFileURL(job.htmlFile).href, { waitUntil: 'load', timeout });
    if (job.styleKey === undefined) return;
    await page.evaluate(swapInBody);
    this.loadedStyle = job.styleKey;
  }

  private openPage(): Promise<Page> {
    this.page ??= this.browser.newPage().then(async (page) => {
      if (this.options.layout !== 'reveal') await page.setJavaScriptEnabled(false);
      await blockRemoteRequests(page, (url) => this.blocked.push(url));
      return page;
    });
    return this.page;
  }

  /** Closes the tab; a tab that hangs is left to the browser's own shutdown after a few seconds. */
  async close(): Promise<void> {
    if (!this.page) return;
    const closing = this.page.then((page) => page.close()).catch(() => undefined);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  }
}

/**
 * Takes the slide images from the deck as laid out for printing, in print media as the PDF is drawn:
 * the view is made one slide big (at the image's scale) and scrolled to each printed page in turn.
 * Not a clip of the whole page (CDP captureBeyondViewport): that one put a right-to-left deck's clip
 * half a page off, whatever the view's width. Each page is set to the slide's full height first
 * (reveal's print view makes it 1 px shorter, its pdfPageHeightOffset, so that no page spills onto
 * a second sheet; an image has no sheet to spill onto, and keeps the slide's last row). Chromium draws
 * the view at its scale (the device scale factor), sharp at 2 or 4, not a resized 1× image.
 */
async function captureSlides(
  page: Page,
  captures: Record<string, SlideCapture>,
  timeout: number,
): Promise<SlideImages> {
  const view = page.viewport();
  const { width, height } = await page.evaluate(deckSize);
  await page.emulateMediaType('print');
  try {
    const images: SlideImages = {};
    for (const [name, capture] of Object.entries(captures)) {
      const scale = 'scale' in capture ? capture.scale : capture.width / width;
      await page.setViewport({ width, height, deviceScaleFactor: scale });
      const shots: Uint8Array[] = [];
      for (const top of await page.evaluate(slideTops, height)) {
        const scrolled = await page.evaluate((y) => {
          window.scrollTo(0, y);
          return window.scrollY;
        }, top);
        if (scrolled !== top) throw new Error(`the slide at ${top}px could not be scrolled into view`);
        // In front, one tab at a time: a tab behind another gets no frame to capture (screenshot.ts).
        shots.push(await screenshotInFront(page, { x: 0, y: top, width, height }, timeout));
      }
      images[name] = shots;
    }
    return images;
  } finally {
    await page.emulateMediaType();
    await page.setViewport(view);
  }
}

/** Runs in the page: the deck's size in CSS px, from the configuration the build wrote into it. */
function deckSize(): { width: number; height: number } {
  const config = JSON.parse(document.getElementById('briefdeck-config')?.textContent || '{}') as {
    width: number;
    height: number;
  };
  return { width: config.width, height: config.height };
}

/** Runs in the page: the top of each slide's printed page (in document px), each set to the slide's full `height`. */
function slideTops(height: number): number[] {
  const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')];
  for (const slidePage of pages) slidePage.style.height = `${height}px`;
  return pages.map((slidePage) => Math.round(slidePage.getBoundingClientRect().top + window.scrollY));
}

/**
 * Offline by construction: a page being printed may load local files and
 * nothing else. Most remote loads never get this far: the deck's
 * Content-Security-Policy stops them in the page, and Chromium says so on the
 * console ("Loading the image 'https://…' violates the following Content
 * Security Policy directive"), so those are counted as blocked too.
 */
export async function blockRemoteRequests(page: Page, onBlocked: (url: string) => void): Promise<void> {
  page.on('console', (message) => {
    const url = CSP_BLOCKED_URL.exec(message.text())?.[1];
    if (message.type() === 'error' && url && !isLocal(url)) onBlocked(url);
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (isLocal(url)) void request.continue();
    else {
      onBlocked(url);
      void request.abort('blockedbyclient');
    }
  });
}

/** Files on this machine and data inside the page: all a print may load. */
function isLocal(url: string): boolean {
  return /^(file|data|about|blob):/.test(url);
}

/** The URL in Chromium's console message for a load the page's policy refused. */
const CSP_BLOCKED_URL = /'([a-z][a-z0-9+.-]*:[^']*)' (?:because it )?violates the following Content Security Policy/i;

/**
 * Runs in the page. Without `html`: remembers the <head> just loaded (before the print layout adds its
 * styles to it). With it: parses the next deck's HTML and, when its <head> is the remembered one
 * (leaving out what differs per deck without changing styles: the title, author and description), puts
 * its title and body in place and returns true; false, with nothing changed, otherwise. Relative URLs
 * in the body are made absolute so that they still point into the next deck's folder.
 */
function swapInBody(html?: string, folder?: string): boolean {
  const tab = window as unknown as { briefdeckLoadedHead?: string };
  const style = (head: HTMLHeadElement) => {
    const copy = head.cloneNode(true) as HTMLHeadElement;
    for (const element of copy.querySelectorAll('title, meta[name="author"], meta[name="description"]'))
      element.remove();
    return copy.innerHTML;
  };
  if (html === undefined || folder === undefined) {
    tab.briefdeckLoadedHead = style(document.head);
    return false;
  }
  const next = new DOMParser().parseFromString(html, 'text/html');
  if (style(next.head) !== tab.briefdeckLoadedHead) return false;
  for (const element of next.body.querySelectorAll('[src], [href]'))
    for (const attribute of ['src', 'href']) {
      const url = element.getAttribute(attribute);
      // Left as they are: absolute URLs (any scheme), fragments and root-relative paths.
      if (url !== null && !/^(?:[a-z][a-z0-9+.-]*:|#|\/)/i.test(url))
        element.setAttribute(attribute, new URL(url, folder).href);
    }
  document.title = next.title;
  document.body.innerHTML = next.body.innerHTML;
  return true;
}

/**
 * Runs in the page after layout: for each slide, how far its content reaches
 * past its box. The box is the element marked `data-briefdeck-box`, else the
 * default templates' `.slide__frame`, else the slide itself.
 */
function measureOverflow(): Overflow[] {
  const slides = [...document.querySelectorAll<HTMLElement>('.reveal .slides section')];
  return slides
    .map((section, index) => {
      const box = section.querySelector<HTMLElement>('[data-briefdeck-box], .slide__frame') ?? section;
      const frame = box.getBoundingClientRect();
      let over = Math.max(box.scrollHeight - box.clientHeight, box.scrollWidth - box.clientWidth, 0);
      for (const element of box.querySelectorAll('*')) {
        if (element.closest('aside')) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        over = Math.max(over, rect.bottom - frame.bottom, rect.right - frame.right);
      }
      return { slide: index + 1, label: section.dataset.label ?? '', px: Math.round(over) };
    })
    .filter((overflow) => overflow.px > 1); // sub-pixel rounding is not overflow
}
