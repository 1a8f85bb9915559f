import path from 'node:path';
import type { Browser } from 'puppeteer';
import { findContentFiles } from './content/discover.js';
import type { Warning } from './content/model.js';
import { readBriefing } from './content/parse.js';
import { loadConfig } from './config.js';
import { renderBriefing, type RenderContext, type RenderedDeck } from './deck/render.js';
import { TemplateRegistry } from './deck/template.js';
import { BriefdeckError, ContentError } from './errors.js';
import { deckAssets } from './output/assets.js';
import { writeDeck } from './output/write.js';
import type { PrintResult } from './pdf/print.js';

export interface BuildOptions {
  /** Content files or folders (default: content/). */
  paths: string[];
  /** Output folder; each deck goes to <outDir>/<slug>/. */
  outDir: string;
  /** Print PDFs (default true). */
  pdf?: boolean;
  /** Use this template for every deck instead of the one in front matter. */
  template?: string;
  /** User template folders, searched before the config's and the built-in ones. */
  templates?: string[];
  /** Project config file (default: briefdeck.config.{yaml,yml,json} in `cwd`). */
  config?: string;
  /** Folder the config is looked for in (default: the working directory). */
  cwd?: string;
  /** Browser executable for PDFs (otherwise found automatically). */
  browser?: string;
  /** Called as each deck is written, for progress output. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { type: 'html'; slug: string; file: string; htmlFile: string; slides: number }
  | { type: 'pdf'; slug: string; file: string; pdf: PrintResult; ms: number };

export interface DeckResult {
  file: string;
  slug: string;
  dir: string;
  htmlFile: string;
  slides: number;
  pdf?: PrintResult;
}

export interface BuildResult {
  decks: DeckResult[];
  /** One per file or deck that failed; the others were still built. */
  errors: BriefdeckError[];
  warnings: Warning[];
}

/**
 * Builds every briefing under `paths`: parse → plan → render in memory, then
 * write each deck, then print the PDFs with one browser for the whole build.
 * A file with an error is reported and skipped; nothing is written for it.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const result: BuildResult = { decks: [], errors: [], warnings: [] };
  const files = await findContentFiles(options.paths);
  const config = await loadConfig(options.cwd ?? process.cwd(), options.config);
  const context: RenderContext = {
    registry: new TemplateRegistry([...(options.templates ?? []), ...config.templates]),
    template: options.template,
    config,
  };

  // Start the browser now: launching takes about as long as building the HTML.
  const browser = options.pdf === false ? undefined : startBrowser(options.browser);
  try {
    const rendered = await renderAll(files, context, result);
    for (const deck of rendered) {
      const dir = path.join(options.outDir, deck.briefing.slug);
      const htmlFile = await writeDeck(dir, deck.html, [...(await deckAssets(deck.template)), ...deck.media]);
      result.decks.push({ file: deck.briefing.file, slug: deck.briefing.slug, dir, htmlFile, slides: deck.slides.length });
      options.onProgress?.({ type: 'html', slug: deck.briefing.slug, file: deck.briefing.file, htmlFile, slides: deck.slides.length });
    }
    if (browser && rendered.length > 0) {
      // No browser is an error for the PDFs only: the HTML decks above are already written.
      const launched = await browser.catch((error: unknown) => {
        if (!(error instanceof BriefdeckError)) throw error;
        result.errors.push(error);
      });
      if (launched) await printAll(launched, rendered, result, options);
    }
  } finally {
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }
  return result;
}

async function renderAll(files: string[], context: RenderContext, result: BuildResult): Promise<RenderedDeck[]> {
  const decks: RenderedDeck[] = [];
  const slugs = new Map<string, string>();
  for (const file of files) {
    try {
      const { briefing, warnings } = await readBriefing(file);
      result.warnings.push(...warnings);
      const earlier = slugs.get(briefing.slug);
      if (earlier) {
        throw new ContentError(`the slug "${briefing.slug}" is already used by ${earlier}`, 'rename one file or set a different `slug:` in its front matter', { file, line: 1 });
      }
      slugs.set(briefing.slug, file);
      decks.push(await renderBriefing(briefing, context));
    } catch (error) {
      if (!(error instanceof BriefdeckError)) throw error;
      result.errors.push(error);
    }
  }
  return decks;
}

async function printAll(browser: Browser, decks: RenderedDeck[], result: BuildResult, options: BuildOptions): Promise<void> {
  const { DeckPrinter } = await import('./pdf/print.js');
  const printer = new DeckPrinter(browser);
  try {
    for (const deck of decks) {
      const entry = result.decks.find((d) => d.slug === deck.briefing.slug)!;
      const started = performance.now();
      try {
        entry.pdf = await printer.print(entry.htmlFile, path.join(entry.dir, `${deck.briefing.slug}.pdf`), {
          title: deck.briefing.meta.title,
          author: deck.briefing.meta.author ?? deck.briefing.meta.organization,
          subject: deck.briefing.meta.subtitle,
          keywords: deck.briefing.meta.keywords,
        });
      } catch (error) {
        if (!(error instanceof BriefdeckError)) throw error;
        result.errors.push(error);
        continue;
      }
      for (const url of entry.pdf.blockedRequests) {
        result.warnings.push({ file: deck.briefing.file, message: `blocked a network request while printing: ${url}` });
      }
      options.onProgress?.({ type: 'pdf', slug: entry.slug, file: entry.file, pdf: entry.pdf, ms: performance.now() - started });
    }
  } finally {
    await printer.close();
  }
}

/**
 * Launches lazily (Puppeteer is only imported when PDFs are wanted); a failure surfaces when awaited.
 * The printing module (with pdf-lib, about 0.5 s to import) loads while the browser starts.
 */
function startBrowser(explicit: string | undefined): Promise<Browser> {
  void import('./pdf/print.js').catch(() => undefined);
  const launching = import('./pdf/browser.js').then(({ launchBrowser }) => launchBrowser(explicit));
  launching.catch(() => undefined); // handled where awaited; avoid an unhandled rejection meanwhile
  return launching;
}
