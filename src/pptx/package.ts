import JSZip from 'jszip';
import { escapeHtml } from '../html-text.js';
import { zip } from './zip.js';

export interface PptxMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  lang: string;
  date: Date;
}

/**
 * Rewrites the zip pptxgenjs wrote (pptxgenjs 4.0.1), part by part:
 * - fixes its XML where PowerPoint would offer to repair the file (see each fix);
 * - writes docProps/core.xml with the briefing's metadata and the build date
 *   (pptxgenjs stamps `new Date()` and has no keywords);
 * - zips the parts again (zip.ts), in a fixed order, every entry stamped
 *   with the build date, so that with SOURCE_DATE_EPOCH two builds give
 *   byte-identical files.
 */
export async function finishPackage(bytes: Uint8Array, metadata: PptxMetadata, accent: string): Promise<Uint8Array> {
  const input = await JSZip.loadAsync(bytes);
  const names = Object.keys(input.files).filter((name) => !input.files[name]!.dir);
  const parts = new Map<string, string | Uint8Array>();
  for (const name of names) {
    const file = input.files[name]!;
    parts.set(name, /\.(xml|rels)$/.test(name) ? await file.async('string') : await file.async('uint8array'));
  }
  for (const [name, content] of parts) {
    if (typeof content !== 'string') continue;
    if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) parts.set(name, repairSlideXml(content));
    if (/^ppt\/slides\/[^/]+\.xml$/.test(name)) {
      parts.set(name, colourBullets(withoutEmptyPlaceholders(parts.get(name) as string), accent));
    }
  }
  parts.set('docProps/core.xml', coreXml(metadata));
  parts.set('[Content_Types].xml', listedParts(parts.get('[Content_Types].xml') as string, new Set(parts.keys())));

  const encoder = new TextEncoder();
  const entries = [...parts.keys()].sort(partOrder).map((name) => {
    const content = parts.get(name)!;
    return { name, data: typeof content === 'string' ? encoder.encode(content) : content };
  });
  return zip(entries, metadata.date);
}

/** `[Content_Types].xml` first, as Office writes it; the rest by name. */
function partOrder(a: string, b: string): number {
  if (a === '[Content_Types].xml') return -1;
  if (b === '[Content_Types].xml') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function repairSlideXml(xml: string): string {
  return (
    xml
      // pptxgenjs writes an <a:pPr> before every run of a paragraph; CT_P allows one, first
      // (https://github.com/gitbrent/PptxGenJS/pull/1083): keep the first.
      .replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph, inner: string) => {
        let seen = false;
        const kept = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => {
          if (seen) return '';
          seen = true;
          return pPr;
        });
        return kept === inner ? paragraph : `<a:p>${kept}</a:p>`;
      })
      // A solid background without <a:effectLst/> (https://github.com/gitbrent/PptxGenJS/issues/1442).
      .replace(/(<p:bgPr>[\s\S]*?<\/a:solidFill>)(<\/p:bgPr>)/g, '$1<a:effectLst/>$2')
      // A shape without text has no <p:txBody>, which <p:sp> requires (https://github.com/gitbrent/PptxGenJS/issues/1441).
      .replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (shape, inner: string) =>
        inner.includes('<p:txBody>')
          ? shape
          : `<p:sp>${inner}<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`,
      )
  );
}

/**
 * pptxgenjs copies every layout placeholder a slide leaves unfilled onto the
 * slide, empty: PowerPoint would show the layout's prompt ("Click to add
 * text") on it while editing. A slide that puts its body in text boxes (the
 * summary under its bottom line) does not need it.
 */
function withoutEmptyPlaceholders(xml: string): string {
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (shape) =>
    /<p:ph\b(?![^>]*type="sldNum")/.test(shape) && !/<a:t>[^<]/.test(shape) ? '' : shape,
  );
}

/**
 * List bullets and numbers in the accent colour, the square a little smaller
 * than the text, as the theme draws them (pptxgenjs has no option for either).
 * <a:buClr> comes before <a:buSzPct> in CT_TextParagraphProperties.
 */
function colourBullets(xml: string, accent: string): string {
  const colour = `<a:buClr><a:srgbClr val="${accent}"/></a:buClr>`;
  return xml
    .replace(/<a:buSzPct val="100000"\/><a:buChar /g, `${colour}<a:buSzPct val="70000"/><a:buChar `)
    .replace(/<a:buSzPct val="100000"\/><a:buFont typeface="\+mj-lt"\/><a:buAutoNum /g, `${colour}$&`);
}

/** Drops overrides for parts the package does not hold (pptxgenjs lists some it never writes: https://github.com/gitbrent/PptxGenJS/issues/1449). */
function listedParts(contentTypes: string, parts: Set<string>): string {
  return contentTypes.replace(/<Override\s+PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
    parts.has(part) ? override : '',
  );
}

function coreXml(metadata: PptxMetadata): string {
  const stamp = metadata.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const element = (tag: string, value: string | undefined) => (value ? `<${tag}>${escapeHtml(value)}</${tag}>` : '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', metadata.title) +
    element('dc:subject', metadata.subject) +
    element('dc:creator', metadata.author) +
    element('cp:keywords', metadata.keywords.join(', ')) +
    element('dc:language', metadata.lang) +
    element('cp:lastModifiedBy', 'briefdeck') +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
