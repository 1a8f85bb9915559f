import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing, readBriefing } from '../../src/content/parse.js';
import { renderBriefing, type RenderedDeck } from '../../src/deck/render.js';
import { TemplateRegistry } from '../../src/deck/template/registry.js';
import { plainText } from '../../src/html-text.js';
import { LAYOUT_NAMES, writePptx } from '../../src/pptx/index.js';
import { FIXTURES, ROOT, SAMPLE, tempDir } from '../helpers.js';
import { type PptxParts, partText, readPptx, relationships, slideParts } from './package-reader.js';

const registry = new TemplateRegistry();
const ARABIC = path.join(ROOT, 'examples', 'international', 'iskp-moscow-plot-ar.md');

async function deckOf(file: string, template?: string, markdown?: string): Promise<RenderedDeck> {
  const source = markdown ?? (await readFile(file, 'utf8'));
  return renderBriefing(parseBriefing(source, file).briefing, { registry, template });
}

async function pptxOf(deck: RenderedDeck): Promise<PptxParts> {
  return readPptx((await writePptx(deck)).bytes);
}

function layoutOf(parts: PptxParts, slide: string): string {
  const layout = [...relationships(parts, slide).values()].find((rel) => rel.target.includes('slideLayouts/'))!;
  return /<p:cSld name="([^"]*)"/.exec(parts.text.get(layout.target)!)![1]!;
}

describe('PPTX of the sample briefing', async () => {
  const deck = await deckOf(SAMPLE);
  const parts = await pptxOf(deck);
  const slides = slideParts(parts);

  it('has one slide per deck slide, in order, each on the layout named for its kind', () => {
    expect(slides).toHaveLength(deck.slides.length);
    expect(slides.map((slide) => layoutOf(parts, slide))).toEqual(deck.slides.map((s) => LAYOUT_NAMES[s.kind]));
    expect(new Set(Object.values(LAYOUT_NAMES))).toEqual(
      new Set(['Title', 'Bottom line', 'Implication', 'Recommendations', 'Quote', 'Sources', 'Content']),
    );
  });

  it('puts the marking banner in every layout (so a slide added in PowerPoint has it), in TLP colours on black', () => {
    const layouts = parts.names.filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name));
    const used = layouts.filter((name) =>
      Object.values(LAYOUT_NAMES).includes(/<p:cSld name="([^"]*)"/.exec(parts.text.get(name)!)![1]!),
    );
    expect(used).toHaveLength(7);
    for (const name of used) {
      const xml = parts.text.get(name)!;
      expect(partText(xml).match(/TLP:CLEAR/g)).toHaveLength(2); // top and bottom
      expect(xml).toMatch(/<a:solidFill><a:srgbClr val="000000"\/><\/a:solidFill>/);
      expect(xml).toMatch(/<a:srgbClr val="FFFFFF"\/>[\s\S]*TLP:CLEAR/); // TLP:CLEAR is white text
    }
    // …and the slide number is PowerPoint's field, on the layouts' numbered slides.
    expect(parts.text.get(used[1]!)).toMatch(/<a:fld [^>]*type="slidenum"/);
  });

  it('writes every recommendation as a numbered paragraph with its bold lead phrase, continuing across slides', () => {
    const recommendations = deck.briefing.sections.find((s) => s.kind === 'recommendations')!;
    const texts = slides.map((slide) => partText(parts.text.get(slide)!)).join('\n');
    for (const item of recommendations.items) expect(texts).toContain(plainText(item.html).replace(/\s+/g, ' ').trim());
    const second = parts.text.get(slides[deck.slides.findIndex((s) => s.part?.index === 2)]!)!;
    expect(second).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="6"\/>/);
    expect(second).toMatch(/<a:rPr [^>]*b="1"[^>]*>[\s\S]*?<a:t>Update laws and surveillance\.<\/a:t>/);
    expect(partText(second)).toContain('Recommendations (2/2)');
  });

  it('carries the speaker notes of every slide that has them, paragraphs kept', () => {
    deck.slides.forEach((slide, i) => {
      const notesPart = [...relationships(parts, slides[i]!).values()].find((rel) =>
        rel.target.includes('notesSlides/'),
      );
      const notes = notesPart ? partText(parts.text.get(notesPart.target)!) : '';
      const expected = plainText(slide.notesHtml.replace(/<\/p>\s*<p>/g, '\n')).trim();
      if (expected) expect(notes.replace(/\s+/g, ' ')).toContain(expected.split('\n')[0]!.replace(/\s+/g, ' ').trim());
    });
    expect(deck.slides.filter((s) => s.notesHtml).length).toBeGreaterThan(5);
  });

  it('never writes two <a:pPr> in one paragraph (pptxgenjs does for runs without breakLine)', () => {
    for (const [name, xml] of parts.text) {
      for (const paragraph of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        expect(paragraph[1]!.match(/<a:pPr\b/g)?.length ?? 0, name).toBeLessThanOrEqual(1);
        if (paragraph[1]!.includes('<a:pPr')) expect(paragraph[1]!.trimStart().startsWith('<a:pPr'), name).toBe(true);
      }
    }
  });

  it('resolves every relationship id, and lists every part in [Content_Types].xml', () => {
    for (const [name, xml] of parts.text) {
      if (name.endsWith('.rels')) continue;
      const rels = relationships(parts, name);
      for (const id of xml.matchAll(/\br:(?:id|embed|link)="([^"]+)"/g))
        expect(rels.has(id[1]!), `${name} ${id[1]}`).toBe(true);
      for (const rel of rels.values()) if (!rel.external) expect(parts.names, name).toContain(rel.target);
    }
    const types = parts.text.get('[Content_Types].xml')!;
    const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
    const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]!));
    for (const name of parts.names) {
      if (name === '[Content_Types].xml') continue;
      expect(overrides.has(name) || defaults.has(name.split('.').pop()!.toLowerCase()), name).toBe(true);
    }
    for (const name of overrides) expect(parts.names, 'an override for a part that is not there').toContain(name);
  });

  it('holds the metadata: title, author, keywords, language', () => {
    const core = parts.text.get('docProps/core.xml')!;
    expect(core).toContain(`<dc:title>${deck.briefing.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${deck.briefing.meta.author}</dc:creator>`);
    expect(core).toContain(`<cp:keywords>${deck.briefing.meta.keywords.join(', ')}</cp:keywords>`);
    expect(core).toContain('<dc:language>en</dc:language>');
  });
});

