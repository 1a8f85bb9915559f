/**
 * The extra output formats of a build, one stage each, beside the deck's HTML and PDF.
 *
 * To add an output format: write its stage in its own module (like pptx-output.ts or
 * handout-output.ts), register it in OUTPUT_STAGES and its result type in DeckOutputs, and add its
 * flag (cli/format-flags.ts) and name (formats.ts). The batch runs it, reports its progress line and
 * --json entry, moves a staged (--strict) deck's files into place and names them in deck.json; serve
 * links and makes it too. Its deck.json field (output/deck-info.ts, which also reads earlier builds'
 * records), its index-page link (LINKED_OUTPUTS in output/index-page.ts) and its file names
 * (isDeckOutput in output/write-deck.ts, which removes them before the deck's HTML is rewritten) are
 * named there. docs/architecture.md has the whole list.
 */
import path from 'node:path';
import type { BuildOptions } from './batch.js';
import type { BuiltDeck } from './briefing.js';
import { contactSheetOutput } from './contact-sheet-output.js';
import { handoutOutput } from './handout-output.js';
import { pngOutput, type SlideImageFolder, thumbnailsOutput } from './png-output.js';
import { pptxOutput, type PptxFile } from './pptx-output.js';
import { scriptOutput, type ScriptFile } from './script-output.js';
import { singleFileOutput, type SingleFile } from './single-file-output.js';
import type { Warning } from '../content/model.js';
import type { PrintPool, RunOptions } from '../pdf/pool.js';
import type { PrintResult, SlideCapture, SlideImages } from '../pdf/print.js';
import type { ContactSheet } from '../pdf/contact-sheet.js';
import type { DeckInfo } from '../output/deck-info.js';

/** What each output stage wrote for a deck, by the name it goes by in DeckResult, deck.json, --json and its progress event. */
export interface DeckOutputs {
  handout?: PrintResult;
  contactSheet?: ContactSheet;
  pptx?: PptxFile;
  script?: ScriptFile;
  singleFile?: SingleFile;
  png?: SlideImageFolder;
  thumbnails?: SlideImageFolder;
}

export type OutputName = keyof DeckOutputs;
type Output<N extends OutputName> = NonNullable<DeckOutputs[N]>;

/** The progress event of an output: `{ type: 'pptx', slug, file, ms, pptx }`. */
export type OutputEvent = {
  [N in OutputName]: { type: N; slug: string; file: string; ms: number } & Pick<Required<DeckOutputs>, N>;
}[OutputName];

export interface OutputStage<N extends OutputName = OutputName> {
  name: N;
  /** Its word in progress lines, at most 7 characters so that the paths line up (`single  output/x/x.html …`). */
  label: string;
  /**
   * `rendered`: written from the rendered deck right after its HTML, with no browser (into the staging
   * folder while the deck is staged). `printed`: written with the print pool once the deck's PDF is
   * printed (or, with --no-pdf, once its HTML is written) and the deck is in its folder; not written
   * when its PDF failed.
   */
  phase: 'rendered' | 'printed';
  /** Whether this build asked for it. */
  wanted(options: BuildOptions): boolean;
  /**
   * A `printed` stage made of slide images: the images it needs, taken in the deck's print tab in the
   * same page load as its PDF (or, with --no-pdf, laid out the same way); `write` finds them in
   * `tools.images` under the stage's name.
   */
  captures?(options: BuildOptions): SlideCapture;
  /** Writes it for one deck into `dir`; throws a BriefdeckError (a PdfError, for printing) when it fails. */
  write(built: BuiltDeck, dir: string, tools: OutputTools): Promise<{ output: Output<N>; warnings?: Warning[] }>;
  /**
   * The files (or folders, such as slides/) it wrote at the top of the deck folder, the main one first;
   * and the same output once they are moved into `dir` (a staged deck, committed: same names).
   */
  files(output: Output<N>): string[];
  movedTo(output: Output<N>, dir: string): Output<N>;
  /** What deck.json says of it: the file names (relative to the deck folder) the index page links. */
  record(output: Output<N>): Partial<DeckInfo>;
  /** What record() will say of it for this deck, before it is written (serve links it, and makes it when asked for). */
  planned(deck: PlannedDeck): Partial<DeckInfo>;
  /** Its size for the progress line and build --watch (`10 pages`), and its --json entry. */
  size(output: Output<N>): { bytes: number; count: string };
  json(output: Output<N>): Record<string, unknown>;
}

