import { handoutJob, type BuiltDeck } from './briefing.js';
import type { BuildOptions, ProgressEvent } from './batch.js';
import type { PrintPool, RunOptions } from '../pdf/pool.js';

/**
 * An output written from a deck once its PDF is printed and the deck is in its folder: the handout
 * today. Adding an output format is adding one of these (in its own module) to OUTPUT_STAGES; the batch
 * runs each wanted stage for every printed deck, with the build's print pool, and reports its event.
 */
export interface OutputStage {
  /** Whether this build asked for it. */
  wanted(options: BuildOptions): boolean;
  /** Writes it for one deck and records it on `built.deck`; throws a PdfError (or another BriefdeckError) when it fails. */
  write(built: BuiltDeck, pool: PrintPool, options: BuildOptions, run: RunOptions): Promise<ProgressEvent>;
}

/** --handout: <slug>-handout.pdf, each slide with its notes (pdf/handout.ts). */
const handout: OutputStage = {
  wanted: (options) => Boolean(options.handout),
  write: async (built, pool, options, run) => {
    const started = performance.now();
    const { printHandout } = await import('../pdf/handout.js');
    const job = handoutJob(built, options.handout || 'a4');
    const printed = await pool.run((tab) => printHandout(tab.browser, job, options.timeout), run);
    const { deck } = built;
    deck.handout = printed;
    return { type: 'handout', slug: deck.slug, file: deck.file, handout: printed, ms: performance.now() - started };
  },
};

export const OUTPUT_STAGES: OutputStage[] = [handout];
