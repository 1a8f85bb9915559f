import sanitizeHtml from 'sanitize-html';

export interface ParsedTag {
  /** Lower case. */
  name: string;
  /** Attribute values with their entities decoded, as a browser reads them. */
  attribs: Record<string, string>;
}

/**
 * The tags in an HTML (or SVG) fragment as the sanitizer's own parser reads
 * them, so nothing it would see is missed; with `xml`, as an XML parser reads
 * them (how a browser opens an .svg file: no raw-text elements, CDATA sections).
 */
export function tagsIn(html: string, options: { xml?: boolean } = {}): ParsedTag[] {
  const tags: ParsedTag[] = [];
  sanitizeHtml(html, {
    parser: { xmlMode: options.xml ?? false, decodeEntities: true },
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true, // only parsed here, never output: silences the warning about allowing every tag
    transformTags: {
      '*': (tagName, attribs) => {
        tags.push({ name: tagName.toLowerCase(), attribs: { ...attribs } });
        return { tagName, attribs };
      },
    },
  });
  return tags;
}
