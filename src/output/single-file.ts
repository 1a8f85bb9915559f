/**
 * `--single-file`: the deck as one self-contained HTML file (<slug>.html) that opens from disk, a
 * mail attachment or a USB stick with no network: every stylesheet, script, font and image of the
 * deck inlined, from its rendered HTML and its files in memory (no browser, no disk).
 *
 * Its Content-Security-Policy (deck/csp.ts singleFilePolicy) lets run exactly the scripts inlined
 * here (by hash) and the speaker view's, loads fonts and images only from data: URLs, and frames
 * only the file itself (the speaker view shows the deck in two iframes of its own URL). A template's
 * own inline scripts stay blocked, as they are in the deck's folder.
 *
 * The HTML is read with htmlparser2 (the parser the sanitizer uses) and changed only where a tag
 * refers to a file: everything else is copied byte for byte.
 */
import { Parser } from 'htmlparser2';
import { singleFilePolicy, sha256Source } from '../deck/csp.js';
import { OutputError } from '../errors.js';
import { decodeEntities, escapeHtml, tagsIn } from '../html-text.js';
import { cssCodePoints, inlineStylesheet, type SheetContext } from './single-file-css.js';
import { cannotCarry, type DeckFiles, Inliner, resolveReference } from './single-file-refs.js';

export type { DeckFiles } from './single-file-refs.js';

/** The document the deck's references are relative to. */
const DOCUMENT = 'index.html';

