import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { impossibleDate } from '../content/dates.js';
import type { Warning } from '../content/model.js';
import { BriefdeckError, OutputError } from '../errors.js';
import { isInside, readRegularFile, sha256 } from '../files.js';
import {
  boolean,
  type Infer,
  integer,
  message,
  object,
  optional,
  refine,
  reject,
  type Schema,
  string,
  validate,
} from '../validate.js';
import { writeFileAtomic } from '../atomic-write.js';
import { removeFolder } from './write-deck.js';
import { isLanguageTag } from '../labels/index.js';

/** A file name in the deck folder: no path, not hidden, with the given extension. */
const outputName = (extension: string, what: string) =>
  refine(string(), (name) =>
    name === path.posix.basename(name) &&
    name === path.win32.basename(name) &&
    !name.startsWith('.') &&
    name.endsWith(extension)
      ? name
      : reject(`invalid input: expected a ${what} file name`),
  );
const printName = outputName('.pdf', 'PDF');

/** A folder of the deck's images at the top of the deck folder (slides/, thumbnails/). */
const folderName = refine(string(), (name) =>
  /^[a-z][a-z0-9-]*$/.test(name) ? name : reject('invalid input: expected a folder name'),
);

/** An image in such a folder: `thumbnails/01.png`. */
const imageInFolder = refine(string(), (name) =>
  /^[a-z][a-z0-9-]*\/[0-9]+\.png$/.test(name) ? name : reject('invalid input: expected a folder/NN.png path'),
);

/** A briefing's date, as its front matter had it (content/schema.ts). */
const isoDate = refine(string(), (date) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && !impossibleDate(date)
    ? date
    : reject('invalid input: expected a YYYY-MM-DD date'),
);

/** A banner colour, as marking.ts writes it: it goes into the index page's stylesheet. */
const hexColour = refine(string(), (value) =>
  /^#[0-9a-f]{6}$/.test(value) ? value : reject('invalid input: expected a #rrggbb colour'),
);

/** The briefing's language tag (front matter `lang`): the index page's language and the title's `lang`. */
const languageTag = refine(string(), (tag) =>
  isLanguageTag(tag) ? tag : reject('invalid input: expected a BCP 47 language tag'),
);

/** A fingerprint of a file's bytes (htmlFingerprint). */
const fingerprint = refine(string(), (value) =>
  /^sha256-[0-9a-f]{64}$/.test(value) ? value : reject('invalid input: expected a sha256 fingerprint'),
);

/**
 * What the index page needs to know about a deck; written beside it as deck.json, and into a shard's
 * record (shard-record.ts). A build lists its own decks from memory; deck.json is read back only for
 * the decks it did not build (see readEarlierDecks) and to find superseded folders. Read with this
 * schema: the output folder may hold a deck.json of another version, of another tool, or a broken
 * one. Keys it does not know are left out.
 */
export const DeckInfoSchema = object(
  {
    slug: string(),
    title: string(),
    subtitle: optional(string()),
    lang: optional(languageTag),
    date: optional(isoDate),
    marking: optional(string()),
    /** The marking's banner colours as the deck drew them (its template's `markings` included); absent: free text, or an earlier version's deck.json. */
    markingColours: optional(object({ background: hexColour, text: hexColour })),
    draft: optional(boolean(), false),
    slides: integer({ min: 0 }),
    /** The content file it was built from: relative to the deck folder, or its file name only (see sourceFor). */
    source: string(),
    /** The fingerprint (htmlFingerprint) of the index.html written with this record: tells a later build that the HTML in the folder is the one described here. Absent in the deck.json of earlier briefdeck versions. */
    html: optional(fingerprint),
    /** File names, in the deck folder, of the PDF and handout printed from the deck's current HTML (absent: not printed, see writeDeck). */
    pdf: optional(printName),
    handout: optional(printName),
    /** The PowerPoint file written from the deck's current slides (absent: not written, see writeDeck). */
    pptx: optional(outputName('.pptx', 'PPTX')),
    /** The other forms written from the deck's current HTML, each absent when not written (see writeDeck): */
    /** `--single-file`: <slug>.html, the deck with everything inlined. */
    singleFile: optional(outputName('.html', 'HTML')),
    /** `--png`: the folder of one PNG per slide (slides). */
    png: optional(folderName),
    /** `--thumbnails`: the title slide's small PNG (thumbnails/01.png), shown on the index page. */
    thumbnail: optional(imageInFolder),
    /** `--contact-sheet`: every slide on one page (<slug>-contact.pdf), and that page as a picture (<slug>-contact.png). */
    contactSheet: optional(printName),
    contactSheetPng: optional(outputName('.png', 'PNG')),
    /** `--script`: the speaker script (<slug>-script.md). */
    script: optional(outputName('.md', 'Markdown')),
  },
  { unknown: 'ignore' },
);

export type DeckInfo = Infer<typeof DeckInfoSchema>;

export const DECK_INFO = 'deck.json';

/** Our own deck.json is well under a kilobyte; a bigger one is not ours, and is not read into memory. */
const MAX_DECK_INFO_BYTES = 1024 * 1024;

/** Far above any deck's index.html (its images and fonts are files beside it): only read to check its fingerprint. */
const MAX_DECK_HTML_BYTES = 256 * 1024 * 1024;

