/**
 * Incremental builds: whether a deck folder already holds what this build would write for a
 * briefing, so that it is neither written nor printed again (issue 18).
 *
 * The deck is rendered in memory first (parsing and rendering take milliseconds; printing takes most
 * of a build), and its key is made from what the render produced, not from a list of the files it
 * read: the HTML, deck.json's fields, the bytes of every asset (images, SVGs, media, the template
 * chain's stylesheets, assets and fonts), the template's manifest and resolved options, the labels
 * (from the labels files and the project config) and the slides every other format is written from.
 * So every input that can change an output changes the key, including ones no list would name (a
 * template shadowed by one of the same name, a config file that appears). Beside that: the options
 * that change what is written or printed (the formats and their sizes, notes pages, print layout,
 * --strict, the browser, SOURCE_DATE_EPOCH), and briefdeck itself (its version and code, since its
 * PDF post-processing and PowerPoint writer shape files the HTML does not show).
 *
 * output/manifest.ts keeps the key with the hashes of the deck folder's files; the deck is up to date
 * when both match.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from './batch.js';
import type { BuiltDeck, DeckResult } from './briefing.js';
import { OUTPUT_STAGES, outputOf, outputStages, rebaseOutputs, type DeckOutputs } from './outputs.js';
import type { Warning } from '../content/model.js';
import { fileSha256, sha256 } from '../files.js';
import { currentManifest, writeManifest } from '../output/manifest.js';
import { packagePath } from '../paths.js';
import type { PrintResult } from '../pdf/print.js';

/** What a manifest keeps of a deck's report: its outputs with paths relative to the deck folder, and its warnings. */
interface StoredDeck {
  pdf?: Omit<PrintResult, 'captures'>;
  outputs: DeckOutputs;
  /** `file` relative to the deck folder; '' for the briefing itself. */
  warnings: Warning[];
}

/** The warning a print retried in a new browser gives: about that run, not the deck, so not repeated when it is up to date. */
export const BROWSER_RESTARTED =
  'the browser quit while printing this deck; started a new one to retry it and print the rest';

/** One build's (or one watch rebuild's) view of which decks are up to date; asset hashes are shared by its decks. */
export class Freshness {
  private readonly hashes = new Map<string, Promise<string>>();
  /** Each deck's key, made when it was rendered: before its files are written, so a source edited meanwhile makes the next build rebuild. */
  private readonly keys = new WeakMap<BuiltDeck, Promise<string>>();
  private options?: Promise<string>;

  constructor(private readonly build: BuildOptions) {}

  /**
   * When the deck's folder holds what this build would write (its manifest, see above), and the build
   * is not forced: marks the deck up to date and gives it the outputs and warnings the build that wrote
   * it reported. False otherwise. Called on each deck once it is rendered, before anything is written.
   */
  async reuse(built: BuiltDeck): Promise<boolean> {
    const { deck } = built;
    const key = this.key(built);
    this.keys.set(built, key);
    if (this.build.force) return false;
    const manifest = await currentManifest<StoredDeck>(deck.dir, {
      briefdeck: await briefdeckFingerprint(),
      key: await key,
    });
    if (!manifest) return false;
    const { pdf, outputs, warnings } = manifest.deck;
    if (pdf) deck.pdf = { ...pdf, pdfFile: path.join(deck.dir, pdf.pdfFile) };
    Object.assign(deck, outputs);
    rebaseOutputs(deck, deck.dir);
    built.warnings = warnings.map((warning) => ({
      ...warning,
      file: warning.file ? path.relative(process.cwd(), path.resolve(deck.dir, warning.file)) : deck.file,
    }));
    deck.upToDate = true;
    return true;
  }