/** Elements that would show another document: a data: URL cannot stand in for it (frame-src and object-src forbid them). */
const FRAMES = new Set(['iframe', 'frame', 'embed', 'object']);
/** Elements whose href is followed only when clicked: a link out is kept (it loads nothing). */
const LINKS = new Set(['a', 'area']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** SVG elements whose href draws a file (an image); on any other element an href must name a place in the document. */
const SVG_IMAGES = new Set(['image', 'feimage']);

interface Edit {
  start: number;
  /** Inclusive, as htmlparser2's endIndex. */
  end: number;
  text: string;
}

/** The deck's rendered HTML with everything it loads inlined, under the single file's policy. */
export function singleFileHtml(html: string, files: DeckFiles): string {
  const inliner = new Inliner(files);
  const characters = deckCodePoints(html, files);
  const sheets: SheetContext = { inliner, hasCodePoint: (codePoint) => characters.has(codePoint) };
  const edits: Edit[] = [];
  const scriptHashes: string[] = [];
  let policy: Edit | undefined;
  let script: { start: number; text: string } | undefined;
  let styleStart: number | undefined;
  const images: InlinedImage[] = [];

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const end = parser.endIndex;
        if (name === 'script' && attribs.src !== undefined) {
          const inlined = inlineScript(attribs, inliner);
          scriptHashes.push(inlined.hash);
          script = { start, text: inlined.html };
          return;
        }
        if (name === 'meta' && attribs['http-equiv']?.toLowerCase() === 'content-security-policy') {
          policy = { start, end, text: '' };
          edits.push(policy);
          return;
        }
        if (name === 'link' && attribs.href !== undefined) {
          edits.push({ start, end, text: inlineLink(attribs, inliner, sheets) });
          return;
        }
        if (name === 'style') styleStart = end + 1;
        const changed = inlineAttributes(name, attribs, inliner, sheets);
        if (!changed) return;
        const edit = { start, end, text: openTag(name, changed, html.slice(start, end + 1).endsWith('/>')) };
        edits.push(edit);
        if (name === 'img' && changed.src !== attribs.src) images.push({ edit, attribs: changed });
      },
      onclosetag(name) {
        const closed = html.startsWith('</', parser.startIndex);
        if (name === 'script' && script) {
          if (!closed) throw unclosed('script');
          edits.push({ start: script.start, end: parser.endIndex, text: script.text });
          script = undefined;
        } else if (name === 'style' && styleStart !== undefined) {
          if (!closed) throw unclosed('style');
          const css = html.slice(styleStart, parser.startIndex);
          edits.push({ start: styleStart, end: parser.startIndex - 1, text: inlineStylesheet(css, DOCUMENT, sheets) });
          styleStart = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (shareRepeatedImages(images)) {
    const firstScript = edits.filter((edit) => edit.text.startsWith('<script')).sort((a, b) => a.start - b.start)[0];
    const at = firstScript?.start ?? html.length;
    edits.push({ start: at, end: at - 1, text: `<script>${SHARE_IMAGES}</script>` });
    scriptHashes.unshift(sha256Source(SHARE_IMAGES));
  }

  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(singleFilePolicy(scriptHashes))}">`;
  if (policy) policy.text = meta;
  else edits.push({ start: 0, end: -1, text: `${meta}\n` });
  return applyEdits(html, edits);
}

/** An <img> whose file was inlined, and the edit that writes it. */
interface InlinedImage {
  edit: Edit;
  attribs: Record<string, string>;
}

/**
 * Copies the data: URL of the first <img> of a file to the later ones (a logo on every slide),
 * which carry only its number: run before reveal.js starts, so the slides are laid out with their
 * images (on screen, in print and in the speaker view's previews). Without it, each copy of a 40 KB
 * logo would add 54 KB of base64 per slide.
 */
const SHARE_IMAGES =
  "document.querySelectorAll('img[data-briefdeck-image]:not([src])').forEach(function (img) { img.src = document.querySelector('img[src][data-briefdeck-image=\"' + img.getAttribute('data-briefdeck-image') + '\"]').src; });";

/** Rewrites the edits of <img>s that show the same file: the first keeps its data: URL, the others name it. Whether any did. */
function shareRepeatedImages(images: InlinedImage[]): boolean {
  const bySource = new Map<string, InlinedImage[]>();
  for (const image of images) bySource.set(image.attribs.src!, [...(bySource.get(image.attribs.src!) ?? []), image]);
  let number = 0;
  for (const group of bySource.values()) {
    if (group.length < 2) continue;
    const id = String(++number);
    for (const [i, { edit, attribs }] of group.entries()) {
      const { src, ...rest } = attribs;
      const shared = { ...(i === 0 ? { src: src! } : {}), ...rest, 'data-briefdeck-image': id };
      edit.text = openTag('img', shared, edit.text.endsWith('/>'));
    }
  }
  return number > 0;
}

/** `<script src>` as an inline script with the same text, and its CSP hash. */
function inlineScript(attribs: Record<string, string>, inliner: Inliner): { html: string; hash: string } {
  const src = attribs.src!;
  if (attribs.type?.toLowerCase() === 'module' || attribs.defer !== undefined)
    throw new OutputError(
      `the single file cannot inline <script src=${JSON.stringify(src)}> in the layout: an inline script cannot be ${attribs.defer !== undefined ? 'deferred' : 'a module'}`,
      'load it as a plain <script src> at the end of <body>, as the default layout does',
    );
  const { text } = inliner.text(src, DOCUMENT, '<script src>');
  const body = scriptBody(text, src);
  const kept = Object.fromEntries(
    Object.entries(attribs).filter(([name]) => !['src', 'async', 'integrity', 'crossorigin', 'charset'].includes(name)),
  );
  return { html: `${openTag('script', kept, false)}${body}</script>`, hash: sha256Source(body) };
}

/**
 * A script's text as the content of an inline <script>: `</script` would end the element and `<!--`
 * could keep a later `</script>` from ending it (https://html.spec.whatwg.org/#script-data-state), so
 * their `<` is written `\x3C`, which means `<` in every place either can stand in a script (a string,
 * a template literal, a regular expression; in a comment it changes nothing). Line ends are LF, as
 * the HTML parser reads them, so that the hash is of the text the browser sees.
 */
function scriptBody(text: string, src: string): string {
  if (text.includes('\0'))
    throw new OutputError(
      `the single file cannot inline ${src}: it has a NUL character, which an inline script cannot hold`,
      'remove it from the script (write \\0 in its strings)',
    );
  return text.replace(/\r\n?/g, '\n').replace(/(\\*)<(?=!--|\/script)/gi, (_match, slashes: string) =>
    // `\<` is an escaped `<`: `\x3C` replaces both.
    slashes.length % 2 === 1 ? `${slashes.slice(1)}\\x3C` : `${slashes}\\x3C`,
  );
}

/** A <link>: a stylesheet becomes a <style> with its (inlined) text, an icon a data: URL; any other link to a file cannot be carried. */
function inlineLink(attribs: Record<string, string>, inliner: Inliner, sheets: SheetContext): string {
  const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
  const href = attribs.href!;
  if (rel.includes('stylesheet')) {
    const sheet = inliner.text(href, DOCUMENT, '<link rel="stylesheet">');
    const media = attribs.media ? ` media="${escapeHtml(attribs.media)}"` : '';
    return `<style${media}>${styleBody(inlineStylesheet(sheet.text, sheet.path, sheets), sheet.path)}</style>`;
  }
  if (rel.includes('icon'))
    return openTag('link', { ...attribs, href: inliner.dataUrl(href, DOCUMENT, '<link rel="icon">') }, false);
  throw cannotCarry(href, DOCUMENT, `<link rel="${attribs.rel ?? ''}">`);
}

/** A stylesheet as the content of a <style> element, which ends at the first `</style`: CSS writes `<` as `\3C ` anywhere. */
function styleBody(css: string, file: string): string {
  if (!/<\/style/i.test(css)) return css;
  throw new OutputError(
    `the single file cannot inline ${file}: it has the text </style, which would end the <style> element`,
    'write it as \\3C /style in the stylesheet',
  );
}

/**
 * The attributes of a tag with each reference it loads inlined, or undefined when none changed.
 * Links out (`<a href="https://…">`) stay: they load nothing until clicked.
 */
function inlineAttributes(
  name: string,
  attribs: Record<string, string>,
  inliner: Inliner,
  sheets: SheetContext,
): Record<string, string> | undefined {
  const changed: Record<string, string> = { ...attribs };
  let any = false;
  const set = (attribute: string, value: string) => {
    if (value !== attribs[attribute]) {
      changed[attribute] = value;
      any = true;
    }
  };
  const where = (attribute: string) => `<${name} ${attribute}>`;
  for (const [attribute, value] of Object.entries(attribs)) {
    if (value.trim() === '' && attribute !== 'style') continue;
    if (attribute === 'style') set(attribute, inlineStylesheet(value, DOCUMENT, sheets));
    else if (attribute === 'srcset')
      set(
        attribute,
        inlineSrcset(value, (ref) => inliner.dataUrl(ref, DOCUMENT, where(attribute))),
      );
    else if (attribute === 'href' || attribute === 'xlink:href') {
      if (LINKS.has(name)) checkLinkOut(value, where(attribute));
      else if (SVG_IMAGES.has(name)) set(attribute, inliner.dataUrl(value, DOCUMENT, where(attribute)));
      else if (name !== 'base' && resolveReference(value, DOCUMENT).kind !== 'fragment')
        throw cannotCarry(value, DOCUMENT, where(attribute));
    } else if (['src', 'poster', 'data', 'background'].includes(attribute)) {
      if (FRAMES.has(name)) throw cannotCarry(value, DOCUMENT, `${where(attribute)}, a frame`);
      set(attribute, inliner.dataUrl(value, DOCUMENT, where(attribute)));
    }
  }
  return any ? changed : undefined;
}

/** A link's target: a place in the deck or a page elsewhere; a file beside the deck would be missing from the single file. */
function checkLinkOut(href: string, where: string): void {
  const target = resolveReference(href, DOCUMENT);
  if (target.kind === 'fragment' || target.kind === 'inline') return;
  if (target.kind === 'elsewhere' && LINK_PROTOCOLS.has(target.url.protocol)) return;
  throw cannotCarry(href, DOCUMENT, where, target);
}

/**
 * A srcset with each candidate's URL inlined, read as the HTML standard reads it
 * (https://html.spec.whatwg.org/#parse-a-srcset-attribute): a URL runs to the next space (a
 * trailing comma ends the candidate), then its descriptors to the next comma outside parentheses.
 */
export function inlineSrcset(value: string, inline: (url: string) => string): string {
  const candidates: string[] = [];
  let at = 0;
  while (at < value.length) {
    while (at < value.length && /[\s,]/.test(value[at]!)) at++;
    if (at >= value.length) break;
    let end = at;
    while (end < value.length && !/\s/.test(value[end]!)) end++;
    let url = value.slice(at, end);
    at = end;
    let descriptors = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      while (at < value.length && (depth > 0 || value[at] !== ',')) {
        if (value[at] === '(') depth++;
        else if (value[at] === ')') depth--;
        descriptors += value[at++];
      }
    }
    candidates.push(`${inline(url)}${descriptors.trimEnd() ? ` ${descriptors.trim()}` : ''}`);
  }
  return candidates.join(', ');
}

