import { decodeEntities, tagsIn } from '../html-text.js';

/** Elements that run script, embed documents or act on a click when an SVG is opened by itself. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'embed',
  'object',
  'a',
  'handler',
  'listener',
  'use',
]);

/**
 * Why an SVG is not a plain drawing, or undefined when it is. In the deck an
 * SVG is only ever an <img>, where browsers run nothing; but anyone can open
 * the copied file by its own URL (a link, a published output folder), and
 * then it is a document that runs its scripts on the deck's origin. So content
 * SVGs may hold drawing and nothing else: no script, event handler, link,
 * embedded document, external reference or DTD entity (an allow-list of what
 * may be referenced: only `#fragments` inside the file).
 *
 * The file is read as both the HTML and the XML parser read it (a browser
 * opens it as XML, where `<title>` and `<style>` are no raw-text elements and
 * `<svg:script>` is a script); stylesheet references are looked for in the
 * whole text (see cssReference).
 */
export function svgActiveContent(svg: string): string | undefined {
  if (/<!ENTITY/i.test(svg)) return 'a DTD entity';
  if (/<\?xml-stylesheet/i.test(svg)) return 'a stylesheet processing instruction (<?xml-stylesheet?>)';
  const css = cssReference(svg);
  if (css) return `a stylesheet reference to another file: ${css}`;
  for (const { name: qualified, attribs } of [...tagsIn(svg), ...tagsIn(svg, { xml: true })]) {
    const name = qualified.slice(qualified.lastIndexOf(':') + 1); // svg:script is a script
    if (ACTIVE_ELEMENTS.has(name) && !(name === 'use' && isFragment(attribs.href ?? attribs['xlink:href'] ?? '#')))
      return `a <${name}> element`;
    if (
      /^(set|animate|animatemotion|animatetransform)$/.test(name) &&
      /href|^\s*on/i.test(attribs.attributename ?? attribs.attributeName ?? '')
    )
      return `an <${name}> that changes a link or a handler`;
    for (const [attribute, value] of Object.entries(attribs)) {
      if (/(^|:)on/i.test(attribute)) return `an event handler (${attribute})`;
      if (/(^|:)href$/i.test(attribute) && !isFragment(value))
        return `a reference to ${JSON.stringify(value.slice(0, 40))}`;
    }
  }
  return undefined;
}

/**
 * The first CSS construct in the text that can load a file, or undefined.
 * CSS can load files from a `<style>` element, a `style` attribute and the
 * presentation attributes (`fill="url(…)"`), so the whole text is searched
 * rather than what a parser says is CSS: a parser that reads the file
 * differently from the browser cannot hide anything. The text is searched as
 * written and as CSS reads it: character references decoded (`&#117;rl(`;
 * by HTML's rules, which read every reference XML has and more, also
 * without the `;`, to be safe), CSS escapes decoded (`\75 rl(`), and with and without
 * comments (`u/∗∗/rl(` is not a url( to CSS, but refusing it costs nothing).
 * What counts: `url(` and `src(` whose target is not a `#fragment` in the file,
 * and any `image-set(` (also `-webkit-`), `image(`, `cross-fade(` or `@import`,
 * whose strings are URLs. A plain drawing needs none of them. (CSS has no
 * space between a function's name and its `(`; text such as "see image(s)" in
 * a label is refused too: the price of not trusting a parser.)
 */
function cssReference(text: string): string | undefined {
  for (const base of [decodeEntities(text), text]) {
    for (const css of [
      decodeCssEscapes(base),
      decodeCssEscapes(withoutCssComments(base)),
      withoutCssComments(decodeCssEscapes(base)),
    ]) {
      const found = loadingCss(css.toLowerCase());
      if (found) return found;
    }
  }
  return undefined;
}

function loadingCss(css: string): string | undefined {
  const found =
    /@import|image-set\(|(?<![a-z0-9_])(?:image|cross-fade)\(/.exec(css) ??
    [...css.matchAll(/(?<![a-z0-9_])(?:url|src)\(\s*['"]?\s*(.?)/g)].find((match) => match[1] !== '#');
  if (!found) return undefined;
  const text = css.slice(found.index, found.index + 48).replace(/\s+/g, ' ');
  const end = text.search(/[);}]/);
  return end >= 0 ? text.slice(0, end + 1) : `${text}…`;
}

/** CSS escapes (https://www.w3.org/TR/css-syntax-3/#consume-escaped-code-point): `\75 ` or `\000075` is `u`, `\(` is `(`, `\` + newline is nothing. */
function decodeCssEscapes(text: string): string {
  return text.replace(
    /\\(?:([0-9a-f]{1,6})(?:\r\n|[ \t\r\n\f])?|([\s\S]))/gi,
    (_, hex: string | undefined, other: string | undefined) =>
      hex ? codePoint(parseInt(hex, 16)) : other === '\n' ? '' : (other ?? ''),
  );
}

function withoutCssComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '');
}

function codePoint(value: number): string {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '\uFFFD';
}

function isFragment(href: string): boolean {
  return /^\s*#/.test(href);
}
