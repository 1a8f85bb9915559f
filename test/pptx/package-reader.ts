import JSZip from 'jszip';

/** An unzipped PPTX: every part's text (XML and .rels), by name. */
export interface PptxParts {
  names: string[];
  text: Map<string, string>;
}

export async function readPptx(bytes: Uint8Array): Promise<PptxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const text = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/.test(name)) text.set(name, await zip.files[name]!.async('string'));
  return { names, text };
}

/** The slide parts in slide order (slide1.xml, slide2.xml, … as presentation.xml lists them). */
export function slideParts(parts: PptxParts): string[] {
  const rels = relationships(parts, 'ppt/presentation.xml');
  const ids = [...parts.text.get('ppt/presentation.xml')!.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map((m) => m[1]!);
  return ids.map((id) => rels.get(id)!.target);
}

/** A part's relationships: id → absolute part name (or the URL, for external targets). */
export function relationships(parts: PptxParts, part: string): Map<string, { target: string; external: boolean }> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '';
  const relsName = `${dir ? `${dir}/` : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
  const xml = parts.text.get(relsName) ?? '';
  const map = new Map<string, { target: string; external: boolean }>();
  for (const rel of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(rel[0])![1]!;
    const target = /Target="([^"]+)"/.exec(rel[0])![1]!;
    const external = /TargetMode="External"/.test(rel[0]);
    map.set(id, { target: external ? target : resolvePart(dir, target), external });
  }
  return map;
}

function resolvePart(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = dir ? dir.split('/') : [];
  for (const piece of target.split('/')) {
    if (piece === '..') segments.pop();
    else if (piece !== '.') segments.push(piece);
  }
  return segments.join('/');
}

/** The text of every <a:t> in a part, XML entities decoded, runs joined, paragraphs on their own lines. */
export function partText(xml: string): string {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decode(t[1]!)).join(''))
    .join('\n');
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