export async function writeDeckInfo(deckDir: string, info: DeckInfo): Promise<void> {
  await writeFileAtomic(path.join(deckDir, DECK_INFO), `${JSON.stringify(info, null, 2)}\n`);
}

/** `html` for deck.json: what index.html holds, as the bytes written (UTF-8). */
export function htmlFingerprint(html: string | Uint8Array): string {
  return `sha256-${sha256(html)}`;
}

/**
 * `source` for deck.json: the content file relative to the deck folder (`../../content/brief.md`), with
 * forward slashes, so that it names the same file from any working directory and a renamed slug's old
 * folder can be found (removeSupersededDecks). Only while that path stays inside a folder holding both
 * the output folder and the file (the output folder's parent, or the working directory): a file from
 * elsewhere would turn it into `../../../home/someone/private/x.md`, an absolute path in all but name,
 * shared with every copy of the output. Such a file is named by its file name only.
 */
export function sourceFor(deckDir: string, file: string, cwd = process.cwd()): string {
  const deck = path.resolve(deckDir);
  const source = path.resolve(file);
  const outDir = path.dirname(deck);
  const near = isInside(path.dirname(outDir), source) || (isInside(cwd, outDir) && isInside(cwd, source));
  return near ? path.relative(deck, source).split(path.sep).join('/') : path.basename(file);
}

/** Newest first, then by title: the order of the index page. */
export function byDate(a: DeckInfo, b: DeckInfo): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title);
}

/**
 * The decks in the output folder that this build did not build (`built`: the slugs it did), for the
 * index page: only those whose deck.json briefdeck wrote together with the index.html now beside it
 * (its `html` fingerprint matches). A deck.json that cannot be read as one (not JSON, wrong types,
 * too big, not a file, in another deck's folder), one of an earlier briefdeck (no fingerprint), or
 * one whose index.html is missing or was replaced since (another tool, a half-copied folder) is left
 * out with a warning: a record that does not describe the deck beside it is never listed, and the
 * index page is a convenience, never the reason a build fails. Hidden folders (a build's staging
 * folders) are not decks.
 */
export async function readEarlierDecks(
  outDir: string,
  built: ReadonlySet<string>,
  onWarning?: (warning: Warning) => void,
): Promise<DeckInfo[]> {
  const infos: DeckInfo[] = [];
  for (const folder of await deckFolders(outDir)) {
    if (built.has(folder)) continue;
    const file = path.join(outDir, folder, DECK_INFO);
    try {
      const info = await readDeckInfo(file, folder);
      if (info) infos.push(await describesItsHtml(info, path.join(outDir, folder)));
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      onWarning?.({
        file,
        message: `${problem}: not listed on the index page (build its briefing again to rewrite it)`,
      });
    }
  }
  return infos;
}

/** Every deck.json in the output folder that reads as one, quietly skipping the others (for removeSupersededDecks). */
async function readDeckInfos(outDir: string): Promise<DeckInfo[]> {
  const infos: DeckInfo[] = [];
  for (const folder of await deckFolders(outDir)) {
    const info = await readDeckInfo(path.join(outDir, folder, DECK_INFO), folder).catch(() => undefined);
    if (info) infos.push(info);
  }
  return infos;
}

async function deckFolders(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
}

/** `info`, if the index.html in `deckDir` is the one it was written with; throws an Error saying what is not. */
export async function describesItsHtml(info: DeckInfo, deckDir: string): Promise<DeckInfo> {
  if (!info.html) throw new Error('written by an earlier briefdeck (it does not record its index.html)');
  const html = await readRegularFile(path.join(deckDir, 'index.html'), {
    as: OutputError,
    noun: 'deck page',
    maxBytes: MAX_DECK_HTML_BYTES,
  }).catch((error: unknown) => {
    throw new Error(`its index.html ${error instanceof BriefdeckError ? error.what : 'cannot be read'}`);
  });
  if (htmlFingerprint(html) !== info.html)
    throw new Error('its index.html is not the one briefdeck wrote with it (changed or replaced since)');
  return info;
}

/** The deck.json in folder `folder`; undefined if there is none; throws an Error saying what is wrong with it. */
async function readDeckInfo(file: string, folder: string): Promise<DeckInfo | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw new Error('not a file');
  if (info.size > MAX_DECK_INFO_BYTES) throw new Error(`too big for a deck.json (${info.size} bytes)`);
  const parsed = parseRecord(await readFile(file, 'utf8'), DeckInfoSchema, 'deck.json');
  if (parsed.slug !== folder) throw new Error(`the deck.json of another folder (its slug is not "${folder}")`);
  return parsed;
}

/** A JSON record briefdeck wrote (deck.json, a shard's record), read with `schema`; throws an Error saying what is wrong with it. */
export function parseRecord<T>(text: string, schema: Schema<T, unknown>, noun: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON'); // (the parser's message quotes the file's bytes, which may be anything)
  }
  // An array is named as one, not as a value of the wrong type.
  if (Array.isArray(json)) throw new Error(`not a briefdeck ${noun} (an array, not an object)`);
  const parsed = validate(schema, json);
  if (!parsed.ok) {
    const problem = parsed.problems[0]!;
    const where = problem.path.join('.');
    const what = message(problem);
    // In parentheses, the message starts a sentence: "(Invalid input: …)".
    throw new Error(
      `not a briefdeck ${noun} (${where ? `"${where}": ` : ''}${what[0]!.toUpperCase()}${what.slice(1)})`,
    );
  }
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
