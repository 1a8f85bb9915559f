import type { Token, Tokens } from 'marked';
import { ContentError } from '../errors.js';
import { tagsIn } from '../html-text.js';
import type { ContentFiles } from './media.js';
import { countNewlines } from './source-text.js';
import { walkWithLines } from './token-lines.js';

/**
 * Checks every image and link in lexed markdown against the content file's
 * folder and points each image at its copy in the deck (tokens are changed in
 * place). Raw HTML <img> is refused, so that no image reaches the deck without
 * these checks. Throws a ContentError at the line of the first bad reference.
 *
 * `firstLine` is the line of the file the lexed markdown starts on; each
 * reference's own line is carried down the token tree (token-lines.ts).
 */
export function resolveReferences(tokens: Token[], firstLine: number, files: ContentFiles): void {
  walkWithLines(tokens, firstLine, (token, line) => {
    if (token.type === 'image') {
      const image = token as Tokens.Image;
      image.href = files.image(image.href, line);
    } else if (token.type === 'link') {
      files.link((token as Tokens.Link).href, line);
    } else if (token.type === 'html') {
      checkRawHtml((token as Tokens.HTML).text, line, files);
    }
  });
}

/**
 * Raw HTML: <img> is refused (one way to show an image, with one set of
 * checks); <a href> is checked like a markdown link. `line` is where the HTML
 * starts; a tag further down a block is reported at its own line.
 */
function checkRawHtml(html: string, line: number, files: ContentFiles): void {
  for (const { name, attribs, offset } of tagsIn(html)) {
    const at = line + countNewlines(html.slice(0, offset));
    if (name === 'img') {
      throw new ContentError(
        'raw HTML <img> is not supported',
        'write the image in markdown, ![description](images/file.png), with the file saved next to the briefing',
        { file: files.file, line: at },
      );
    }
    if (name === 'a' && attribs.href !== undefined) files.link(attribs.href, at);
  }
}
