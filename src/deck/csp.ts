/**
 * The Content-Security-Policy every deck and the index page carry, as a
 * <meta http-equiv> tag that briefdeck itself puts first in <head> (so user
 * templates get it too). A deck may load its own files and nothing else:
 * content is sanitised already, and this is the second wall if something
 * slips through, or a template pulls in a remote file by mistake.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InstallError } from '../errors.js';

const require = createRequire(import.meta.url);

/**
 * The deck's policy. Why each part:
 * - script-src: the deck's own files, plus the one inline script of reveal's
 *   speaker view (see speakerViewScriptHash). No 'unsafe-inline', no eval.
 *   `briefdeck serve` adds /__briefdeck/live.js, which is same-origin.
 * - style-src 'unsafe-inline': layouts use style attributes (`--accent`) and
 *   the speaker view has a <style> block. CSS cannot fetch anything remote,
 *   because every fetch directive below is 'self' or 'none'.
 * - img-src data:: images embedded in theme CSS and by reveal itself.
 * - connect-src 'self': the live-reload EventSource of `briefdeck serve`.
 * - frame-src 'self': the speaker view shows the deck itself in two iframes.
 * - base-uri, form-action, object-src: nothing may re-point relative URLs,
 *   submit a form or embed a plugin. (frame-ancestors and sandbox do not work
 *   from a <meta> tag, so they are not set.)
 */
export function deckPolicy(speakerViewHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' '${speakerViewHash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The index page's policy: its only style is its own <style> block (allowed
 * by hash, so not even a style attribute is), the only files it loads are the
 * decks' thumbnails (images of the same origin: the folders beside it), and its
 * only script is the live-reload one `briefdeck serve` adds (same origin, with
 * its EventSource). The page as built has no script at all.
 */
export function indexPagePolicy(styleBlock: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src '${sha256Source(styleBlock)}'`,
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The policy of the single-file deck (output/single-file.ts), where every file is inlined:
 * - script-src: the hash of each script it inlines and of the speaker view's; no 'self', no
 *   'unsafe-inline' (a template's own inline scripts stay blocked, as in the deck's folder).
 * - style-src 'unsafe-inline', as in the deck: the layouts' style attributes (`--accent`), the
 *   `<style>` that reveal's print view (?print-pdf) writes at run time for the slide size, and the
 *   speaker view's <style> block. CSS cannot fetch anything: every fetch directive is data: or 'none'.
 * - font-src, img-src, media-src data:: the inlined fonts and images, nothing from a file or server.
 * - frame-src 'self': the speaker view shows the file itself in two iframes (Chromium counts another
 *   file: URL as 'self'; the folder deck relies on the same).
 * - no connect-src: default-src 'none' forbids every fetch, XHR and EventSource.
 */
export function singleFilePolicy(scriptHashes: string[]): string {
  const scripts = [...new Set([...scriptHashes, installedSpeakerViewHash()])].map((hash) => `'${hash}'`);
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    'media-src data:',
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

let cachedSpeakerViewHash: string | undefined;

/** The speaker view's script hash for the reveal.js installed here (its notes plugin is read once per process). */
function installedSpeakerViewHash(): string {
  cachedSpeakerViewHash ??= speakerViewScriptHash(readFileSync(notesPluginFile(), 'utf8'));
  return cachedSpeakerViewHash;
}

/** The deck policy for the reveal.js installed here. */
export function installedDeckPolicy(): string {
  return deckPolicy(installedSpeakerViewHash());
}

/**
 * reveal's notes plugin, the same file output/assets.ts copies into every deck
 * (resolved the same way: reveal.js 6 blocks deep imports, so from its entry;
 * https://nodejs.org/api/packages.html#subpath-exports).
 * test/e2e/csp.test.ts checks the hash against the copy in a built deck.
 */
function notesPluginFile(): string {
  return path.join(path.dirname(require.resolve('reveal.js')), 'plugin', 'notes.js');
}

/**
 * The speaker view (key S) is an about:blank popup into which notes.js
 * document.write()s a page with one inline <script>. The popup inherits the
 * deck's policy, so that script runs only if the policy names its hash.
 * Throws an InstallError when the plugin does not look as expected (a new
 * reveal.js): better to stop the build than to ship a speaker view that
 * silently does not start.
 */
export function speakerViewScriptHash(notesSource: string): string {
  const scripts = speakerViewInlineScripts(notesSource);
  if (scripts.length !== 1) throw unexpectedNotesPlugin(`its speaker view has ${scripts.length} inline scripts, not 1`);
  return sha256Source(scripts[0]!);
}

/** The bodies of the inline (no src) scripts in the speaker view page that notes.js writes. */
export function speakerViewInlineScripts(notesSource: string): string[] {
  const html = speakerViewHtml(notesSource);
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]!)) continue;
    // The HTML parser turns CR LF and lone CR into LF before the browser hashes a script's text.
    scripts.push(match[2]!.replace(/\r\n?/g, '\n'));
  }
  return scripts;
}

/** The template literal notes.js passes to `<window>.document.write(`, as the string it evaluates to. */
export function speakerViewHtml(notesSource: string): string {
  const opener = '.document.write(`';
  const first = notesSource.indexOf(opener);
  if (first < 0) throw unexpectedNotesPlugin('no document.write(`…`) of the speaker view found');
  if (notesSource.indexOf(opener, first + 1) >= 0)
    throw unexpectedNotesPlugin('more than one document.write(`…`) found');
  const start = first + opener.length;
  for (let i = start; i < notesSource.length; i++) {
    const char = notesSource[i];
    if (char === '\\') i++;
    else if (char === '$' && notesSource[i + 1] === '{')
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the message names the template-literal syntax it found.
      throw unexpectedNotesPlugin('the speaker view page has a ${…} interpolation');
    else if (char === '`') return cookTemplateLiteral(notesSource.slice(start, i));
  }
  throw unexpectedNotesPlugin('the speaker view page does not end');
}

/**
 * The value of a template literal without interpolations, computed by hand
 * rather than by eval (this is code from node_modules). Knows the escapes a
 * minifier writes; any other escape is an error, so a hash is never computed
 * from a misread string.
 */
function cookTemplateLiteral(raw: string): string {
  // Line terminators in a template literal's source are normalised to LF.
  const source = raw.replace(/\r\n?/g, '\n');
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    b: '\b',
    f: '\f',
    v: '\v',
    '0': '\0',
    '\\': '\\',
    '`': '`',
    $: '$',
    "'": "'",
    '"': '"',
    '/': '/',
    '\n': '',
  };
  return source.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[\s\S])/g,
    (sequence, body: string, at: number) => {
      if (body.startsWith('x') && body.length === 3) return String.fromCharCode(parseInt(body.slice(1), 16));
      if (body.startsWith('u{')) return String.fromCodePoint(parseInt(body.slice(2, -1), 16));
      if (body.startsWith('u') && body.length === 5) return String.fromCharCode(parseInt(body.slice(1), 16));
      // \0 followed by a digit is a (forbidden) octal escape in a template literal.
      if (body === '0' && /[0-9]/.test(source[at + 2] ?? ''))
        throw unexpectedNotesPlugin('an octal escape in the speaker view page');
      const cooked = simple[body];
      if (cooked === undefined)
        throw unexpectedNotesPlugin(`an unexpected escape ${JSON.stringify(sequence)} in the speaker view page`);
      return cooked;
    },
  );
}

