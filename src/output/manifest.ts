/**
 * The deck manifest (`<out>/<slug>/.briefdeck-manifest.json`): what an incremental build knows of a
 * deck folder it finished. `key` stands for everything the deck was made from (build/freshness.ts
 * computes it); `files` has the SHA-256 of every file in the folder as it was when the deck was
 * complete. A later build whose key is the same, and that finds exactly those files with those bytes,
 * need not write or print the deck again: a fresh build would write the same files.
 *
 * The manifest is written last, once every output of the deck is in place, and removed first, before
 * a build writes anything into the folder (writeDeck), so that a failed or interrupted build leaves
 * no manifest behind that vouches for a half-written deck. Hidden, like every name briefdeck does not
 * publish: the index page, deck.json, `serve` and the stale-output rule all pass over hidden names.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { outputError, writeFileAtomic } from '../atomic-write.js';
import { fileSha256 } from '../files.js';

export const MANIFEST_NAME = '.briefdeck-manifest.json';

/** Bumped when the manifest's shape changes: a manifest of another format is not read. */
const MANIFEST_FORMAT = 1;

export interface DeckManifest<Deck> {
  format: typeof MANIFEST_FORMAT;
  /** The briefdeck that wrote the deck (its version and code, see build/freshness.ts). */
  briefdeck: string;
  /** What the deck was made from: the same key means the same files. */
  key: string;
  /** Every (not hidden) file of the deck folder, by its path relative to the folder (`/`-separated): its SHA-256. */
  files: Record<string, string>;
  /** What the build reported of the deck (no absolute paths), for a build that finds it up to date. */
  deck: Deck;
}

/** Removes the deck's manifest: the folder is about to change, and nothing vouches for it until the next one is written. */
export async function removeManifest(deckDir: string): Promise<void> {
  const file = path.join(deckDir, MANIFEST_NAME);
  await rm(file, { force: true }).catch((error: unknown) => {
    throw outputError(error, file);
  });
}

/** Writes the manifest of a complete deck folder: hashes every file in it now. */
export async function writeManifest<Deck>(
  deckDir: string,
  manifest: Omit<DeckManifest<Deck>, 'format' | 'files'>,
): Promise<void> {
  const written: DeckManifest<Deck> = { format: MANIFEST_FORMAT, ...manifest, files: await hashFolder(deckDir) };
  await writeFileAtomic(path.join(deckDir, MANIFEST_NAME), `${JSON.stringify(written)}\n`);
}

/**
 * The deck's manifest if it says the folder is what a build of `key` by `briefdeck` writes: the same
 * key and briefdeck, and the same files with the same bytes (none missing, changed or added).
 * Undefined otherwise, and when there is no manifest or it cannot be read.
 */
export async function currentManifest<Deck>(
  deckDir: string,
  expected: { briefdeck: string; key: string },
): Promise<DeckManifest<Deck> | undefined> {
  const manifest = await readFile(path.join(deckDir, MANIFEST_NAME), 'utf8').then(
    (text) => JSON.parse(text) as Partial<DeckManifest<Deck>>,
    () => undefined,
  );
  if (
    manifest?.format !== MANIFEST_FORMAT ||
    manifest.briefdeck !== expected.briefdeck ||
    manifest.key !== expected.key ||
    typeof manifest.files !== 'object' ||
    manifest.files === null
  )
    return undefined;
  const found = await hashFolder(deckDir).catch(() => undefined);
  const recorded = Object.entries(manifest.files);
  const same =
    found !== undefined &&
    Object.keys(found).length === recorded.length &&
    recorded.every(([file, hash]) => found[file] === hash);
  return same ? (manifest as DeckManifest<Deck>) : undefined;
}

/** The SHA-256 of every file under `dir` but hidden ones (the manifest, other builds' temporary files), by relative path. */
async function hashFolder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
  const hashes = await Promise.all(files.map((file) => fileSha256(path.join(dir, file))));
  return Object.fromEntries(files.map((file, i) => [file.split(path.sep).join('/'), hashes[i]!]));
}
