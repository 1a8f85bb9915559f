import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { OutputError } from '../errors.js';
import type { Asset } from '../output/assets.js';
import type { DeckFiles } from '../output/single-file.js';
import type { OutputStage } from './outputs.js';

/** The single-file deck written for a deck (`build --single-file`). */
export interface SingleFile {
  file: string;
  slides: number;
  bytes: number;
  /** Time it took to write, ms. */
  ms: number;
}

/**
 * `--single-file`: writes <slug>.html beside the deck's index.html (in its staging folder while it
 * is staged: commitDeck moves it in with the PDF), from the same rendered HTML and files, with every
 * one of them inlined (output/single-file.ts). Needs no browser. A reference it cannot carry is an
 * OutputError, and then no file is written.
 */
export const singleFileOutput: OutputStage<'singleFile'> = {
  name: 'singleFile',
  label: 'single',
  phase: 'rendered',
  wanted: (options) => Boolean(options.singleFile),
  write: async (built, dir) => {
    const started = performance.now();
    const { singleFileHtml } = await import('../output/single-file.js');
    const files = await readAssets(built.assets);
    const html = located(built.deck.file, () => singleFileHtml(built.rendered.html, files));
    const file = path.join(dir, singleFileName(built.deck.slug));
    await writeFileAtomic(file, html);
    const bytes = Buffer.byteLength(html);
    return { output: { file, slides: built.deck.slides, bytes, ms: performance.now() - started } };
  },
  files: (single) => [single.file],
  movedTo: (single, dir) => ({ ...single, file: path.join(dir, path.basename(single.file)) }),
  record: (single) => ({ singleFile: path.basename(single.file) }),
  planned: ({ slug }) => ({ singleFile: singleFileName(slug) }),
  size: (single) => ({ bytes: single.bytes, count: `${single.slides} slides` }),
  json: (single) => ({ file: single.file, slides: single.slides, bytes: single.bytes }),
};

const singleFileName = (slug: string) => `${slug}.html`;

/** Runs `make`; an OutputError it throws is reported at the briefing whose deck it is (`file: what — hint`). */
function located<T>(file: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof OutputError) || error.location) throw error;
    throw new OutputError(error.what, error.hint, { file }, { cause: error });
  }
}

/** The deck's files in memory, by their path in the deck folder (the same bytes writeDeck wrote). */
async function readAssets(assets: Asset[]): Promise<DeckFiles> {
  const entries = await Promise.all(
    assets.map(async (asset): Promise<[string, Uint8Array]> => {
      if ('contents' in asset)
        return [asset.to, typeof asset.contents === 'string' ? Buffer.from(asset.contents) : asset.contents];
      const bytes = await readFile(asset.from).catch((error: unknown) => {
        throw new OutputError(
          `cannot read ${asset.from} for the single file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
          'check that briefdeck and the template are installed whole (npm ci)',
          undefined,
          { cause: error },
        );
      });
      return [asset.to, bytes];
    }),
  );
  return new Map(entries);
}