function unexpectedNotesPlugin(what: string): InstallError {
  return new InstallError(
    `cannot allow reveal.js's speaker view in the deck's Content-Security-Policy: in reveal.js/dist/plugin/notes.js, ${what}`,
    'reinstall the reveal.js version in package-lock.json (npm ci); a newer reveal.js needs src/deck/csp.ts updated',
  );
}

/** A CSP hash source for a script or style element's text. */
export function sha256Source(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Puts the policy's <meta> first in <head>; a layout without a <head> gets it
 * right after <html …>, or else after the doctype (before it would switch the
 * page to quirks mode), or else at the very start; a `<head>` inside a comment
 * is not the head. A policy in <meta> covers only what comes after it, hence first.
 */
export function withContentSecurityPolicy(html: string, policy: string): string {
  return intoHead(html, `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`);
}

/** `markup` as the first thing in the page's head (after `<head>`, or `<html>`, or the doctype). */
export function intoHead(html: string, markup: string): string {
  // Tags inside comments do not count: blank the comments out, keeping every offset.
  const visible = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length));
  const anchor =
    /<head(?:\s[^>]*)?>/i.exec(visible) ?? /<html(?:\s[^>]*)?>/i.exec(visible) ?? /^\s*<!doctype[^>]*>/i.exec(visible);
  if (!anchor) return `${markup}\n${html}`;
  const at = anchor.index + anchor[0].length;
  return `${html.slice(0, at)}\n${markup}${html.slice(at)}`;
}
