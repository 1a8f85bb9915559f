import { readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { copyFileAtomic, outputError, writeFileAtomic } from '../atomic-write.js';
import { OutputError } from '../errors.js';
import { isInside, makeDirectory, realPath } from '../files.js';
import type { Asset } from './assets.js';
import { removeManifest } from './manifest.js';

/** Renames `from` to `to` (atomic: on the same file system, as a staging folder beside the deck is). */
export async function moveFile(from: string, to: string): Promise<void> {
  await rename(from, to).catch((error: unknown) => {
    throw outputError(error, to);
  });
}

/** Removes a folder and everything in it. */
export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch((error: unknown) => {
    throw outputError(error, dir);
  });
}

/**
 * Writes a deck folder: assets first (all at once), index.html last, so the HTML never points at missing files.
 *
 * Just before the new HTML goes in, every output beside it (isDeckOutput: the deck's PDF, handout,
 * notes pages, PowerPoint, slide images, contact sheet, speaker script, single file) is removed: they were printed from the HTML being replaced, and a PDF left there would pass for the
 * new deck's (a TLP:AMBER PDF linked next to a TLP:RED deck, an old title after a failed print).
 * So a deck folder never holds a PDF older than its index.html; the build prints the new ones
 * afterwards, and deck.json names those it printed. Removed rather than kept under a "stale" name:
 * a stale copy of a marked document is a leak waiting to happen, and the briefing can always be
 * printed again. Removed first, so that an interrupted build leaves no PDF rather than a wrong one.
 */
export async function writeDeck(deckDir: string, html: string, assets: Asset[]): Promise<string> {
  // The folder first, alone: where none can be made, that is one line about it, not a race of asset errors.
  await makeDirectory(deckDir).catch((error: unknown) => {
    throw outputError(error, `${deckDir}${path.sep}`); // the trailing / says it is the folder that could not be made
  });
  // Before anything in the folder changes: from now until the build writes a new one, nothing says the deck is complete.
  await removeManifest(deckDir);
  await Promise.all(
    assets.map((asset) => {
      const to = path.join(deckDir, asset.to);
      return 'contents' in asset ? writeFileAtomic(to, asset.contents) : copyFileAtomic(asset.from, to);
    }),
  );
  await removePrints(deckDir);
  const index = path.join(deckDir, 'index.html');
  await writeFileAtomic(index, html);
  await removeUnusedAssets(deckDir, assets);
  return index;
}

/**
 * Files under assets/ that the new deck does not use (an image taken out of the briefing or
 * replaced, the font subset of text no longer in it): removed once the new HTML is in place, so
 * that content taken out of a briefing does not stay in its deck folder, which is shared whole.
 * Hidden files are another build's writes in progress, and are left alone.
 */
async function removeUnusedAssets(deckDir: string, assets: Asset[]): Promise<void> {
  const used = new Set(assets.map((asset) => path.join(deckDir, asset.to)));
  const entries = await readdir(path.join(deckDir, 'assets'), { recursive: true, withFileTypes: true });
  const unused = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !used.has(file));
  await Promise.all(unused.map(removeFile));
}

/** The folders of slide images a deck's outputs write beside its index.html (--png, --thumbnails). */
export const SLIDE_IMAGE_FOLDERS = { png: 'slides', thumbnails: 'thumbnails' } as const;

/**
 * Whether a name at the top of a deck folder is an output made from the deck's HTML: its PDFs
 * (deck, handout, notes pages, contact sheet), PowerPoint file, PNGs (contact sheet), speaker script,
 * single-file HTML (any .html but index.html), and the folders of slide images. deck.json is
 * rewritten with the HTML; assets/ is cleaned by removeUnusedAssets; hidden names are another
 * build's writes in progress.
 */
export function isDeckOutput(name: string, isFolder: boolean): boolean {
  if (name.startsWith('.')) return false;
  if (isFolder) return (Object.values(SLIDE_IMAGE_FOLDERS) as string[]).includes(name);
  return /\.(pdf|pptx|png|md)$/i.test(name) || (/\.html$/i.test(name) && name !== 'index.html');
}

/** The outputs at the top of a deck folder made from its earlier HTML (isDeckOutput). */
async function removePrints(deckDir: string): Promise<void> {
  const entries = await readdir(deckDir, { withFileTypes: true });
  const prints = entries
    .filter((entry) => (entry.isFile() || entry.isDirectory()) && isDeckOutput(entry.name, entry.isDirectory()))
    .map((entry) => path.join(deckDir, entry.name));
  await Promise.all(
    prints.map((print) =>
      rm(print, { recursive: true, force: true }).catch((error: unknown) => {
        throw outputError(error, print);
      }),
    ),
  );
}

/** Removes a file if it is there. */
export async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true }).catch((error: unknown) => {
    throw outputError(error, file);
  });
}

/**
 * Checks the output folder before anything is written (it is made only when a
 * deck is written: a build whose briefings all fail writes nothing). It must
 * not hold the content (a build writes
 * <out>/index.html and <out>/<slug>/, and serve deletes <out>/<slug>/ when a
 * briefing goes away, so decks among the sources could replace or remove them).
 * `contentPaths`: the content files and folders of the build.
 */
export async function checkOutputFolder(outDir: string, contentPaths: string[]): Promise<void> {
  if (!outDir)
    throw new OutputError('the output folder is an empty path', 'name a folder with --out, e.g. --out output');
  const out = realPath(outDir);
  for (const given of contentPaths) {
    const folder = await realpath(given).then(
      async (real) => ((await stat(real)).isDirectory() ? real : path.dirname(real)),
      () => undefined,
    );
    if (folder && isInside(out, folder)) {
      throw new OutputError(
        `the output folder ${outDir} ${out === folder ? 'is' : 'contains'} the content folder ${path.relative(process.cwd(), folder) || '.'}`,
        'decks could overwrite or remove content there: choose a folder of their own with --out, e.g. --out output',
      );
    }
  }
}
