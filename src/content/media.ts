import { createHash } from 'node:crypto';
import { realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../errors.js';
import { isInside, isReallyInside, readRegularFileSync } from '../files.js';
import { decodeAttribute } from '../html-text.js';
import { IMAGE_EXTENSIONS, sniffImageType } from './image-type.js';
import { svgActiveContent } from './svg.js';
import type { AnchorLink } from './anchors.js';
import type { MediaFile, Warning } from './model.js';

/** Where images are copied in a deck, relative to its index.html: content images and image options such as `logo`. */
export const MEDIA_FOLDER = 'assets/media';

const OFFLINE_HINT =
  'decks work offline: save the image next to the briefing (or in a folder below it) and use a relative path';
const CONTAINED_HINT = 'content may only use files in its own folder or below it: move the file there';
const WEB_LINKS = 'link to a web (http/https) or mailto address, or a #slide anchor';
const LINK_HINT = `${WEB_LINKS}; show local pictures as images, ![description](images/file.png)`;

/** The largest image a deck takes (larger ones are refused before they are read). */
export const MAX_IMAGE_BYTES = 32 * 2 ** 20;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** The link schemes the sanitizer keeps (content/markdown.ts). */
export const LINK_SCHEMES = ['http', 'https', 'mailto'];
const UNSAFE_SCHEMES = ['javascript', 'vbscript', 'data'];

/**
 * The files a content file's markdown names, checked against its folder.
 * Content is not trusted: it may only show images that lie inside the folder
 * of the file (after symlinks are followed), that exist and are what their
 * extension says; nothing remote, no data:/file: URLs. Each good image becomes
 * a copy in the deck under a name made from its bytes' hash, so two images
 * called chart.png in different folders do not clash. Relative links may not
 * point outside the folder either.
 */
export class ContentFiles {
  private readonly folder: string;
  /** href → deck URL, so an image named twice is read once. */
  private readonly resolved = new Map<string, string>();
  private readonly copies = new Map<string, MediaFile>();
  /** Links the deck leaves out (see link). */
  readonly warnings: Warning[] = [];
  /** Links to slides of the deck (`#sources`), checked once every section's id is known (content/anchors.ts). */
  readonly anchorLinks: AnchorLink[] = [];

  constructor(readonly file: string) {
    this.folder = path.resolve(path.dirname(file));
  }

  /** Images to copy into the deck. */
  get media(): MediaFile[] {
    return [...this.copies.values()];
  }

  /** The deck URLs this file's images were given: the only <img src> values the sanitizer lets through. */
  get imageUrls(): ReadonlySet<string> {
    return new Set(this.copies.keys());
  }

  /** Checks an image reference at `line` and returns the deck-relative URL of its copy; throws a ContentError for anything else. */
  image(href: string, line: number): string {
    const known = this.resolved.get(href);
    if (known) return known;
    const image = checkImage(
      href,
      { file: this.file, folder: this.folder, usage: '![description](images/file.png)' },
      (what, hint) => {
        throw new ContentError(what, hint, { file: this.file, line });
      },
    );
    const url = `${MEDIA_FOLDER}/${createHash('sha256').update(image.contents).digest('hex').slice(0, 8)}-${safeName(image.name)}`;
    this.copies.set(url, { from: image.from, to: url, contents: image.contents });
    this.resolved.set(href, url);
    return url;
  }

  /**
   * Checks a link at `line`. Web, mailto and #anchor links pass. A link with
   * another scheme is left to the sanitizer, which keeps its text and drops
   * the link, with a warning here (javascript:, vbscript: and data: links are
   * named unsafe: they could run a script). A link to a local file is an
   * error: the deck carries only its images, so such a link would be dead in
   * the deck (and one out of the folder would reach files content may not
   * name). The href is read as the sanitizer and the browser read it: with
   * its character references decoded (`&#46;&#46;/` is `../`; then see
   * asUrlParserReads: `&#1;javascript:` is a javascript: link).
   */
  link(href: string, line: number): void {
    const target = asUrlParserReads(decodeAttribute(href));
    const shown = JSON.stringify(href.length > 60 ? `${href.slice(0, 57)}...` : href);
    const scheme = /^[a-z]:[/\\]/i.test(target) ? undefined : SCHEME.exec(target)?.[1]?.toLowerCase(); // C:\… is a Windows path
    if (scheme && !LINK_SCHEMES.includes(scheme)) {
      const what = UNSAFE_SCHEMES.includes(scheme)
        ? `is an unsafe ${scheme}: link (it could run a script)`
        : `uses ${scheme}:, which decks do not link to`;
      this.warnings.push({
        file: this.file,
        line,
        message: `link ${shown} ${what}: the deck keeps its text without the link — ${WEB_LINKS}`,
      });
      return;
    }
    if (target.startsWith('#')) {
      this.anchorLinks.push({ target, shown, line });
      return;
    }
    if (!target || scheme || /^[/\\]{2}/.test(target)) return;
    const to = path.resolve(this.folder, decodePath(target) ?? target);
    const where = { file: this.file, line };
    if (!isReallyInside(this.folder, to)) {
      throw new ContentError(`link ${shown} points outside the folder of ${this.file}`, LINK_HINT, where);
    }
    throw new ContentError(`link ${shown} points to a local file, which the deck does not carry`, LINK_HINT, where);
  }
}

/**
 * A URL as the WHATWG URL parser reads it: without leading and trailing C0
 * controls and spaces, and without any tab or newline. A control character
 * before a scheme hides it from a plain /^scheme:/ test but not from the
 * browser (https://url.spec.whatwg.org/#concept-basic-url-parser).
 */
function asUrlParserReads(url: string): string {
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** An image file that passed checkImage: its real path, its name as written (lower-case extension apart), and the bytes that were checked. */
export interface CheckedImage {
  from: string;
  name: string;
  extension: string;
  contents: Uint8Array;
}

/** Where an image path was written: `file`, whose `folder` the path is relative to and must stay in. */
export interface ImageSource {
  file: string;
  folder: string;
  /** How to write an image there, for hints: `![description](images/file.png)`, `logo: images/logo.png`. */
  usage: string;
}

/**
 * The check of every image a deck shows, named in content or by an image
 * option (front matter, config, a template's default): `href` must name a
 * regular file inside the folder, also after symlinks are followed (a link to
 * /etc/passwd is refused); not larger than MAX_IMAGE_BYTES; whose bytes are
 * the type its extension says; and an SVG must be a plain drawing
 * (content/svg.ts). Returns the bytes that were checked, so that what is
 * written into the deck is what was checked. `fail` throws the caller's error.
 */
export function checkImage(
  href: string,
  source: ImageSource,
  fail: (what: string, hint: string) => never,
): CheckedImage {
  const shown = JSON.stringify(href.length > 60 ? `${href.slice(0, 57)}...` : href);
  const offline = `${OFFLINE_HINT}, e.g. ${source.usage}`;
  const target = asUrlParserReads(href);
  if (!target) fail('an image has no path', `write it as ${source.usage}`);
  const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || /^[/\\]{2}/.test(target))
    fail(`remote image ${shown} is not allowed`, offline);
  if (scheme && !/^[a-z]:[/\\]/i.test(target)) fail(`image ${shown}: ${scheme}: URLs are not allowed`, offline);
  if (/^([/\\]|[a-z]:[/\\])/i.test(target))
    fail(
      `image ${shown} is an absolute path`,
      `use a path relative to the folder of ${source.file}; ${CONTAINED_HINT}`,
    );
  const relative = decodePath(target) ?? fail(`image ${shown} is not a valid path`, 'check the %-escapes in it');
  const from = path.resolve(source.folder, relative);
  if (!isInside(source.folder, from)) fail(`image ${shown} is outside the folder of ${source.file}`, CONTAINED_HINT);
  const info = statOf(from, () =>
    fail(`image ${shown} is a symbolic link loop`, 'the link leads back to itself: point it at the real image'),
  );
  if (!info)
    fail(
      `image ${shown} not found`,
      `the path is relative to the folder of ${source.file}: check it, or save the image there`,
    );
  if (info!.isDirectory())
    fail(`image ${shown} is a folder, not an image file`, 'name the image file itself, e.g. images/chart.png');
  if (!info!.isFile()) fail(`image ${shown} is not a regular file`, 'use a PNG, JPEG, GIF, WebP or SVG file');
  if (!isReallyInside(source.folder, from))
    fail(`image ${shown} is a link to a file outside the folder of ${source.file}`, CONTAINED_HINT);
  const real = realpathSync(from);
  const extension = path.extname(from).toLowerCase();
  const type = IMAGE_EXTENSIONS[extension];
  if (!type)
    fail(`image ${shown} is not a supported image type`, `use one of ${Object.keys(IMAGE_EXTENSIONS).join(' ')}`);
  // Read whole into memory and into the deck: a file of gigabytes would exhaust memory (or exceed what Node can read at once).
  if (info!.size > MAX_IMAGE_BYTES)
    fail(
      `image ${shown} is ${Math.round(info!.size / 2 ** 20)} MB, more than a deck can carry (${MAX_IMAGE_BYTES / 2 ** 20} MB)`,
      'save it smaller: a slide needs about 2560 pixels across at most',
    );
  const contents = readImage(real, shown, fail);
  const actual = sniffImageType(contents);
  if (actual !== type) {
    fail(
      `image ${shown} is not ${type === 'SVG' ? 'an' : 'a'} ${type} file${actual ? ` (its bytes are ${actual})` : ' (its bytes are not an image)'}`,
      actual ? 'rename it to its real type' : `save it as a real ${type} image`,
    );
  }
  const active = type === 'SVG' ? svgActiveContent(contents.toString('utf8')) : undefined;
  if (active)
    fail(
      `image ${shown} is not a plain drawing: it contains ${active}`,
      'export it again as a plain SVG (no scripts, links, styles that load files, or external files), or as PNG',
    );
  return { from: real, name: path.basename(from), extension, contents };
}

/** The path part of a URL (no ?query or #fragment), %-decoded, with `\` read as `/` the way browsers do; undefined if undecodable. */
function decodePath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.replace(/[?#].*$/s, '')).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

function statOf(file: string, onLoop: () => never): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') onLoop();
    return undefined; // missing, or a path through a file (ENOTDIR): not found either way
  }
}

/** The image's bytes; a file swapped for a FIFO after the checks above, or grown too large, is an error too (files.ts). */
function readImage(real: string, shown: string, fail: (what: string, hint: string) => never): Buffer {
  try {
    return readRegularFileSync(real, { as: ContentError, noun: 'image', maxBytes: MAX_IMAGE_BYTES });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return fail(`image ${shown} ${error.what}`, error.hint);
  }
}

/** A file name that needs no escaping in a URL or a shell: anything else becomes `-`. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'image';
}
