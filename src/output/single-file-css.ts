/**
 * A stylesheet of a single-file deck (single-file.ts), made self-contained: every url() and
 * image-set() string becomes a data: URL, a local @import is replaced by the sheet it imports, and
 * an @font-face whose unicode-range holds no character of the deck is left out (the browser would
 * never load it: that is how a deck's folder ships every subset of a font at no cost, and the one
 * file would otherwise carry them all). Read with a CSS Syntax Level 3 tokenizer
 * (@csstools/css-tokenizer), so strings, escapes, comments and `url(` are read as a browser reads
 * them; everything not changed is copied byte for byte.
 */
import {
  type CSSToken,
  isTokenAtKeyword,
  isTokenCloseCurly,
  isTokenCloseParen,
  isTokenCloseSquare,
  isTokenFunction,
  isTokenIdent,
  isTokenOpenCurly,
  isTokenOpenParen,
  isTokenOpenSquare,
  isTokenSemicolon,
  isTokenString,
  isTokenUnicodeRange,
  isTokenURL,
  isTokenWhiteSpaceOrComment,
  tokenize,
} from '@csstools/css-tokenizer';
import { OutputError } from '../errors.js';
import { cannotCarry, type Inliner } from './single-file-refs.js';

export interface SheetContext {
  inliner: Inliner;
  /** Whether the deck has this character (an @font-face for none of them is dropped). */
  hasCodePoint: (codePoint: number) => boolean;
  /** The sheets being inlined, outermost first (an @import cycle is an error). */
  importing?: string[];
}

/** A stylesheet (or a style attribute's declarations) found at `base` (`assets/theme.css`, `index.html`), inlined. */
export function inlineStylesheet(css: string, base: string, context: SheetContext): string {
  const tokens = tokenize({ css, unicodeRangesAllowed: true });
  const out: string[] = [];
  let copied = 0; // source offset up to which `css` has been handled
  const replace = (from: number, to: number, text: string) => {
    out.push(css.slice(copied, from), text);
    copied = to + 1;
  };
  const functions: string[] = []; // the open (…), […] and {…} blocks, innermost last: a function's name, or the bracket
  let importsAllowed = true; // @import counts only before every other rule
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const atTop = functions.length === 0;
    if (isTokenURL(token)) {
      replace(token[2], token[3], `url(${context.inliner.dataUrl(token[4].value, base, 'a CSS url()')})`);
    } else if (isTokenFunction(token)) {
      const name = token[4].value.toLowerCase();
      if (name === 'url' || name === 'src') {
        const end = closingParen(tokens, i);
        const args = tokens.slice(i + 1, end).filter((t) => !isTokenWhiteSpaceOrComment(t));
        const ref = args[0];
        if (args.length !== 1 || !isTokenString(ref))
          throw new OutputError(
            `the single file cannot inline ${css.slice(token[2], (tokens[end]?.[3] ?? css.length - 1) + 1)} in ${base}`,
            'write it as url("file") with a path relative to the stylesheet',
          );
        replace(token[2], tokens[end]![3], `url("${context.inliner.dataUrl(ref[4].value, base, 'a CSS url()')}")`);
        i = end;
        continue;
      }
      functions.push(name);
    } else if (isTokenString(token) && /^(-webkit-)?image-set$/.test(functions.at(-1) ?? '')) {
      replace(token[2], token[3], `"${context.inliner.dataUrl(token[4].value, base, 'a CSS image-set()')}"`);
    } else if (isTokenOpenParen(token) || isTokenOpenSquare(token) || isTokenOpenCurly(token)) {
      functions.push(token[1]);
    } else if (isTokenCloseParen(token) || isTokenCloseSquare(token) || isTokenCloseCurly(token)) {
      functions.pop();
    } else if (isTokenAtKeyword(token)) {
      const name = token[4].value.toLowerCase();
      if (name === 'import' && atTop) {
        const end = statementEnd(tokens, i);
        replace(
          token[2],
          tokens[end]?.[3] ?? css.length - 1,
          importsAllowed ? importedSheet(tokens, i, end, css, base, context) : '',
        );
        i = end;
        continue;
      }
      if (name === 'font-face') {
        const end = blockEnd(tokens, i);
        if (!coversDeck(tokens.slice(i, end + 1), context)) {
          replace(token[2], tokens[end]?.[3] ?? css.length - 1, '');
          i = end;
          continue;
        }
      }
      if (atTop && name !== 'charset' && !(name === 'layer' && isTokenSemicolon(tokens[statementEnd(tokens, i)])))
        importsAllowed = false;
    } else if (atTop && !isTokenWhiteSpaceOrComment(token) && token[0] !== 'CDO-token' && token[0] !== 'CDC-token') {
      if (token[0] !== 'EOF-token') importsAllowed = false;
    }
  }
  out.push(css.slice(copied));
  return out.join('');
}

