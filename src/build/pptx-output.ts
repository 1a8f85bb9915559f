import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { OutputStage } from './outputs.js';

/** The PowerPoint file written for a deck (`build --pptx`). */
export interface PptxFile {
  file: string;
  slides: number;
  bytes: number;
  /** Time it took to write, ms. */
  ms: number;
}

/**
 * `--pptx`: writes <slug>.pptx beside the deck's HTML (in its staging folder while it is staged:
 * commitDeck moves it in with the PDF), from the same rendered slides. Needs no browser. Its overflow
 * estimates are warnings, also under --strict: PowerPoint lays the text out itself, with the fonts of
 * the machine that opens the file.
 */
export const pptxOutput: OutputStage<'pptx'> = {
  name: 'pptx',
  label: 'pptx',
  phase: 'rendered',
  wanted: (options) => Boolean(options.pptx),
  write: async (built, dir) => {
    const started = performance.now();
    const { writePptx } = await import('../pptx/index.js');
    const result = await writePptx(built.rendered);
    const file = path.join(dir, pptxName(built.deck.slug));
    await writeFileAtomic(file, result.bytes);
    const pptx = { file, slides: result.slides, bytes: result.bytes.length, ms: performance.now() - started };
    return { output: pptx, warnings: result.warnings };
  },
  files: (pptx) => [pptx.file],
  movedTo: (pptx, dir) => ({ ...pptx, file: path.join(dir, path.basename(pptx.file)) }),
  record: (pptx) => ({ pptx: path.basename(pptx.file) }),
  planned: ({ slug }) => ({ pptx: pptxName(slug) }),
  size: (pptx) => ({ bytes: pptx.bytes, count: `${pptx.slides} slides` }),
  json: (pptx) => ({ file: pptx.file, slides: pptx.slides, bytes: pptx.bytes }),
};

const pptxName = (slug: string) => `${slug}.pptx`;
