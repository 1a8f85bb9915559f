import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { planSlides } from '../../src/deck/plan.js';

const OPTIONS = `## Options

### Buy jammers

Portable jammers.

- Pro: quick
- Con: licence needed
- Cost: £2m

   Note: The cost is per year.

### Wait

- Pro: nothing to spend

## Recommendation

Buy jammers.
`;

function plan(front: string, body: string) {
  const text = `---\ntitle: T\n${front}---\n## Summary\n\nB.\n\n## Implications\n\n- I.\n\n${body}`;
  return planSlides(parseBriefing(text, 'x.md').briefing, { maxItemsPerSlide: 5 });
}

describe('planSlides: briefing types', () => {
  it('gives a decision briefing a slide per option, its groups labelled, then the briefer’s recommendation', () => {
    const slides = plan('type: decision\n', `${OPTIONS}\n## Recommendations\n\n1. Act.\n`);
    expect(slides.map((s) => [s.kind, s.label, s.sectionHtml ?? s.recommendedBy])).toEqual([
      ['title', 'T', undefined],
      ['summary', 'Summary', undefined],
      ['implication', 'Implications', undefined],
      ['option', 'Buy jammers', 'Option 1'],
      ['option', 'Wait', 'Option 2'],
      ['recommendation', 'Recommendation', 'Our recommendation'],
      ['recommendations', 'Recommendations', "The author's recommendations"],
    ]);
    const buy = slides[3]!;
    expect(buy.leadHtml).toBe('<p>Portable jammers.</p>');
    expect(buy.groups!.map((g) => [g.kind, g.label, g.items.map((i) => i.html)])).toEqual([
      ['pro', 'Advantages', ['quick']],
      ['con', 'Disadvantages', ['licence needed']],
      ['cost', 'Cost', ['£2m']],
    ]);
    expect(buy.notesHtml).toBe('<p>The cost is per year.</p>');
    expect(slides[4]!.groups!.map((g) => g.items.length)).toEqual([1, 0, 0]);
    expect(slides[4]!.id).toBeUndefined();
    expect(buy.id).toBe('options');
  });

  it('names the source author whose recommendations they are', () => {
    const slides = plan('source:\n  title: S\n  author: J. Marlow\n', '## Recommendations\n\n1. Act.\n');
    expect(slides.find((s) => s.kind === 'recommendations')!.recommendedBy).toBe('Recommendations of J. Marlow');
  });

  it('shows no recommendations slide for an information briefing', () => {
    const slides = plan('type: information\n', '## Background\n\nB.\n');
    expect(slides.map((s) => s.kind)).toEqual(['title', 'summary', 'implication', 'generic']);
  });
});

describe('planSlides: key judgments', () => {
  const judgments = '## Key judgments\n\n- [high] One.\n- Two.\n- [low] Three.\n';

  it('carry their badge, and a legend of the three levels goes before the sources', () => {
    const slides = plan('source:\n  title: S\n', `${judgments}\n## Recommendations\n\n1. Act.\n`);
    expect(slides.map((s) => s.kind)).toEqual([
      'title',
      'summary',
      'implication',
      'judgments',
      'recommendations',
      'legend',
      'sources',
    ]);
    expect(slides[3]!.items.map((i) => [i.html, i.confidence])).toEqual([
      ['One.', { level: 'high', label: 'High confidence' }],
      ['Two.', undefined],
      ['Three.', { level: 'low', label: 'Low confidence' }],
    ]);
    const legend = slides[5]!;
    expect(legend.label).toBe('Confidence levels');
    expect(legend.items.map((i) => [i.confidence?.label, i.html])).toEqual([
      ['High confidence', 'Good information from several independent sources; the judgment can still be wrong.'],
      ['Moderate confidence', 'Credible, plausible information, but not corroborated enough for high confidence.'],
      ['Low confidence', 'Fragmentary, poorly corroborated or doubtful information; the judgment is tentative.'],
    ]);
  });

  it('go before a `## Sources` section at the end, and need no legend without a badge', () => {
    const withSources = plan('', `${judgments}\n## Recommendations\n\n1. Act.\n\n## Sources\n\n- A.\n`);
    expect(withSources.map((s) => s.kind).slice(-2)).toEqual(['legend', 'sources']);
    const untagged = plan('', '## Key judgments\n\n- One.\n\n## Recommendations\n\n1. Act.\n');
    expect(untagged.map((s) => s.kind)).not.toContain('legend');
  });
});
