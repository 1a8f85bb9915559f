/**
 * Plain text ↔ HTML: the one place that reads HTML's tags and character references outside
 * templates. Decoding is done by htmlparser2 and entities, the parser sanitize-html itself uses
 * (package.json asks for the same majors, so npm installs one copy): text is read back exactly as
 * the sanitizer read it, with every reference HTML has (`&#x27;`, `&nbsp;`, `&mdash;` …), not a
 * hand-kept list of a few.
 */
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/** The text of an HTML fragment: tags and comments dropped, character references decoded (`it&#x27;s` → `it's`). */
export function plainText(html: string): string {
  let text = '';
  new Parser({ ontext: (chunk) => (text += chunk) }, { decodeEntities: true }).end(html);
  return text;
}

/**
 * Character references decoded as an HTML parser decodes them in text, including the legacy forms
 * without `;` (`&#117` → `u`, `&amp` → `&`): for text that is markdown or HTML source, not markup.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/** An attribute value as an HTML parser reads it (`&#46;` → `.`; `&copy=` stays, as in a browser). */
export function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return tagsIn(`<a href="${value.replace(/"/g, '&quot;')}">`)[0]?.attribs.href ?? value;
}

export interface ParsedTag {
  /** Lower case. */
  name: string;
  /** Attribute values with their entities decoded, as a browser reads them. */
  attribs: Record<string, string>;
  /** Where the tag's `<` is in the text. */
  offset: number;
}

/**
 * The tags in an HTML (or SVG) fragment as the sanitizer reads them (the same htmlparser2 call with
 * the same options as sanitize-html's), so nothing it would see is missed; with `xml`, as an XML
 * parser reads them (how a browser opens an .svg file: no raw-text elements, CDATA sections).
 */
export function tagsIn(html: string, options: { xml?: boolean } = {}): ParsedTag[] {
  const tags: ParsedTag[] = [];
  const parser: Parser = new Parser(
    {
      onopentag: (name, attribs) =>
        tags.push({ name: name.toLowerCase(), attribs: { ...attribs }, offset: parser.startIndex }),
    },
    { xmlMode: options.xml ?? false, decodeEntities: true },
  );
  parser.end(html);
  return tags;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
