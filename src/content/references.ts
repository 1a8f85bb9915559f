import type { Marked, Token, Tokens } from 'marked';
import { ContentError } from '../errors.js';
import { tagsIn } from './html-tags.js';
import type { ContentFiles } from './media.js';
import { countNewlines } from './source-text.js';

/**
 * Checks every image and link in lexed markdown against the content file's
 * folder and points each image at its copy in the deck (tokens are changed in
 * place). Raw HTML <img> is refused, so that no image reaches the deck without
 * these checks. Throws a ContentError at the line of the first bad reference.
 *
 * marked's tokens carry no line numbers: a reference's line is found by
 * locating its raw text in `source` (the markdown that was lexed, whose first
 * line is `firstLine`), searching forward from the previous reference.
 */
export function resolveReferences(
  walk: Marked['walkTokens'],
  tokens: Token[],
  source: string,
  firstLine: number,
  files: ContentFiles,
): void {
  let cursor = 0;
  const lineOf = (raw: string): number => {
    const at = locate(source, raw, cursor);
    if (at >= 0) cursor = at + 1; // +1, not +raw.length: an image inside a link comes after the link's start
    return firstLine + countNewlines(source.slice(0, at >= 0 ? at : cursor));
  };
  walk(tokens, (token) => {
    if (token.type === 'image') {
      const image = token as Tokens.Image;
      image.href = files.image(image.href, lineOf(image.raw));
    } else if (token.type === 'link') {
      const link = token as Tokens.Link;
      files.link(link.href, lineOf(link.raw));
    } else if (token.type === 'html') {
      checkRawHtml((token as Tokens.HTML).text, lineOf(token.raw), files);
    }
  });
}

/**
 * Raw HTML: <img> is refused (one way to show an image, with one set of
 * checks); <a href> is checked like a markdown link. `line` is where the HTML
 * starts; a tag found further down a block is reported at its own line.
 */
function checkRawHtml(html: string, line: number, files: ContentFiles): void {
  const lineOfTag = (pattern: RegExp) => line + countNewlines(html.slice(0, Math.max(0, html.search(pattern))));
  for (const { name, attribs } of tagsIn(html)) {
    if (name === 'img') {
      throw new ContentError(
        'raw HTML <img> is not supported',
        'write the image in markdown, ![description](images/file.png), with the file saved next to the briefing',
        {
          file: files.file,
          line: lineOfTag(/<img/i),
        },
      );
    }
    if (name === 'a' && attribs.href !== undefined) files.link(attribs.href, lineOfTag(/<a[\s>/]/i));
  }
}

/** Where `raw` starts in `source` at or after `from`; its first line alone when the whole is not there (list items and quotes lose their indent and `>`). */
function locate(source: string, raw: string, from: number): number {
  const whole = source.indexOf(raw, from);
  if (whole >= 0) return whole;
  const firstLine = raw.split('\n')[0]!.trim();
  return firstLine ? source.indexOf(firstLine, from) : -1;
}
