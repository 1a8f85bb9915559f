import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { planSlides } from '../../src/deck/plan.js';
import { tablePages } from '../../src/deck/table-pages.js';
import { Labels } from '../../src/labels/index.js';

const rows = (count: number) => Array.from({ length: count }, (_, i) => `| Row ${i + 1} | ${i + 1} |`).join('\n');

function briefing(body: string) {
  const text = `---\ntitle: T\n---\n## Summary\n\nB.\n\n## Implications\n\n### Crossings\n\n${body}\n\n## Recommendations\n\n1. R.\n`;
  return parseBriefing(text, 'x.md').briefing;
}

const crossings = (body: string, maxTableRowsPerSlide?: number) =>
  planSlides(briefing(body), { maxItemsPerSlide: 5, maxTableRowsPerSlide }).filter((s) =>
    s.label.startsWith('Crossings'),
  );

const bodyRows = (html: string) => [...html.matchAll(/<td>(Row \d+)<\/td>/g)].map((m) => m[1]);

describe('long tables continue on further slides', () => {
  it('splits 13 rows with a limit of 7 into 7 + 6, the header row on each, titled (1/2) and (2/2)', () => {
    const slides = crossings(
      `Before the table.\n\n| Name | Count |\n|---|---:|\n${rows(13)}\n\nAfter it.\n\nNote: N.`,
      7,
    );
    expect(slides.map((s) => s.label)).toEqual(['Crossings (1/2)', 'Crossings (2/2)']);
    expect(slides.map((s) => s.part)).toEqual([
      { index: 1, count: 2 },
      { index: 2, count: 2 },
    ]);
    expect(slides.map((s) => bodyRows(s.leadHtml).length)).toEqual([7, 6]);
    expect(bodyRows(slides[1]!.leadHtml)[0]).toBe('Row 8');
    for (const slide of slides) expect(slide.leadHtml).toContain('<thead>\n<tr>\n<th>Name</th>');
    expect(slides[0]!.leadHtml).toContain('Before the table.');
    expect(slides[1]!.leadHtml).not.toContain('Before the table.');
    expect(slides[1]!.leadHtml).toContain('After it.');
    expect(slides[0]!.leadHtml).not.toContain('After it.');
    expect(slides.map((s) => s.notesHtml)).toEqual(['<p>N.</p>', '']);
    expect(slides[0]!.sectionHtml).toBe('Implications');
  });

  it('leaves a table within the limit (the default is 7) on one slide', () => {
    expect(crossings(`| Name | Count |\n|---|---|\n${rows(7)}`)).toHaveLength(1);
    expect(crossings(`| Name | Count |\n|---|---|\n${rows(8)}`)).toHaveLength(2);
  });

  it('does not cut a table inside another element, and returns nothing for short tables', () => {
    const nested = '<blockquote><table><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table></blockquote>';
    expect(tablePages(nested, 1)).toBeUndefined();
    expect(tablePages('<table><tbody><tr><td>1</td></tr></tbody></table>', 1)).toBeUndefined();
    expect(tablePages('<p>x</p><table><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>', 1)).toEqual([
      '<p>x</p><table><tbody><tr><td>1</td></tr></tbody></table>',
      '<table><tbody><tr><td>2</td></tr></tbody></table>',
    ]);
  });
});

describe('figure credits', () => {
  it("are put in the briefing's credit label", () => {
    const labels = new Labels({ lang: 'en', overrides: [{ credit: 'Source — {credit}.' }] });
    const briefingWithFigure = briefing('Text.');
    briefingWithFigure.sections[1]!.subsections[0]!.lead =
      '<figure class="figure figure--alone"><figcaption><span class="figure__credit">AP &amp; Co</span></figcaption></figure>';
    const slide = planSlides(briefingWithFigure, { maxItemsPerSlide: 5, labels }).find((s) => s.label === 'Crossings')!;
    expect(slide.leadHtml).toContain('<span class="figure__credit">Source — AP &amp; Co.</span>');
    const english = planSlides(briefingWithFigure, { maxItemsPerSlide: 5 }).find((s) => s.label === 'Crossings')!;
    expect(english.leadHtml).toContain('<span class="figure__credit">Credit: AP &amp; Co</span>');
  });
});
