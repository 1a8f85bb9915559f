import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { planSlides } from '../../src/deck/plan.js';

function briefingWith(recommendations: number, extra = '') {
  const recs = Array.from(
    { length: recommendations },
    (_, i) => `${i + 1}. Recommendation ${i + 1}.\n\n     Note: Why ${i + 1}.`,
  ).join('\n');
  const text = `---\ntitle: T\nsource:\n  title: The source\n---\n## Summary\n\nB.\n\nNote: S.\n\n## Implications\n\n### A\n\nText A.\n\n### B\n\n- Point B.\n\n## Recommendations\n\nThe author's.\n\n${recs}\n\nNote: Section note.\n${extra}`;
  return parseBriefing(text, 'x.md').briefing;
}

describe('planSlides', () => {
  it('orders title, summary, one slide per implication, recommendations, then an automatic sources slide', () => {
    const slides = planSlides(briefingWith(3), { maxItemsPerSlide: 5 });
    expect(slides.map((s) => [s.number, s.kind, s.label])).toEqual([
      [1, 'title', 'T'],
      [2, 'summary', 'Summary'],
      [3, 'implication', 'A'],
      [4, 'implication', 'B'],
      [5, 'recommendations', 'Recommendations'],
      [6, 'sources', 'Sources'],
    ]);
    expect(slides[2]!.sectionHtml).toBe('Implications');
    expect(slides[5]!.source?.title).toBe('The source');
  });

  it('continues long lists on balanced continuation slides with running numbers', () => {
    const slides = planSlides(briefingWith(11), { maxItemsPerSlide: 5 }).filter((s) => s.kind === 'recommendations');
    expect(slides.map((s) => s.label)).toEqual([
      'Recommendations (1/3)',
      'Recommendations (2/3)',
      'Recommendations (3/3)',
    ]);
    expect(slides.map((s) => s.items.map((i) => i.number))).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11],
    ]);
    expect(slides.every((s) => s.leadHtml.includes("The author's."))).toBe(true);
  });

  it('puts section notes on the first slide and item notes with their items', () => {
    const slides = planSlides(briefingWith(10), { maxItemsPerSlide: 5 }).filter((s) => s.kind === 'recommendations');
    expect(slides[0]!.notesHtml).toContain('Section note.');
    expect(slides[0]!.notesHtml).toContain('Why 5.');
    expect(slides[0]!.notesHtml).not.toContain('Why 6.');
    expect(slides[1]!.notesHtml).toContain('Why 6.');
    expect(slides[1]!.notesHtml).not.toContain('Section note.');
  });

  it('makes a generic slide for any other section, and no automatic sources slide when there is one', () => {
    const slides = planSlides(briefingWith(1, '\n## Timeline\n\n- Day 1\n\n## Sources\n\n- A link\n'), {
      maxItemsPerSlide: 5,
    });
    expect(slides.slice(-2).map((s) => [s.kind, s.label])).toEqual([
      ['generic', 'Timeline'],
      ['sources', 'Sources'],
    ]);
  });
});
