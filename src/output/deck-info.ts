import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { impossibleDate } from '../content/dates.js';
import type { Warning } from '../content/model.js';
import {
  boolean,
  type Infer,
  integer,
  message,
  object,
  optional,
  refine,
  reject,
  string,
  validate,
} from '../validate.js';
import { removeFolder, writeFileAtomic } from './write-deck.js';

/** A file name in the deck folder: no path, not hidden, a PDF. */
const printName = refine(string(), (name) =>
  name === path.posix.basename(name) &&
  name === path.win32.basename(name) &&
  !name.startsWith('.') &&
  name.endsWith('.pdf')
    ? name
    : reject('invalid input: expected a PDF file name'),
);

/** A briefing's date, as its front matter had it (content/schema.ts). */
const isoDate = refine(string(), (date) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && !impossibleDate(date)
    ? date
    : reject('invalid input: expected a YYYY-MM-DD date'),
);

/**
 * What the index page needs to know about a deck; written beside it as deck.json. Read back with
 * this schema: the output folder may hold a deck.json of another version, of another tool, or a
 * broken one, and the index page is built from all of them. Keys it does not know are left out.
 */
const DeckInfoSchema = object(
  {
    slug: string(),
    title: string(),
    subtitle: optional(string()),
    date: optional(isoDate),
    marking: optional(string()),
    draft: optional(boolean(), false),
    slides: integer({ min: 0 }),
    /** The content file it was built from, relative to the deck folder (so it names the same file from any working directory, and no absolute path is written into the output). */
    source: string(),
    /** File names, in the deck folder, of the PDF and handout printed from the deck's current HTML (absent: not printed, see writeDeck). */
    pdf: optional(printName),
    handout: optional(printName),
  },
  { unknown: 'ignore' },
);

export type DeckInfo = Infer<typeof DeckInfoSchema>;

export const DECK_INFO = 'deck.json';

/** Our own deck.json is well under a kilobyte; a bigger one is not ours, and is not read into memory. */
const MAX_DECK_INFO_BYTES = 1024 * 1024;

export async function writeDeckInfo(deckDir: string, info: DeckInfo): Promise<void> {
  await writeFileAtomic(path.join(deckDir, DECK_INFO), `${JSON.stringify(info, null, 2)}\n`);
}

/** `source` for deck.json: the content file relative to the deck folder, with forward slashes. */
export function sourceFor(deckDir: string, file: string): string {
  const relative = path.relative(path.resolve(deckDir), path.resolve(file));
  return path.isAbsolute(relative) ? path.basename(file) : relative.split(path.sep).join('/');
}

/**
 * Every deck in the output folder (not only this build's), newest first. A folder whose deck.json
 * cannot be read as one (not JSON, wrong types, too big, not a file, in another deck's folder) is
 * left out with a warning: the index page is a convenience, never the reason a build fails.
 * Hidden folders (a build's staging folders) are not decks.
 */
export async function readDeckInfos(outDir: string, onWarning?: (warning: Warning) => void): Promise<DeckInfo[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const infos: DeckInfo[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const file = path.join(outDir, entry.name, DECK_INFO);
    try {
      const info = await readDeckInfo(file, entry.name);
      if (info) infos.push(info);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      onWarning?.({
        file,
        message: `${problem}: not listed on the index page (build its briefing again to rewrite it)`,
      });
    }
  }
  return infos.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
}

/** The deck.json in folder `folder`; undefined if there is none; throws an Error saying what is wrong with it. */
async function readDeckInfo(file: string, folder: string): Promise<DeckInfo | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw new Error('not a file');
  if (info.size > MAX_DECK_INFO_BYTES) throw new Error(`too big for a deck.json (${info.size} bytes)`);
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON'); // (the parser's message quotes the file's bytes, which may be anything)
  }
  // An array is named as one, not as a value of the wrong type.
  if (Array.isArray(json)) throw new Error('not a briefdeck deck.json (an array, not an object)');
  const parsed = validate(DeckInfoSchema, json);
  if (!parsed.ok) {
    const problem = parsed.problems[0]!;
    const where = problem.path.join('.');
    const what = message(problem);
    // In parentheses, the message starts a sentence: "(Invalid input: …)".
    throw new Error(
      `not a briefdeck deck.json (${where ? `"${where}": ` : ''}${what[0]!.toUpperCase()}${what.slice(1)})`,
    );
  }
  if (parsed.value.slug !== folder) throw new Error(`the deck.json of another folder (its slug is not "${folder}")`);
  return parsed.value;
}

/**
 * Removes the folders of decks that these content files were built into under another slug
 * (its `slug:` or file name changed): they are superseded, and listing them would show an old
 * version of the briefing as if it were current.
 */
export async function removeSupersededDecks(
  outDir: string,
  decks: Array<{ file: string; slug: string }>,
): Promise<void> {
  const current = new Map(decks.map((deck) => [path.resolve(deck.file), deck.slug]));
  for (const info of await readDeckInfos(outDir)) {
    const slug = current.get(path.resolve(outDir, info.slug, info.source));
    if (slug !== undefined && slug !== info.slug) await removeFolder(path.join(outDir, info.slug));
  }
}