describe('PPTX output', () => {
  it('is byte-identical for the same input under SOURCE_DATE_EPOCH, with that date in core.xml', async () => {
    const deck = await deckOf(SAMPLE);
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1764547200'; // 2025-12-01T00:00:00Z
    try {
      const a = (await writePptx(deck)).bytes;
      await new Promise((resolve) => setTimeout(resolve, 1100)); // a second later: any clock in the file would differ
      const b = (await writePptx(deck)).bytes;
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect((await readPptx(a)).text.get('docProps/core.xml')).toContain(
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-01T00:00:00Z<',
      );
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });

  it('writes Arabic runs right to left with their language, and mirrors the layouts', async () => {
    const parts = await pptxOf(await deckOf(ARABIC));
    const slides = slideParts(parts);
    let arabicRuns = 0;
    for (const slide of slides) {
      for (const paragraph of parts.text.get(slide)!.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        if (!/<a:t>[^<]*[\u0600-\u06ff]/.test(paragraph[1]!)) continue;
        expect(paragraph[1]).toMatch(/^<a:pPr [^>]*rtl="1"/);
        for (const run of paragraph[1]!.matchAll(/<a:r><a:rPr ([^>]*)>[\s\S]*?<a:t>([^<]*)<\/a:t><\/a:r>/g)) {
          expect(run[1]).toMatch(/\blang="ar"/);
          arabicRuns += 1;
        }
      }
    }
    expect(arabicRuns).toBeGreaterThan(10);
    expect(parts.text.get('ppt/presentation.xml')).toMatch(/rtl="1"/);
  });

  it('takes its colours from the template: dark paper for `dark`, and the `accent` option', async () => {
    const dark = await pptxOf(await deckOf(SAMPLE, 'dark'));
    const content = dark.names.find(
      (n) => /slideLayout\d+\.xml$/.test(n) && dark.text.get(n)!.includes('name="Content"'),
    )!;
    expect(dark.text.get(content)).toMatch(/<p:bg><p:bgPr><a:solidFill><a:srgbClr val="0D1726"\/>/);
    expect(dark.text.get(content)).toContain('<a:srgbClr val="F2A65A"/>'); // the dark template's accent rule

    const source = (await readFile(SAMPLE, 'utf8')).replace(/^---\n/, '---\noptions:\n  accent: "#117733"\n');
    const green = await pptxOf(await deckOf(SAMPLE, undefined, source));
    const layout = green.names.find(
      (n) => /slideLayout\d+\.xml$/.test(n) && green.text.get(n)!.includes('name="Content"'),
    )!;
    expect(green.text.get(layout)).toContain('<a:srgbClr val="117733"/>');
    expect(green.text.get(layout)).not.toContain('B4452C');
  });

  it('warns, naming the slide, when text would not fit its box in the PPTX', async () => {
    const long = 'A very long implication that keeps going with more and more words to fill the slide. '.repeat(6);
    const markdown = `---\ntitle: T\n---\n## Summary\n\nBottom line.\n\n## Implications\n\n- ${long}\n- ${long}\n- ${long}\n\n## Recommendations\n\n1. Act.\n`;
    const result = await writePptx(await deckOf('content/long.md', undefined, markdown));
    expect(result.warnings).toEqual([
      expect.objectContaining({
        file: 'content/long.md',
        message: expect.stringMatching(/^slide 3 "Implications" may not fit in the PPTX/),
      }),
    ]);
    const fits = await writePptx(await deckOf(SAMPLE));
    expect(fits.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/slide 3 /));
  });

  it('writes markdown tables as native tables and images as pictures with their alt text', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'images'));
    await copyFile(path.join(FIXTURES, 'images', 'chart.png'), path.join(dir, 'images', 'chart.png'));
    const file = path.join(dir, 'b.md');
    await writeFile(
      file,
      '---\ntitle: T\n---\n## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n\n![Attacks by month](images/chart.png)\n\n' +
        '## Recommendations\n\n1. Act.\n\n## Numbers\n\n| Region | Plots |\n|---|---|\n| Moscow | 3 |\n| Kabul | 5 |\n',
    );
    const deck = await renderBriefing((await readBriefing(file)).briefing, { registry });
    const parts = await pptxOf(deck);
    const slides = slideParts(parts).map((slide) => parts.text.get(slide)!);
    const picture = slides[deck.slides.findIndex((s) => s.kind === 'implication')]!;
    expect(picture).toMatch(/<p:cNvPr [^>]*descr="Attacks by month"/);
    expect(parts.names.some((name) => /^ppt\/media\/.+\.png$/.test(name))).toBe(true);
    const table = slides[deck.slides.findIndex((s) => s.label === 'Numbers')]!;
    expect(table).toContain('<a:tbl>');
    expect(partText(table)).toMatch(/Region\nPlots\nMoscow\n3\nKabul\n5/);
  });
});
