import { defaultConcurrency } from './concurrency.js';
import {
  BriefingBuilder,
  commitDeck,
  deckLocation,
  deckRecord,
  discardDeck,
  printJob,
  recordPrints,
  type BuilderOptions,
  type BuiltDeck,
  type DeckResult,
} from './briefing.js';
import {
  OUTPUT_STAGES,
  outputEvent,
  outputOf,
  outputStages,
  slideCaptures,
  writeOutput,
  type OutputEvent,
  type OutputStage,
} from './outputs.js';
import { discoverContent } from '../content/discover.js';
import type { Warning } from '../content/model.js';
import { BriefdeckError, ContentError, OutputError, PdfError } from '../errors.js';
import { readEarlierDecks, removeSupersededDecks, type DeckInfo } from '../output/deck-info.js';
import { writeIndexPage } from '../output/index-page.js';
import { removeShardRecord, writeShardRecord, type Shard } from '../output/shard-record.js';
import { checkOutputFolder } from '../output/write-deck.js';
import type { HandoutSize } from '../pdf/handout.js';
import type { PrintPool, RunOptions } from '../pdf/pool.js';
import type { PrintLayout, PrintResult, SlideImages } from '../pdf/print.js';
import { BROWSER_RESTARTED, Freshness } from './freshness.js';
import { filesOfShard } from './shard.js';
import type { ProjectLabelChoice } from '../labels/index.js';

export type { DeckResult } from './briefing.js';

export interface BuildOptions extends BuilderOptions {
  /** Content files or folders (default: content/). */
  paths: string[];
  /** Print PDFs (default true). */
  pdf?: boolean;
  /** Browser executable for PDFs (otherwise found automatically). */
  browser?: string;
  /** Decks printed at once, each in its own tab of the one browser (default: from the number of cores). */
  concurrency?: number;
  /** How pages are laid out for printing (default `static`: same pages as reveal's print view, faster). */
  printLayout?: PrintLayout;
  /** After each slide, a page with its speaker notes. */
  notesPages?: boolean;
  /** Also write <slug>.pptx: the same slides as an editable PowerPoint file (no browser needed). */
  pptx?: boolean;
  /** Also write <slug>-handout.pdf: slides with their notes, A4 or Letter. */
  handout?: HandoutSize | false;
  /** Also write <slug>.html: the deck with every stylesheet, script, font and image inlined (--single-file). */
  singleFile?: boolean;
  /** Also write slides/01.png …: one PNG per slide, at `scale` times the deck's size (--png). */
  png?: boolean;
  /** Device scale of the --png images, 1 to 4 (default 1: 1280×720 for a 16:9 deck). */
  scale?: number;
  /** Also write thumbnails/01.png …: small PNGs (320 px wide); the index page shows the title slide's (--thumbnails). */
  thumbnails?: boolean;
  /** Also write <slug>-contact.pdf and <slug>-contact.png: every slide on an A4 or Letter landscape page (--contact-sheet). */
  contactSheet?: HandoutSize | false;
  /** Also write <slug>-script.md: each slide's number, title, bullets and notes, for rehearsal (--script). */
  script?: boolean;
  /** Longest wait for one deck to load and print, in ms (default 60 s); a deck that takes longer is retried once. */
  timeout?: number;
  /** false: Ctrl-C and kill are the caller's to handle (the CLI's handler also ends a build stuck on the file system); the browser still ends with the process. Default: Puppeteer's handlers. */
  handleSignals?: boolean;
  /** Called as each deck is written, for progress output. */
  onProgress?: (event: ProgressEvent) => void;
  /** Build only the briefings of this shard (see build/shard.ts), and write its record (output/shard-record.ts). */
  shard?: Shard;
  /** Write and print every deck, also those whose folder already holds what this build would write (freshness.ts). */
  force?: boolean;
}

export type ProgressEvent =
  | { type: 'html'; slug: string; file: string; htmlFile: string; slides: number }
  | { type: 'pdf'; slug: string; file: string; pdf: PrintResult; ms: number; index: number; total: number }
  | OutputEvent;