  /**
   * Writes the manifest of a deck this build wrote, if every output the build asked for is there
   * (a deck whose PDF or another output failed gets none, so the next build makes it again).
   * `warnings`: all the build's warnings; the deck's own are kept in the manifest.
   */
  async record(built: BuiltDeck, warnings: Warning[]): Promise<void> {
    const { deck } = built;
    if (!isComplete(deck, this.build)) return;
    const own = new Set([...built.warnings, ...warnings.filter((warning) => warning.file === deck.file)]);
    const stored: StoredDeck = {
      pdf: deck.pdf && { ...withoutCaptures(deck.pdf), pdfFile: path.basename(deck.pdf.pdfFile) },
      outputs: rebaseOutputs({ ...pickOutputs(deck) }, ''),
      warnings: [...own]
        .filter((warning) => warning.message !== BROWSER_RESTARTED)
        .map((warning) => ({
          ...warning,
          file: warning.file === deck.file ? '' : path.relative(deck.dir, warning.file),
        })),
    };
    await writeManifest(deck.dir, {
      briefdeck: await briefdeckFingerprint(),
      key: await (this.keys.get(built) ?? this.key(built)),
      deck: stored,
    });
  }

  /** Everything the deck's files are made from (see above), as one hash. */
  private async key(built: BuiltDeck): Promise<string> {
    const { rendered } = built;
    const assets = await Promise.all(
      built.assets.map(async (asset) => [
        asset.to,
        'contents' in asset ? sha256(asset.contents) : await this.hashOf(asset.from),
      ]),
    );
    return sha256(
      JSON.stringify({
        options: await this.optionsKey(),
        info: built.info,
        assets: assets.sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
        template: rendered.template.manifest,
        templateOptions: rendered.options,
        labels: rendered.labels,
        marking: rendered.marking,
        meta: rendered.briefing.meta,
        slides: rendered.slides,
      }),
    );
  }

  /** A file's hash, once per build (the decks of a template share reveal.js, its stylesheets and fonts). */
  private hashOf(file: string): Promise<string> {
    let hash = this.hashes.get(file);
    if (!hash) {
      hash = fileSha256(file);
      this.hashes.set(file, hash);
    }
    return hash;
  }

  /** The options that change what is written or printed, with the browser that would print. */
  private optionsKey(): Promise<string> {
    this.options ??= (async () => {
      const options = this.build;
      const browserWanted = options.pdf !== false || outputStages(options, 'printed').length > 0;
      // None found (or a wrong one named): no deck can be printed, so none is recorded as complete.
      const browser = browserWanted
        ? await import('../pdf/browser.js')
            .then(({ findBrowser }) => findBrowser(options.browser))
            .catch(() => undefined)
        : undefined;
      return JSON.stringify({
        pdf: options.pdf !== false,
        notesPages: Boolean(options.notesPages),
        printLayout: options.printLayout ?? 'static',
        strict: Boolean(options.strict),
        formats: OUTPUT_STAGES.filter((stage) => stage.wanted(options)).map((stage) => stage.name),
        handout: options.handout || undefined,
        contactSheet: options.contactSheet || undefined,
        scale: options.png ? (options.scale ?? 1) : undefined,
        browser: browser?.executablePath,
        sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
      });
    })();
    return this.options;
  }
}

/** Whether the deck has every output the build asked for (its PDF, and each wanted stage's files). */
function isComplete(deck: DeckResult, options: BuildOptions): boolean {
  if (options.pdf !== false && !deck.pdf) return false;
  return OUTPUT_STAGES.every((stage) => !stage.wanted(options) || outputOf(deck, stage) !== undefined);
}

function pickOutputs(deck: DeckResult): DeckOutputs {
  return Object.fromEntries(OUTPUT_STAGES.map((stage) => [stage.name, outputOf(deck, stage)]).filter(([, o]) => o));
}

function withoutCaptures(pdf: PrintResult): Omit<PrintResult, 'captures'> {
  const { captures: _captures, ...rest } = pdf;
  return rest;
}

let fingerprint: Promise<string> | undefined;

/**
 * briefdeck's version and a hash of its code (the files of the folder this module was loaded from:
 * the CLI bundle's dist/bin/), so that an upgrade, or a new build of briefdeck, rebuilds every deck.
 */
function briefdeckFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const { version } = JSON.parse(await readFile(packagePath('package.json'), 'utf8')) as { version: string };
    const codeDir = path.dirname(fileURLToPath(import.meta.url));
    const files = (await readdir(codeDir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
    const hashes = await Promise.all(files.map((file) => fileSha256(path.join(codeDir, file))));
    return `${version} ${sha256(files.map((file, i) => `${file} ${hashes[i]}`).join('\n'))}`;
  })();
  return fingerprint;
}
