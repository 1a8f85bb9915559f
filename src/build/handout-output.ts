import path from 'node:path';
import type { BuiltDeck } from './briefing.js';
import type { OutputStage } from './outputs.js';
import type { HandoutJob, HandoutSize } from '../pdf/handout.js';

/** `--handout`: <slug>-handout.pdf, each slide with its notes (pdf/handout.ts), printed from the deck in its folder. */
export const handoutOutput: OutputStage<'handout'> = {
  name: 'handout',
  label: 'handout',
  phase: 'printed',
  wanted: (options) => Boolean(options.handout),
  write: async (built, _dir, { pool, options, run }) => {
    if (!pool) throw new Error('the handout stage runs with the print pool');
    const { printHandout } = await import('../pdf/handout.js');
    const job = handoutJob(built, options.handout || 'a4');
    return { output: await pool.run((tab) => printHandout(tab.browser, job, options.timeout), run) };
  },
  files: (handout) => [handout.pdfFile],
  movedTo: (handout, dir) => ({ ...handout, pdfFile: path.join(dir, path.basename(handout.pdfFile)) }),
  record: (handout) => ({ handout: path.basename(handout.pdfFile) }),
  planned: ({ slug }) => ({ handout: handoutName(slug) }),
  size: (handout) => ({ bytes: handout.bytes, count: `${handout.pages} pages` }),
  json: (handout) => ({ file: handout.pdfFile, pages: handout.pages, bytes: handout.bytes }),
};

/** What printing the deck's handout needs; printed from the deck in its folder (after any staging). */
function handoutJob(built: BuiltDeck, size: HandoutSize): HandoutJob {
  const { deck, rendered } = built;
  return {
    htmlFile: deck.htmlFile,
    pdfFile: path.join(deck.dir, handoutName(deck.slug)),
    meta: rendered.briefing.meta,
    labels: rendered.labels,
    marking: rendered.marking,
    slides: rendered.slides.length,
    size,
  };
}

const handoutName = (slug: string) => `${slug}-handout.pdf`;