/** What an output's names may depend on: the deck's slug, and its slide count (zero-padded image names). */
export type PlannedDeck = Pick<DeckInfo, 'slug' | 'slides'>;

export interface OutputTools {
  options: BuildOptions;
  /** The build's print pool: there for `printed` stages only. */
  pool?: PrintPool;
  run?: RunOptions;
  /** The slide images the `printed` stages asked for (`captures`), by stage name. */
  images?: SlideImages;
}

/** In the order deck.json and --json name them. */
export const OUTPUT_STAGES: readonly OutputStage[] = [
  handoutOutput,
  contactSheetOutput,
  pptxOutput,
  scriptOutput,
  singleFileOutput,
  pngOutput,
  thumbnailsOutput,
];

/** The stages of `phase` this build wants. */
export function outputStages(options: BuildOptions, phase: OutputStage['phase']): OutputStage[] {
  return OUTPUT_STAGES.filter((stage) => stage.phase === phase && stage.wanted(options));
}

export function outputStage(name: OutputName): OutputStage {
  const stage = OUTPUT_STAGES.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no output stage ${name}`);
  return stage;
}

/** The slide images `stages` need, by stage name; undefined when none does. */
export function slideCaptures(stages: OutputStage[], options: BuildOptions): Record<string, SlideCapture> | undefined {
  const captures = stages.flatMap((stage) => (stage.captures ? [[stage.name, stage.captures(options)] as const] : []));
  return captures.length ? Object.fromEntries(captures) : undefined;
}

/** What `stage` wrote for this deck, if it did. */
export function outputOf(deck: DeckOutputs, stage: OutputStage): Output<OutputName> | undefined {
  return deck[stage.name];
}

/** Runs `stage` for one deck: writes its file where the deck's files are now, records it on the deck, and returns its event. */
export async function writeOutput(
  built: BuiltDeck,
  stage: OutputStage,
  dir: string,
  tools: OutputTools,
  onWarning: (warning: Warning) => void,
): Promise<OutputEvent> {
  const started = performance.now();
  const { output, warnings = [] } = await stage.write(built, dir, tools);
  warnings.forEach(onWarning);
  Object.assign(built.deck, { [stage.name]: output });
  return outputEvent(built, stage, performance.now() - started);
}

export function outputEvent(built: BuiltDeck, stage: OutputStage, ms: number): OutputEvent {
  const { slug, file } = built.deck;
  return { type: stage.name, slug, file, ms, [stage.name]: outputOf(built.deck, stage) } as OutputEvent;
}

/** Moves the files the stages wrote into the staging folder to `dir` (commitDeck). */
export async function moveOutputs(
  deck: DeckOutputs,
  dir: string,
  move: (from: string, to: string) => Promise<void>,
): Promise<void> {
  for (const stage of OUTPUT_STAGES) {
    const output = outputOf(deck, stage);
    if (!output) continue;
    for (const from of stage.files(output)) {
      const to = path.join(dir, path.basename(from));
      if (to !== from) await move(from, to);
    }
  }
  rebaseOutputs(deck, dir);
}

/** Makes what the stages wrote name its files in `dir` (same names; '' for names relative to the deck folder); returns `deck`. */
export function rebaseOutputs<D extends DeckOutputs>(deck: D, dir: string): D {
  for (const stage of OUTPUT_STAGES) {
    const output = outputOf(deck, stage);
    if (output) Object.assign(deck, { [stage.name]: stage.movedTo(output, dir) });
  }
  return deck;
}

/** What deck.json says of what the stages wrote: `{ handout: 'x-handout.pdf', pptx: 'x.pptx' }`. */
export function outputRecords(deck: DeckOutputs): Partial<DeckInfo> {
  const record: Partial<DeckInfo> = {};
  for (const stage of OUTPUT_STAGES) {
    const output = outputOf(deck, stage);
    if (output) Object.assign(record, stage.record(output));
  }
  return record;
}