export interface BuildResult {
  decks: DeckResult[];
  /** One per file or deck that failed; the others were still built. */
  errors: BriefdeckError[];
  warnings: Warning[];
  /** output/index.html: this build's decks, then those of earlier builds still as they were written. */
  indexFile?: string;
  /** With `shard`: the record of the decks this shard built, for `briefdeck index`. */
  shardRecord?: string;
}

/**
 * Builds every briefing under `paths`: parse → plan → render in memory, then
 * write each deck, then print the PDFs with one browser for the whole build.
 * A file with an error is reported and skipped; nothing is written for it.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { files, pool, result } = await startBuild(options);
  try {
    return await buildFiles(files, new BriefingBuilder(options), pool, options, result);
  } finally {
    await pool?.close();
  }
}

/**
 * What `build` and `build --watch` start from: the files (of the shard, with `shard`), a checked output
 * folder, the print pool with its browser already starting, and the result so far (discovery's
 * warnings and errors).
 */
export async function startBuild(
  options: BuildOptions,
  lifetime: { retryFailedStart?: boolean } = {},
): Promise<{ files: string[]; pool: PrintPool | undefined; result: BuildResult }> {
  const { files: found, skipped, errors } = await discoverContent(options.paths);
  const files = options.shard ? await filesOfShard(found, options.shard) : found;
  await checkOutputFolder(options.outDir, options.paths);
  // An interrupted shard build must not leave the record of an earlier run behind, to pass for its own.
  if (options.shard) await removeShardRecord(options.outDir, options.shard);
  // Start the browser now, and open its first tab: that takes about as long as building the HTML.
  const browserWanted = options.pdf !== false || outputStages(options, 'printed').length > 0;
  // The browser starts (pool.warm) once a deck is found that needs printing: none when all are up to date.
  const pool = browserWanted ? await startPool(options, lifetime) : undefined;
  return { files, pool, result: { decks: [], errors: [...errors], warnings: [...skipped] } };
}

/** The print pool of a build (Puppeteer is only imported when PDFs are wanted); the browser starts when first asked for. */
async function startPool(
  options: Pick<BuildOptions, 'browser' | 'handleSignals' | 'printLayout' | 'timeout'>,
  lifetime: { retryFailedStart?: boolean } = {},
): Promise<PrintPool> {
  const { PrintPool } = await import('../pdf/pool.js');
  return new PrintPool({
    browser: options.browser,
    handleSignals: options.handleSignals,
    layout: options.printLayout,
    timeout: options.timeout,
    ...lifetime,
  });
}

/**
 * Builds `files` with `builder` and prints them with `pool` (none: HTML only), into `result`; the
 * batch of `build`, and each rebuild of `build --watch` (which keeps its builder and pool).
 *
 * A deck whose folder already holds what this build would write (freshness.ts; not with `force`) is
 * neither written nor printed: it is reported with what the build that wrote it reported, and
 * listed on the index page like the others. Every deck this build completes gets a manifest saying
 * so, written after all its outputs (a deck with a failed output gets none).
 *
 * With `strict` (and PDFs), whether a deck overflows is known only once Chromium has laid it
 * out, so each deck is first written to a staging folder beside its own, printed there, and
 * written into place only if it fits (commitDeck); one that overflows is dropped whole, and the
 * earlier good deck stays as it was.
 */
