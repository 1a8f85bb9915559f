/**
 * The references of a single-file deck (single-file.ts): which file of the deck a URL names, and that
 * file as a data: URL. A reference that cannot be carried inside the one file (a file the deck does
 * not have, a URL to elsewhere, an unknown scheme) is an OutputError naming it, where it was found,
 * and what to do: on success the HTML is the only artifact, so nothing may point outside it.
 */
import path from 'node:path';
import { OutputError } from '../errors.js';
import { mediaTypeOf } from '../media-types.js';

/** The deck's files by their path relative to the deck folder (`assets/theme.css`), as the HTML names them. */
export type DeckFiles = ReadonlyMap<string, Uint8Array>;

/**
 * References are resolved by the WHATWG URL parser, as the browser resolves them (`./`, `../`,
 * %-escapes, `//host`), against this made-up location of the deck folder: anything that resolves to
 * another origin or scheme is not a file of the deck, and a path that leaves `/deck/` leaves the folder.
 */
const DECK_URL = 'https://briefdeck.invalid/deck/';

/** What a reference is, once resolved. */
export type Reference =
  | { kind: 'inline' } // data: — already inside the file
  | { kind: 'fragment' } // #id — a place in this document
  | { kind: 'file'; path: string; fragment: string }
  | { kind: 'elsewhere'; url: URL };

/** Resolves `ref`, found in the deck file `base` (`index.html`, `assets/theme.css`). */
export function resolveReference(ref: string, base: string): Reference {
  // As the URL parser reads it: surrounding spaces and controls, tabs and newlines do not count.
  const trimmed = ref.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (trimmed.startsWith('#')) return { kind: 'fragment' };
  const baseUrl = new URL(base.split('/').map(encodeURIComponent).join('/'), DECK_URL);
  let url: URL;
  try {
    url = new URL(trimmed, baseUrl);
  } catch {
    return { kind: 'elsewhere', url: new URL('invalid:') };
  }
  if (url.protocol === 'data:') return { kind: 'inline' };
  const deck = new URL(DECK_URL);
  if (url.origin !== deck.origin || !url.pathname.startsWith(deck.pathname)) return { kind: 'elsewhere', url };
  let file: string;
  try {
    file = decodeURIComponent(url.pathname.slice(deck.pathname.length));
  } catch {
    file = url.pathname.slice(deck.pathname.length);
  }
  return { kind: 'file', path: file, fragment: url.hash };
}

/** Turns references into the deck's files as data: URLs, each file encoded once. */
export class Inliner {
  private readonly uris = new Map<string, string>();

  constructor(private readonly files: DeckFiles) {}

  /**
   * The file `ref` names (found in `base`; `where` says how, for messages: `<img src>`), as a
   * data: URL, or `ref` itself when it already is one or names a place in this document.
   */
  dataUrl(ref: string, base: string, where: string): string {
    const target = resolveReference(ref, base);
    if (target.kind === 'inline' || target.kind === 'fragment') return ref;
    const { path: file, bytes } = this.fileOf(ref, base, where, target);
    let uri = this.uris.get(file);
    if (!uri) {
      const type = mediaTypeOf(path.posix.extname(file).toLowerCase());
      // A page, a PDF or a PowerPoint file is not something a deck can show inline.
      if (!type || /^(text\/html|application\/)/.test(type))
        throw new OutputError(
          `the single file cannot carry ${shown(ref)} (${where} in ${base}): briefdeck does not know the type of a ${path.posix.extname(file) || 'file without an extension'}`,
          `use an image (${['.png', '.jpg', '.gif', '.webp', '.svg'].join(' ')}) or a font (.woff2)`,
        );
      uri = `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
      this.uris.set(file, uri);
    }
    return uri + (target.kind === 'file' ? target.fragment : '');
  }

  /** The text of the deck file `ref` names (a script, a stylesheet), with its path. */
  text(ref: string, base: string, where: string): { path: string; text: string } {
    const found = this.fileOf(ref, base, where, resolveReference(ref, base));
    return { path: found.path, text: Buffer.from(found.bytes).toString('utf8') };
  }

  private fileOf(ref: string, base: string, where: string, target: Reference): { path: string; bytes: Uint8Array } {
    if (target.kind === 'file') {
      const bytes = this.files.get(target.path);
      if (bytes) return { path: target.path, bytes };
      throw new OutputError(
        `the single file cannot carry ${shown(ref)} (${where} in ${base}): the deck has no file ${target.path || '(none named)'}`,
        'check the path in the template: it is relative to the file it is written in, and names a file of the deck (the template’s own files are under assets/template/)',
      );
    }
    throw cannotCarry(ref, base, where, target);
  }
}

/** The error for a reference that is not a file of the deck. */
export function cannotCarry(ref: string, base: string, where: string, target?: Reference): OutputError {
  const url = target?.kind === 'elsewhere' ? target.url : undefined;
  const remote = url && (url.protocol === 'http:' || url.protocol === 'https:');
  const what = !url
    ? target?.kind === 'file'
      ? 'it links to a file beside the deck, which the single file does not carry'
      : 'it cannot be inlined'
    : url.origin === new URL(DECK_URL).origin
      ? 'it points outside the deck folder'
      : remote
        ? 'it is on another server, and the single file must open with no network'
        : url.protocol === 'invalid:'
          ? 'it is not a valid URL'
          : `${url.protocol} URLs cannot be inlined`;
  return new OutputError(
    `the single file cannot carry ${shown(ref)} (${where} in ${base}): ${what}`,
    "save the file in the template's assets/ folder and name it by a path relative to the file that uses it, or build without --single-file",
  );
}

function shown(ref: string): string {
  return JSON.stringify(ref.length > 80 ? `${ref.slice(0, 77)}...` : ref);
}
