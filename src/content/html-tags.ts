import sanitizeHtml from 'sanitize-html';

export interface ParsedTag {
  /** Lower case. */
  name: string;
  /** Attribute values with their entities decoded, as a browser reads them. */
  attribs: Record<string, string>;
}

/** The tags in an HTML (or SVG) fragment as the sanitizer's own parser reads them, so nothing it would see is missed. */
export function tagsIn(html: string): ParsedTag[] {
  const tags: ParsedTag[] = [];
  sanitizeHtml(html, {
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
