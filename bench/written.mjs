// What a `briefdeck build --json` run wrote, in bytes, per output: read from the report's deck entries and
// the files they name on disk. An output entry may name one file (`file`), several (the contact sheet's
// PDF and PNG) or a folder (slides/): every existing path it names is counted, a folder with all its
// files, each file once. Only when an entry names no file on disk does its own `bytes` field count.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The fields of a --json deck entry that are not an output stage's entry. */
const DECK_FIELDS = new Set(['file', 'slug', 'slides', 'html', 'pdf']);

/**
 * `{ folder, pdf, outputs: { <stage>: bytes } }` summed over the report's decks: `folder` the deck folders
 * as a whole (the HTML deck, for an HTML-only build), `pdf` the PDFs, `outputs` every other output by name.
 */
export async function writtenBytes(report) {
  const written = { folder: 0, pdf: 0, outputs: {} };
  for (const deck of report.decks) {
    const folder = path.dirname(deck.html);
    written.folder += await pathBytes(folder, new Set());
    written.pdf += deck.pdf?.bytes ?? 0;
    for (const [name, entry] of Object.entries(deck)) {
      if (DECK_FIELDS.has(name) || !entry || typeof entry !== 'object') continue;
      written.outputs[name] = (written.outputs[name] ?? 0) + (await entryBytes(entry, folder));
    }
  }
  return written;
}

async function entryBytes(entry, folder) {
  const seen = new Set();
  let bytes = 0;
  for (const name of namedPaths(entry)) {
    const file = path.resolve(folder, name);
    if (file !== folder) bytes += await pathBytes(file, seen);
  }
  return seen.size ? bytes : typeof entry.bytes === 'number' ? entry.bytes : 0;
}

/** Every string in the entry (nested in arrays or objects too) that could be a path. */
function* namedPaths(value) {
  if (typeof value === 'string' && value.length) yield value;
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* namedPaths(item);
}

/** Bytes of a file, or of every file under a folder; 0 for what does not exist. Counts each file once. */
async function pathBytes(file, seen) {
  const info = await stat(file).catch(() => undefined);
  if (!info) return 0;
  if (info.isDirectory()) {
    let bytes = 0;
    for (const name of await readdir(file)) bytes += await pathBytes(path.join(file, name), seen);
    return bytes;
  }
  if (seen.has(file)) return 0;
  seen.add(file);
  return info.size;
}