/**
 * The characters the deck can show: its text (references decoded), its stylesheets' strings and its
 * scripts, in either case as text-transform maps them in the languages its elements are in (`lang`:
 * Turkish `i` becomes `İ`, which only the latin-ext subset draws).
 */
function deckCodePoints(html: string, files: DeckFiles): Set<number> {
  const texts = [decodeEntities(html)];
  for (const [file, bytes] of files) {
    if (!/\.(css|js)$/i.test(file)) continue;
    const text = Buffer.from(bytes).toString('utf8');
    texts.push(text, file.toLowerCase().endsWith('.css') ? cssCodePoints(text) : '');
  }
  const languages = [
    ...new Set(
      tagsIn(html)
        .map((tag) => tag.attribs.lang)
        .filter((lang) => lang && validLocale(lang)),
    ),
  ];
  const codePoints = new Set<number>();
  for (const char of new Set(texts.join(''))) {
    const forms = [char, char.toUpperCase(), char.toLowerCase()];
    for (const lang of languages) forms.push(char.toLocaleUpperCase(lang), char.toLocaleLowerCase(lang));
    for (const form of forms) for (const codePoint of form) codePoints.add(codePoint.codePointAt(0)!);
  }
  return codePoints;
}

function validLocale(lang: string): boolean {
  try {
    return Intl.getCanonicalLocales(lang).length > 0;
  } catch {
    return false;
  }
}

function openTag(name: string, attribs: Record<string, string>, selfClosing: boolean): string {
  const attributes = Object.entries(attribs)
    .map(([attribute, value]) => ` ${attribute}="${escapeHtml(value)}"`)
    .join('');
  return `<${name}${attributes}${selfClosing ? ' />' : '>'}`;
}

function unclosed(name: string): OutputError {
  return new OutputError(
    `the single file cannot inline the deck: a <${name}> in the layout is not closed`,
    `close it with </${name}> in the template's layout.hbs`,
  );
}

function applyEdits(html: string, edits: Edit[]): string {
  // An insertion (end < start) goes before an edit that starts where it does.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let copied = 0;
  for (const edit of sorted) {
    out.push(html.slice(copied, edit.start), edit.text);
    copied = edit.end + 1;
  }
  out.push(html.slice(copied));
  return out.join('');
}
