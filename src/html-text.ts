/**
 * Plain text ↔ HTML: the one place that strips tags and decodes character references outside
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
  let decoded = value;
  new Parser({ onattribute: (_name, read) => (decoded = read) }, { decodeEntities: true }).end(
    `<a href="${value.replace(/"/g, '&quot;')}">`,
  );
  return decoded;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