/** The characters of a stylesheet's strings and names as a browser reads them (`content: "\2192"` is →), for choosing fonts. */
export function cssCodePoints(css: string): string {
  return tokenize({ css })
    .map((token) => (isTokenString(token) || isTokenIdent(token) ? token[4].value : ''))
    .join('');
}

/** `@import "x.css";` at `at`: the sheet it names, inlined; one with media, supports() or layer() conditions cannot be. */
function importedSheet(tokens: CSSToken[], at: number, end: number, css: string, base: string, context: SheetContext) {
  const args = tokens
    .slice(at + 1, isTokenSemicolon(tokens[end]) ? end : end + 1)
    .filter((t) => !isTokenWhiteSpaceOrComment(t));
  const first = args[0];
  let ref: string | undefined;
  if (isTokenString(first) || isTokenURL(first)) ref = first[4].value;
  else if (isTokenFunction(first) && first[4].value.toLowerCase() === 'url' && isTokenString(args[1]))
    ref = args[1][4].value;
  const consumed = isTokenFunction(first) ? args.findIndex(isTokenCloseParen) + 1 : 1;
  const statement = css.slice(tokens[at]![2], (tokens[end]?.[3] ?? css.length - 1) + 1);
  if (ref === undefined || args.length > consumed)
    throw new OutputError(
      `the single file cannot inline ${statement} in ${base}`,
      'import the sheet without conditions (@import "file.css";), or put its rules in theme.css',
    );
  const sheet = context.inliner.text(ref, base, 'a CSS @import');
  const importing = context.importing ?? [base];
  if (importing.includes(sheet.path))
    throw cannotCarry(ref, base, `an @import cycle (${[...importing, sheet.path].join(' → ')})`);
  return inlineStylesheet(sheet.text, sheet.path, { ...context, importing: [...importing, sheet.path] });
}

/**
 * Whether an @font-face rule (its tokens) may draw a character of the deck: it has no unicode-range,
 * or one that holds one of them. Otherwise the browser never downloads it.
 */
function coversDeck(rule: CSSToken[], context: SheetContext): boolean {
  const at = rule.findIndex((token) => isTokenIdent(token) && token[4].value.toLowerCase() === 'unicode-range');
  if (at < 0) return true;
  for (const token of rule.slice(at + 1)) {
    if (isTokenSemicolon(token) || isTokenCloseCurly(token)) break;
    if (!isTokenUnicodeRange(token)) continue;
    for (let codePoint = token[4].startOfRange; codePoint <= token[4].endOfRange; codePoint++)
      if (context.hasCodePoint(codePoint)) return true;
  }
  return false;
}

/** The index of the `)` that closes the function or `(` at `at` (the last token if none does). */
function closingParen(tokens: CSSToken[], at: number): number {
  let depth = 0;
  for (let i = at; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isTokenFunction(token) || isTokenOpenParen(token)) depth++;
    else if (isTokenCloseParen(token) && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** The `;` ending the at-rule at `at`, or the `{` of its block, whichever comes first (the last token if neither). */
function statementEnd(tokens: CSSToken[], at: number): number {
  for (let i = at + 1; i < tokens.length; i++) if (isTokenSemicolon(tokens[i]) || isTokenOpenCurly(tokens[i])) return i;
  return tokens.length - 1;
}

/** The `}` closing the block of the at-rule at `at` (the last token if none does). */
function blockEnd(tokens: CSSToken[], at: number): number {
  let depth = 0;
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isTokenOpenCurly(token)) depth++;
    else if (isTokenCloseCurly(token) && --depth <= 0) return i;
    else if (depth === 0 && isTokenSemicolon(token)) return i;
  }
  return tokens.length - 1;
}
