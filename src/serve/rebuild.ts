import path from 'node:path';
import { existsSync } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import type { BuildOptions } from '../build/batch.js';
import { deckRecord, printJob, recordPrints, type BriefingBuilder, type BuiltDeck } from '../build/briefing.js';
import {
  OUTPUT_STAGES,
  outputOf,
  slideCaptures,
  writeOutput,
  type OutputStage,
  type PlannedDeck,
} from '../build/outputs.js';
import { discoverContent, findContentFiles } from '../content/discover.js';
import { BriefdeckError, formatWarning } from '../errors.js';
import { removeSupersededDecks, type DeckInfo } from '../output/deck-info.js';
import { writeIndexPage } from '../output/index-page.js';
import { removeFolder } from '../output/write-deck.js';
import type { PrintPool } from '../pdf/pool.js';
import type { Change } from './watch.js';

/** The content paths, output folder (absolute), browser and formats of `serve` (the formats as `build` takes them). */
export interface LiveBuildOptions extends BuildOptions {
  log: (line: string) => void;
}

/** One form of a deck besides its HTML: its PDF, or what an output stage writes. */
type Form = 'pdf' | OutputStage;

/** An output of a deck of this server, current, opened for the response: a file, or a folder's names (slides/). */
export type CurrentOutput = { file: FileHandle } | { folder: string[] };

/**
 * serve's rebuild loop: the decks of the content files, rebuilt when they change, and their other forms
 * (PDF, PowerPoint file, handout, slide images …, as asked for): those made without a browser are
 * written again after each rebuild, the others when first asked for. Rebuilding a deck and making its
 * outputs take turns: an output made from the old HTML while the new one is written would land beside it
 * and pass for its own (writeDeck removes the old outputs just before the new HTML goes in).
 */
export class LiveBuild {
  private readonly decks = new Map<string, BuiltDeck>(); // by content file
  private readonly errors = new Map<string, BriefdeckError>(); // by content file
  private contentFiles: string[] = [];
  private turn: Promise<unknown> = Promise.resolve();
  /** Printing is on request, with one browser started the first time one is asked for (and again if it dies). */
  private pool?: Promise<PrintPool>;
  /** The output stages asked for (--pptx, --handout … or the config's formats). */
  private readonly stages: OutputStage[];

  constructor(
    private readonly builder: BriefingBuilder,
    private readonly options: LiveBuildOptions,
  ) {
    this.stages = OUTPUT_STAGES.filter((stage) => stage.wanted(options));
  }

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
   * `file` (or a folder, such as slides/) when it is an output of a deck of this server: made first unless
   * the one there was made from the deck's current HTML, and opened in the same turn, so that a save
   * just after cannot put an output of another HTML in its place. Undefined when `file` is no output of
   * a deck this server builds (it is then served as it is), or that output has no such file. Throws
   * (a BriefdeckError) when making it fails.
   */
  async currentOutput(file: string): Promise<CurrentOutput | undefined> {
    return this.exclusive(async () => {
      const found = this.outputAt(file);
      if (!found) return undefined;
      await this.make(found.built, found.form);
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) return { folder: (await readdir(file)).sort() };
      return info?.isFile() ? { file: await open(file) } : undefined;
    });
  }

  async close(): Promise<void> {
    await this.turn; // outputs being written after a rebuild
    await (await this.pool)?.close();
  }

  /** What each deck's entry on the index page links before it is made: its PDF and each output stage's files. */
  private planned(deck: PlannedDeck): Partial<DeckInfo> {
    const pdf = this.options.pdf === false ? {} : { pdf: `${deck.slug}.pdf` };
    return Object.assign(pdf, ...this.stages.map((stage) => stage.planned(deck)));
  }

  /** The deck and form whose file (or folder) at the top of the deck folder `file` is, or is inside. */
  private outputAt(file: string): { built: BuiltDeck; form: Form } | undefined {
    const [slug, top] = path.relative(this.options.outDir, file).split(path.sep);
    const built = [...this.decks.values()].find((deck) => deck.deck.slug === slug);
    if (!built || !slug || !top) return undefined;
    const writes = (names: Partial<DeckInfo>) =>
      Object.values(names).some((name) => typeof name === 'string' && name.split('/')[0] === top);
    if (this.options.pdf !== false && top === `${slug}.pdf`) return { built, form: 'pdf' };
    const stage = this.stages.find((candidate) => writes(candidate.planned(built.deck)));
    return stage && { built, form: stage };
  }

  /** Makes one form of a deck from its current HTML, unless it was made from it already and is still there. */
  private async make(built: BuiltDeck, form: Form): Promise<void> {
    const { deck } = built;
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    if (form === 'pdf') {
      if (deck.pdf && existsSync(deck.pdf.pdfFile)) return;
      deck.pdf = await (await this.printPool()).print(printJob(built));
      await recordPrints(built);
      this.options.log(`printed ${deck.slug}.pdf in ${ms()} ms`);
      return;
    }
    const made = outputOf(deck, form);
    if (made && form.files(made).every((file) => existsSync(file))) return;
    const pool = form.phase === 'printed' ? await this.printPool() : undefined;
    // Slide images (--png, --thumbnails) are taken from the deck laid out as for printing, as build does with --no-pdf.
    const captures = slideCaptures([form], this.options);
    const { htmlFile, html, styleKey } = printJob(built);
    const images = pool && captures && (await pool.capture({ htmlFile, html, styleKey, captures }));
    await writeOutput(built, form, deck.dir, { options: this.options, pool, images }, (warning) =>
      this.options.log(formatWarning(warning)),
    );
    await recordPrints(built);
    const output = outputOf(deck, form)!;
    this.options.log(
      `${form.label.padEnd(7)} ${path.basename(form.files(output)[0]!)} (${form.size(output).count}) in ${ms()} ms`,
    );
  }

  /** After a rebuild, in the next turn (the open pages reload meanwhile): the outputs made without a browser. */
  private writeRenderedOutputs(decks: BuiltDeck[]): void {
    const rendered = this.stages.filter((stage) => stage.phase === 'rendered');
    if (decks.length === 0 || rendered.length === 0) return;
    void this.exclusive(async () => {
      for (const built of decks)
        for (const stage of rendered)
          await this.make(built, stage).catch((error: unknown) => {
            // Logged now, and the error again for whoever asks for the file (it is made again then).
            this.options.log(`error   ${error instanceof Error ? error.message : String(error)}`);
          });
    });
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
      project: await this.builder.projectLabels(),
      onDemand: (deck) => this.planned(deck),
      onWarning: (warning) => log(formatWarning(warning)),
    });
    done.forEach(log);
    this.writeRenderedOutputs(rebuilt);
    return slugs;
  }
}