export async function buildFiles(
  files: string[],
  builder: BriefingBuilder,
  pool: PrintPool | undefined,
  options: BuildOptions,
  result: BuildResult = { decks: [], errors: [], warnings: [] },
): Promise<BuildResult> {
  const stage = options.strict === true && pool !== undefined;
  const rendered = outputStages(options, 'rendered');
  const freshness = new Freshness(options);
  const current: BuiltDeck[] = []; // this build's decks, in file order: written now or up to date
  const built: BuiltDeck[] = []; // those written now
  try {
    for (const file of files) {
      try {
        const deck = await builder.buildHtml(file, { stage, reuse: freshness });
        current.push(deck);
        result.warnings.push(...deck.warnings);
        if (deck.deck.upToDate) continue;
        pool?.warm(); // the browser starts while the rest of the HTML is built
        built.push(deck);
        if (!stage) reportHtml(deck, options);
        for (const output of rendered) await writeRenderedOutput(deck, output, result, options);
      } catch (error) {
        if (!(error instanceof BriefdeckError)) throw error;
        result.errors.push(error);
      }
    }
    // The index page goes with the new HTML now, not only after printing: a build interrupted
    // while printing must not leave it showing the decks' old titles and markings.
    const publishedEarly = pool !== undefined && !stage && built.length > 0;
    const project = await builder.projectLabels();
    const early = publishedEarly ? (await publish(options.outDir, current, project)).earlier : undefined;
    if (pool && built.length > 0) {
      // No browser is an error for the PDFs only: the HTML decks above are already written.
      const launched = await pool.browser().then(
        () => true,
        (error: unknown) => {
          if (!(error instanceof BriefdeckError)) throw error;
          result.errors.push(error);
          return false;
        },
      );
      if (launched) await printAll(pool, built, result, options);
    }
    const written = built.filter((deck) => !deck.refused);
    for (const deck of written) {
      // A staged deck whose PDF failed is still written, like every deck whose PDF failed.
      if (deck.staged) {
        await commitDeck(deck);
        reportHtml(deck, options);
      }
      if (deck.deck.pdf || OUTPUT_STAGES.some((output) => outputOf(deck.deck, output))) await recordPrints(deck);
      // Last, once every file of the deck is in place: from now on the deck is up to date.
      await freshness.record(deck, result.warnings);
    }
    const listed = current.filter((deck) => !deck.refused);
    result.decks = listed.map((deck) => deck.deck);
    if (listed.length > 0) {
      // Published early, the same decks (no deck is refused unstaged) have their superseded folders
      // gone and the earlier decks beside them read already.
      const published = await publish(options.outDir, listed, await builder.projectLabels(), early);
      result.indexFile = published.indexFile;
      result.warnings.push(...published.earlier.warnings);
    }
    if (options.shard)
      result.shardRecord = await writeShardRecord(options.outDir, options.shard, listed.map(deckRecord), {
        failed: files.length - listed.length,
      });
  } finally {
    for (const deck of built) await discardDeck(deck); // staging folders left by an error
  }
  return result;
}

/** The decks an earlier build left in the output folder (readEarlierDecks), and the warnings about those it leaves out. */
interface EarlierDecks {
  decks: DeckInfo[];
  warnings: Warning[];
}

/**
 * Writes the index page of the output folder. Unless `earlier` is given (read by the build's first
 * publish: readEarlierDecks hashes each earlier deck's HTML, so it is read once a build), first drops
 * the folders these decks had under an old slug and reads the earlier decks.
 */
async function publish(
  outDir: string,
  decks: BuiltDeck[],
  project: ProjectLabelChoice,
  earlier?: EarlierDecks,
): Promise<{ indexFile: string; earlier: EarlierDecks }> {
  if (!earlier) {
    await removeSupersededDecks(
      outDir,
      decks.map((deck) => deck.deck),
    );
    const warnings: Warning[] = [];
    const slugs = new Set(decks.map((deck) => deck.deck.slug));
    earlier = { decks: await readEarlierDecks(outDir, slugs, (warning) => warnings.push(warning)), warnings };
  }
  const indexFile = await writeIndexPage(outDir, { decks: decks.map(deckRecord), earlier: earlier.decks, project });
  return { indexFile, earlier };
}

/** A `rendered` output (outputs.ts), written right after the deck's HTML; a staged deck's is reported once it is in place. */
async function writeRenderedOutput(
  built: BuiltDeck,
  stage: OutputStage,
  result: BuildResult,
  options: BuildOptions,
): Promise<void> {
  const event = await writeOutput(built, stage, deckLocation(built).dir, { options }, (warning) =>
    result.warnings.push(warning),
  );
  if (built.staged) built.unreported = [...(built.unreported ?? []), { stage, ms: event.ms }];
  else options.onProgress?.(event);
}

