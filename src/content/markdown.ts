import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { LINK_SCHEMES, type ContentFiles } from './media.js';
import { resolveReferences } from './references.js';
import { type FigureParagraph, figureHtml } from './figures.js';
import { markNumericColumns, type NumericCell } from './tables.js';

/**
 * marked, with figures (content/figures.ts) and numeric table columns
 * (content/tables.ts). Returning false hands a token back to marked's own renderer.
 */
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    paragraph(token) {
      const figure = token as FigureParagraph;
      return figure.figure ? figureHtml(figure, this.parser.parseInline(figure.tokens.slice(0, 1))) : false;
    },
    table(token) {
      markNumericColumns(token);
      return false;
    },
    tablecell(token) {
      if (!(token as NumericCell).numeric) return false;
      const tag = token.header ? 'th' : 'td';
      const align = token.align ? ` align="${token.align}"` : '';
      return `<${tag} class="num"${align}>${this.parser.parseInline(token.tokens)}</${tag}>\n`;
    },
  },
});

/**
 * Content is not trusted (articles come from the web and from many hands), so
 * every piece of HTML rendered from markdown passes through an allow-list:
 * no scripts, no event handlers, no iframes/forms/styles, links only to
 * http(s) and mailto. Images only with a src that the content file's own
 * checks produced (see ContentMarkdown): never a remote or data: URL.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'code',
    'kbd',
    'abbr',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'q',
    'cite',
    'pre',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
    'dl',
    'dt',
    'dd',
    'img',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    abbr: ['title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    img: ['src', 'alt', 'title'],
    figure: ['style'],
  },
  // Only the classes and the one style that briefdeck's own renderer writes (figures, numeric cells).
  allowedClasses: {
    figure: ['figure', 'figure--inline', 'figure--beside', 'figure--alone'],
    span: ['figure__caption', 'figure__credit'],
    th: ['num'],
    td: ['num'],
  },
  allowedStyles: { figure: { width: [/^\d{1,3}%$/] } },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: [] }, // an image src is a relative path into the deck, never a URL with a scheme
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

const NO_IMAGES: ReadonlySet<string> = new Set();

/** Sanitizes HTML; an <img> survives only when its src is one of `images`. */
export function sanitize(html: string, images = NO_IMAGES): string {
  return sanitizeHtml(html, {
    ...SANITIZE,
    exclusiveFilter: (frame) => frame.tag === 'img' && !images.has(frame.attribs.src ?? ''),
  }).trim();
}

export function lex(markdown: string): Token[] {
  return marked.lexer(markdown);
}

/** Block tokens → sanitized HTML (without images, unless their URLs are given). */
export function renderBlocks(tokens: Token[], images = NO_IMAGES): string {
  return sanitize(marked.parser(tokens), images);
}

/** Like renderBlocks, but a lone paragraph loses its <p> so it can sit inside a list item or heading. */
export function renderInlineBlocks(tokens: Token[], images = NO_IMAGES): string {
  const html = renderBlocks(tokens, images);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/** Inline markdown (a heading's text, a front-matter value) → sanitized HTML, without images. */
export function renderInline(markdown: string): string {
  return sanitize(marked.parseInline(markdown) as string);
}

/**
 * The markdown of one content file. Lexing checks its images and links
 * against the file's folder (content/media.ts) and points images at their
 * copies in the deck; rendering lets through only those images. `firstLine`
 * is the line of the file the markdown starts on, for errors.
 */
export class ContentMarkdown {
  constructor(readonly files: ContentFiles) {}

  lex(markdown: string, firstLine: number): Token[] {
    const tokens = lex(markdown);
    resolveReferences(tokens, firstLine, this.files);
    return tokens;
  }

  renderBlocks(tokens: Token[]): string {
    return renderBlocks(tokens, this.files.imageUrls);
  }

  renderInlineBlocks(tokens: Token[]): string {
    return renderInlineBlocks(tokens, this.files.imageUrls);
  }

  /** Inline tokens this file's lex() gave (and so checked), as sanitized HTML. */
  renderInlineTokens(tokens: Token[]): string {
    return sanitize(marked.Parser.parseInline(tokens, marked.defaults), this.files.imageUrls);
  }

  /** Inline markdown (a heading, a note paragraph) on `line`. */
  renderInline(markdown: string, line: number): string {
    const tokens = marked.Lexer.lexInline(markdown, marked.defaults);
    resolveReferences(tokens, line, this.files);
    return sanitize(marked.Parser.parseInline(tokens, marked.defaults), this.files.imageUrls);
  }
}
