import path from 'node:path';
import type { Warning } from '../content/model.js';
import { writeFileAtomic } from '../output/write-deck.js';
import { type BuiltDeck, deckLocation } from './briefing.js';

/** The PowerPoint file written for a deck (`build --pptx`). */
export interface PptxFile {
  file: string;
  slides: number;
  bytes: number;
  /** Time it took to write, ms. */
  ms: number;
}

/**
 * The PPTX output stage: writes <slug>.pptx beside the deck's HTML (in its
 * staging folder while it is staged: commitDeck moves it in with the PDF),
 * from the same rendered slides. Needs no browser. Its overflow estimates are
 * warnings, also under --strict: PowerPoint lays the text out itself, with the
 * fonts of the machine that opens the file.
 */
export async function writeDeckPptx(built: BuiltDeck): Promise<{ pptx: PptxFile; warnings: Warning[] }> {
  const started = performance.now();
  const { writePptx } = await import('../pptx/index.js');
  const result = await writePptx(built.rendered);
  const file = path.join(deckLocation(built).dir, `${built.deck.slug}.pptx`);
  await writeFileAtomic(file, result.bytes);
  const pptx = { file, slides: result.slides, bytes: result.bytes.length, ms: performance.now() - started };
  built.deck.pptx = pptx;
  return { pptx, warnings: result.warnings };
}