/** The deck's HTML is in place (and, written with it, its `rendered` outputs). */
function reportHtml(built: BuiltDeck, options: BuildOptions): void {
  const { deck } = built;
  options.onProgress?.({
    type: 'html',
    slug: deck.slug,
    file: deck.file,
    htmlFile: deck.htmlFile,
    slides: deck.slides,
  });
  for (const { stage, ms } of built.unreported ?? []) options.onProgress?.(outputEvent(built, stage, ms));
  built.unreported = undefined;
}

/**
 * Prints every deck: a queue shared by `concurrency` workers, each printing in a tab of the pool's one
 * browser. Measured on 2 cores with 20 decks (BENCHMARKS.md): two tabs are a little faster than one
 * (the next deck loads while one prints); two browser processes were a third slower (each Chromium
 * keeps more than a core busy).
 */
async function printAll(
  pool: PrintPool,
  decks: BuiltDeck[],
  result: BuildResult,
  options: BuildOptions,
): Promise<void> {
  const { preloadPdfLib } = await import('../pdf/metadata.js');
  preloadPdfLib();
  const workers = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), decks.length));
  const stages = outputStages(options, 'printed');
  const captures = slideCaptures(stages, options);
  const queue = [...decks];
  let done = 0;

  const failed = (built: BuiltDeck, error: unknown) => {
    if (!(error instanceof PdfError)) throw error;
    result.errors.push(new PdfError(error.what, error.hint, { file: built.deck.file }, { cause: error }));
  };
  const work = async () => {
    for (let built = queue.shift(); built; built = queue.shift()) {
      const { deck } = built;
      const started = performance.now();
      const run: RunOptions = {
        onRestart: () => result.warnings.push({ file: deck.file, message: BROWSER_RESTARTED }),
      };
      // The slide images the stages need come from the PDF's own page load (its print tab).
      let images: SlideImages | undefined;
      // --no-pdf with a format that needs the browser (--png …): no PDF, those formats only.
      if (options.pdf !== false) {
        try {
          const { captures: taken, ...pdf } = await pool.print(
            printJob(built, { notesPages: options.notesPages, captures }),
            run,
          );
          deck.pdf = pdf;
          images = taken;
        } catch (error) {
          failed(built, error);
          continue;
        }
        if (!reportPdf(built, deck.pdf, result, options)) {
          built.refused = true; // --strict and it overflows: nothing of it is written
          deck.pdf = undefined;
          await discardDeck(built);
          continue;
        }
      } else if (captures) {
        try {
          const { htmlFile, html, styleKey } = printJob(built);
          images = await pool.capture({ htmlFile, html, styleKey, captures }, run);
        } catch (error) {
          failed(built, error);
          continue;
        }
      }
      if (built.staged) {
        await commitDeck(built);
        reportHtml(built, options);
      }
      if (deck.pdf)
        options.onProgress?.({
          type: 'pdf',
          slug: deck.slug,
          file: deck.file,
          pdf: deck.pdf,
          ms: performance.now() - started,
          index: ++done,
          total: decks.length,
        });
      for (const stage of stages) {
        try {
          const event = await writeOutput(built, stage, deck.dir, { options, pool, run, images }, (warning) =>
            result.warnings.push(warning),
          );
          options.onProgress?.(event);
        } catch (error) {
          // A file system that refuses one output's file fails that output (the error names the file), not the build.
          if (error instanceof OutputError) result.errors.push(error);
          else failed(built, error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
}

/** Blocked requests are warnings; overflowing slides are warnings, or errors with --strict. False: the deck is refused (--strict). */
function reportPdf(built: BuiltDeck, pdf: PrintResult, result: BuildResult, options: BuildOptions): boolean {
  const { file } = built.deck;
  for (const url of pdf.blockedRequests)
    result.warnings.push({ file, message: `blocked a network request while printing: ${url}` });
  for (const overflow of pdf.overflows) {
    const what = `slide ${overflow.slide}${overflow.label ? ` "${overflow.label}"` : ''}: content overflows by ${overflow.px}px`;
    if (options.strict)
      result.errors.push(
        new ContentError(what, "shorten it, split it with another heading, or lower the template's maxItemsPerSlide", {
          file,
        }),
      );
    else result.warnings.push({ file, message: what });
  }
  return !(options.strict && pdf.overflows.length > 0);
}
