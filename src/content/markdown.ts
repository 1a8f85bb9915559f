import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, async: false });

/**
 * Content is not trusted (articles come from the web and from many hands), so
 * every piece of HTML rendered from markdown passes through an allow-list:
 * no scripts, no event handlers, no iframes/forms/styles, links only to
 * http(s) and mailto.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd', 'abbr',
    'a', 'ul', 'ol', 'li', 'blockquote', 'q', 'cite', 'pre', 'h3', 'h4', 'h5', 'h6', 'hr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'dl', 'dt', 'dd',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    abbr: ['title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}

export function lex(markdown: string): Token[] {
  return marked.lexer(markdown);
}

/** Block tokens → sanitized HTML. */
export function renderBlocks(tokens: Token[]): string {
  return sanitize(marked.parser(tokens));
}

/** Like renderBlocks, but a lone paragraph loses its <p> so it can sit inside a list item or heading. */
export function renderInlineBlocks(tokens: Token[]): string {
  const html = renderBlocks(tokens);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/** Inline markdown (a heading's text) → sanitized HTML. */
export function renderInline(markdown: string): string {
  return sanitize(marked.parseInline(markdown) as string);
}
