import path from 'node:path';
import { existsSync } from 'node:fs';
import { deckRecord, printJob, recordPrints, type BriefingBuilder, type BuiltDeck } from '../build/briefing.js';
import { discoverContent, findContentFiles } from '../content/discover.js';
import { BriefdeckError, formatWarning } from '../errors.js';
import { removeSupersededDecks } from '../output/deck-info.js';
import { writeIndexPage } from '../output/index-page.js';
import { removeFolder } from '../output/write-deck.js';
import type { PrintPool } from '../pdf/pool.js';
import type { Change } from './watch.js';

export interface LiveBuildOptions {
  /** Content files or folders, as the user named them. */
  paths: string[];
  /** The output folder, absolute. */
  outDir: string;
  /** Browser for PDFs printed on request. */
  browser?: string;
  log: (line: string) => void;
}

/**
 * serve's rebuild loop: the decks of the content files, rebuilt when they change, and their PDFs
 * printed when asked for. Rebuilding a deck and printing its PDF take turns: a PDF printed from the
 * old HTML while the new one is written would land beside it and pass for its PDF (writeDeck removes
 * the old PDFs just before the new HTML goes in).
 */
export class LiveBuild {
  private readonly decks = new Map<string, BuiltDeck>(); // by content file
  private readonly errors = new Map<string, BriefdeckError>(); // by content file
  private contentFiles: string[] = [];
  private turn: Promise<unknown> = Promise.resolve();
  /** PDFs are printed on request, with one browser started the first time one is asked for (and again if it dies). */
  private pool?: Promise<PrintPool>;

  constructor(
    private readonly builder: BriefingBuilder,
    private readonly options: LiveBuildOptions,
  ) {}

  /** The build errors now, one line each (the overlay shows them). */
  errorLines(): string[] {
    return [...this.errors.values()].map((error) => error.message);
  }

  /** Builds every briefing's HTML. */
  async start(): Promise<void> {
    const { log } = this.options;
    const discovered = await discoverContent(this.options.paths);
    for (const skipped of discovered.skipped) log(`${skipped.file}: warning: ${skipped.message}`);
    for (const error of discovered.errors) log(`error   ${error.message}`);
    this.contentFiles = discovered.files;
    await this.exclusive(() => this.rebuild(this.contentFiles));
  }

  /** Rebuilds what a change touched, in its turn; returns the slugs rebuilt. */
  apply(change: Change): Promise<string[]> {
    return this.exclusive(async () => {
      // Watcher paths are absolute; content files are kept as the user named them (for messages).
      const known = (absolute: string) =>
        [...this.decks.keys(), ...this.errors.keys()].find((file) => path.resolve(file) === absolute) ?? absolute;
      this.contentFiles = await findContentFiles(this.options.paths).catch(() => this.contentFiles);
      if (change.everything) {
        this.builder.reload();
        return this.rebuild(this.contentFiles);
      }
      for (const removed of change.removed.map(known)) {
        const slug = this.builder.slugOf(removed);
        this.builder.forget(removed);
        this.decks.delete(removed);
        this.errors.delete(removed);
        if (slug) await removeFolder(path.join(this.options.outDir, slug));
        this.options.log(`removed ${removed}`);
      }
      return this.rebuild(this.contentFiles.filter((file) => change.files.includes(path.resolve(file))));
    });
  }

  /**
   * The PDF at `file`, printed unless the one there was printed from its deck's current HTML (a
   * rebuild removes it); false when no deck of this build has that PDF. Throws when printing fails.
   */
  async printPdf(file: string): Promise<boolean> {
    const started = performance.now();
    // The deck is looked up in its turn: a rebuild just before it may have replaced it.
    const printed = await this.exclusive(async () => {
      const built = [...this.decks.values()].find(
        (deck) => path.resolve(deck.deck.dir, `${deck.deck.slug}.pdf`) === file,
      );
      if (!built) return undefined;
      if (existsSync(file)) return undefined;
      const pool = await this.printPool();
      built.deck.pdf = await pool.print(printJob(built));
      await recordPrints(built);
      return built;
    });
    if (printed) this.options.log(`printed ${printed.deck.slug}.pdf in ${Math.round(performance.now() - started)} ms`);
    return printed !== undefined;
  }

  async close(): Promise<void> {
    await (await this.pool)?.close();
  }

  private printPool(): Promise<PrintPool> {
    this.pool ??= import('../pdf/pool.js').then(
      // handleSignals false: close() ends the browser; a browser that could not start is tried again next time.
      ({ PrintPool }) => new PrintPool({ browser: this.options.browser, handleSignals: false, retryFailedStart: true }),
    );
    return this.pool;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.turn.then(task);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Builds the given files; returns the slugs that changed. */
  private async rebuild(files: string[]): Promise<string[]> {
    const { log, outDir } = this.options;
    const slugs: string[] = [];
    const rebuilt: BuiltDeck[] = [];
    // "built" is logged once the whole rebuild is done (old folders removed, index page written), so
    // the line means the output folder is in its new state.
    const done: string[] = [];
    for (const file of files) {
      const started = performance.now();
      try {
        const built = await this.builder.buildHtml(file);
        this.decks.set(file, built);
        rebuilt.push(built);
        this.errors.delete(file);
        slugs.push(built.deck.slug);
        for (const warning of built.warnings) log(formatWarning(warning));
        done.push(
          `built   ${built.deck.slug} (${built.deck.slides} slides) in ${Math.round(performance.now() - started)} ms`,
        );
      } catch (error) {
        if (!(error instanceof BriefdeckError)) throw error;
        this.errors.set(file, error);
        log(`error   ${error.message}`);
      }
    }
    await removeSupersededDecks(
      outDir,
      rebuilt.map((built) => built.deck),
    );
    await writeIndexPage(outDir, {
      decks: [...this.decks.values()].map(deckRecord),
      pdfOnDemand: true,
      onWarning: (warning) => log(formatWarning(warning)),
    });
    done.forEach(log);
    return slugs;
  }
}
