import path from 'node:path';
import type { Browser } from 'puppeteer';
import { DeckBuilder, type BuilderOptions, type BuiltDeck, type DeckResult } from './builder.js';
import { findContentFiles } from './content/discover.js';
import type { Warning } from './content/model.js';
import { BriefdeckError } from './errors.js';
import { writeIndexPage } from './output/index-page.js';
import type { PdfMetadata } from './pdf/metadata.js';
import type { PrintResult } from './pdf/print.js';

export type { DeckResult } from './builder.js';

export interface BuildOptions extends BuilderOptions {
  /** Content files or folders (default: content/). */
  paths: string[];
  /** Print PDFs (default true). */
  pdf?: boolean;
  /** Browser executable for PDFs (otherwise found automatically). */
  browser?: string;
  /** Called as each deck is written, for progress output. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { type: 'html'; slug: string; file: string; htmlFile: string; slides: number }
  | { type: 'pdf'; slug: string; file: string; pdf: PrintResult; ms: number };

export interface BuildResult {
  decks: DeckResult[];
  /** One per file or deck that failed; the others were still built. */
  errors: BriefdeckError[];
  warnings: Warning[];
  /** output/index.html, listing every deck in the output folder. */
  indexFile?: string;
}

/**
 * Builds every briefing under `paths`: parse → plan → render in memory, then
 * write each deck, then print the PDFs with one browser for the whole build.
 * A file with an error is reported and skipped; nothing is written for it.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const result: BuildResult = { decks: [], errors: [], warnings: [] };
  const files = await findContentFiles(options.paths);
  const builder = new DeckBuilder(options);

  // Start the browser now: launching takes about as long as building the HTML.
  const browser = options.pdf === false ? undefined : startBrowser(options.browser);
  try {
    const built: BuiltDeck[] = [];
    for (const file of files) {
      try {
        const deck = await builder.buildHtml(file);
        built.push(deck);
        result.decks.push(deck.deck);
        result.warnings.push(...deck.warnings);
        options.onProgress?.({ type: 'html', slug: deck.deck.slug, file, htmlFile: deck.deck.htmlFile, slides: deck.deck.slides });
      } catch (error) {
        if (!(error instanceof BriefdeckError)) throw error;
        result.errors.push(error);
      }
    }
    if (browser && built.length > 0) {
      // No browser is an error for the PDFs only: the HTML decks above are already written.
      const launched = await browser.catch((error: unknown) => {
        if (!(error instanceof BriefdeckError)) throw error;
        result.errors.push(error);
      });
      if (launched) await printAll(launched, built, result, options);
    }
    if (built.length > 0) result.indexFile = await writeIndexPage(options.outDir);
  } finally {
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }
  return result;
}

export function pdfMetadata(deck: BuiltDeck): PdfMetadata {
  const { meta } = deck.rendered.briefing;
  return { title: meta.title, author: meta.author ?? meta.organization, subject: meta.subtitle, keywords: meta.keywords };
}

async function printAll(browser: Browser, decks: BuiltDeck[], result: BuildResult, options: BuildOptions): Promise<void> {
  const { DeckPrinter } = await import('./pdf/print.js');
  const printer = new DeckPrinter(browser);
  try {
    for (const built of decks) {
      const { deck } = built;
      const started = performance.now();
      try {
        deck.pdf = await printer.print(deck.htmlFile, path.join(deck.dir, `${deck.slug}.pdf`), pdfMetadata(built));
      } catch (error) {
        if (!(error instanceof BriefdeckError)) throw error;
        result.errors.push(error);
        continue;
      }
      for (const url of deck.pdf.blockedRequests) {
        result.warnings.push({ file: deck.file, message: `blocked a network request while printing: ${url}` });
      }
      options.onProgress?.({ type: 'pdf', slug: deck.slug, file: deck.file, pdf: deck.pdf, ms: performance.now() - started });
    }
  } finally {
    await printer.close();
  }
}

/**
 * Launches lazily (Puppeteer is only imported when PDFs are wanted); a failure surfaces when awaited.
 * The printing module (with pdf-lib, about 0.5 s to import) loads while the browser starts.
 */
export function startBrowser(explicit: string | undefined, options: { handleSignals?: boolean } = {}): Promise<Browser> {
  void import('./pdf/print.js').catch(() => undefined);
  const launching = import('./pdf/browser.js').then(({ launchBrowser }) => launchBrowser(explicit, options));
  launching.catch(() => undefined); // handled where awaited; avoid an unhandled rejection meanwhile
  return launching;
}
