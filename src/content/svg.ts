import { tagsIn } from './html-tags.js';

/** Elements that run script, embed documents or act on a click when an SVG is opened by itself. */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'a', 'handler', 'listener', 'use']);

/**
 * Why an SVG is not a plain drawing, or undefined when it is. In the deck an
 * SVG is only ever an <img>, where browsers run nothing; but anyone can open
 * the copied file by its own URL (a link, a published output folder), and
 * then it is a document that runs its scripts on the deck's origin. So content
 * SVGs may hold drawing and nothing else: no script, event handler, link,
 * embedded document, external reference or DTD entity (an allow-list of what
 * may be referenced: only `#fragments` inside the file).
 */
export function svgActiveContent(svg: string): string | undefined {
  if (/<!ENTITY/i.test(svg)) return 'a DTD entity';
  const urls = [...svg.matchAll(/url\(\s*['"]?\s*([^'"\s])/gi)].map((match) => match[1]);
  if (/@import/i.test(svg) || urls.some((first) => first !== '#')) return 'a stylesheet reference to another file';
  for (const { name, attribs } of tagsIn(svg)) {
    if (ACTIVE_ELEMENTS.has(name) && !(name === 'use' && isFragment(attribs['href'] ?? attribs['xlink:href'] ?? '#'))) return `a <${name}> element`;
    if (/^(set|animate|animatemotion|animatetransform)$/.test(name) && /href/i.test(attribs['attributename'] ?? '')) return `an <${name}> that changes a link`;
    for (const [attribute, value] of Object.entries(attribs)) {
      if (/^on/i.test(attribute)) return `an event handler (${attribute})`;
      if (/(^|:)href$/i.test(attribute) && !isFragment(value)) return `a reference to ${JSON.stringify(value.slice(0, 40))}`;
    }
  }
  return undefined;
}

function isFragment(href: string): boolean {
  return /^\s*#/.test(href);
}
