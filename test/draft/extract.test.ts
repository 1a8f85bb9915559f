import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { isPrescriptive, trimConnective } from '../../src/draft/cues.js';
import { draftBriefing } from '../../src/draft/index.js';
import { splitLead } from '../../src/draft/recommendations.js';
import { escapeInline } from '../../src/draft/briefing-markdown.js';
import { fixtures, htmlText, isDeletionOf } from './helpers.js';

const fixture = (name: string) => fixtures.find((f) => f.name === name)!;
const draftOf = (name: string) => draftBriefing(fixture(name).text, { file: name });

describe('cues', () => {
  it.each([
    ['Regulators must introduce a capacity payment that rewards batteries.', true],
    ['Congress needs to give the agency more staff.', true],
    ['We recommend that the city publish its heat plan.', true],
    ['Forecasters should have paid more attention to these practical limits.', false],
    ['It must have been tempting to draw a straight line.', false],
    ['It should be noted that the next decade may still surprise.', false],
    ['Critics will say the market should be left to sort this out on its own.', false],
    ['Without new storage, the operator will have to keep ageing gas units on contracts.', false],
    ['Should the government act now?', false],
    ['Costs have fallen by roughly 70 percent in a decade.', false],
  ])('isPrescriptive(%s) is %s', (text, expected) => {
    expect(isPrescriptive(text)).toBe(expected);
  });

  it('drops one leading connective and nothing else', () => {
    expect(trimConnective('Moreover, the killing of this suspect is a reminder.')).toEqual({
      text: 'The killing of this suspect is a reminder.',
      dropped: 'Moreover,',
    });
    expect(trimConnective('Furthermore, the situation raises questions.').text).toBe('The situation raises questions.');
    expect(trimConnective('And the region could lose investment.').text).toBe('The region could lose investment.');
    expect(trimConnective('So far, nobody has acted.').text).toBe('So far, nobody has acted.');
    expect(trimConnective('Andrew Smith said so.').text).toBe('Andrew Smith said so.');
    expect(trimConnective('First, the grid operator should act.').text).toBe('The grid operator should act.');
  });
});

describe('bold lead of a recommendation', () => {
  it.each([
    [
      'Global and regional powers must enhance intelligence-sharing mechanisms to track and neutralize ISKP operatives before they execute attacks.',
      'Global and regional powers must enhance intelligence-sharing mechanisms',
    ],
    [
      'International actors should engage with Afghanistan conditionally, linking aid and recognition to the Taliban’s counterterrorism actions.',
      'International actors should engage with Afghanistan conditionally',
    ],
    [
      'Utilities must keep an offline, manual fallback for chemical dosing and be able to run the plant without the network for at least a week.',
      'Utilities must keep an offline, manual fallback',
    ],
    [
      // Issue 17: the bold was the descriptive half; it is now the prescriptive clause.
      'ISKP and other groups leverage online platforms for recruitment; countermeasures should be intensified to disrupt these activities.',
      'countermeasures should be intensified',
    ],
    ['Share intelligence with partners.', 'Share intelligence with partners.'],
  ])('%s', (text, lead) => {
    const split = splitLead(text);
    expect(split.lead).toBe(lead);
    expect(split.before + split.lead + split.rest).toBe(text);
  });
});

describe('escaping', () => {
  it.each([
    '# not a heading',
    '> not a quote',
    '- not a list',
    '1. not a numbered list',
    'Note: not a speaker note',
    'Stars *like this* and _this_ and `code` and [a link](http://example.com) stay text',
    'A <script>alert(1)</script> tag and &amp; an entity stay text',
    'Pipes | and ~~tildes~~ and \\ backslashes',
  ])('%s', (text) => {
    const md = `---\ntitle: t\ndraft: true\n---\n\n## Summary\n\n- ${escapeInline(text)}\n\n## Implications\n\n- x\n\n## Recommendations\n\n1. **${escapeInline(text)}**\n`;
    const { briefing } = parseBriefing(md, 'x.md');
    const summary = briefing.sections[0]!;
    expect(summary.items).toHaveLength(1);
    expect(htmlText(summary.items[0]!.html)).toBe(text);
    expect(summary.notes).toEqual([]);
    expect(htmlText(briefing.sections[2]!.items[0]!.html)).toBe(text);
  });
});

describe('what the drafter takes from each kind of article', () => {
  it('seed: all ten listed recommendations in order, the Bush quote, a title from the lead sentence flagged for review (also as source.title, not the file name), credits and disclaimer in source', async () => {
    const result = await draftOf('seed-article.txt');
    const { draft, markdown, warnings } = result;
    expect(draft.recommendationsFrom).toBe('list');
    expect(draft.recommendations.map((r) => r.text)).toEqual(fixture('seed-article.txt').expected.recommendations);
    expect(draft.quote).toMatchObject({
      text: 'We do not create terrorism by fighting the terrorists. We invite terrorism by ignoring them.',
      attribution: 'former U.S. President George W. Bush',
    });
    expect(draft.titleFrom).toBe('lead sentence');
    expect(draft.title).toBe('The recent killing of an Islamic State Khorasan Province affiliate');
    expect(markdown).toMatch(/^title: ".+" # built from the lead sentence: the article has no headline; review it$/m);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/no headline: the title ".+" was built from its lead sentence/),
    ]);
    const { briefing } = parseBriefing(markdown, 'seed.md');
    expect(briefing.meta.source).toMatchObject({
      title: 'The recent killing of an Islamic State Khorasan Province affiliate',
      credit: expect.stringContaining('RIA Novosti'),
    });
    expect(briefing.meta.source?.note).toMatch(/views and opinions expressed in this article are those of the author/);
    expect(markdown).not.toMatch(/Read the full article|Exit mobile version|Share\.$/m);
    expect(draft.summary.length).toBeGreaterThanOrEqual(3);
    expect(draft.summary.length).toBeLessThanOrEqual(5);
    // Summary bullets in article order.
    const ids = draft.summary.map((b) => b.source.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // "Moreover,"/"Furthermore," are trimmed wherever they start a bullet.
    const bullets = [...draft.summary, ...draft.implications.flatMap((g) => g.bullets)].map((b) => b.text);
    expect(bullets.filter((b) => /^(?:Moreover|Furthermore|Additionally),/.test(b))).toEqual([]);
  });

  it('"First, … Second, …" prose: the four enumerated sentences, without their ordinals', async () => {
    const { draft } = await draftOf('grid-storage.txt');
    expect(draft.recommendationsFrom).toBe('prose');
    expect(draft.recommendations.map((r) => r.text.split(' ').slice(0, 3).join(' '))).toEqual([
      'The grid operator',
      'Regulators must introduce',
      'The state legislature',
      'Utilities should offer',
    ]);
  });

  it('recommendations under a heading, written as paragraphs; a list of facts is not taken', async () => {
    const { draft } = await draftOf('antibiotic-pipeline.txt');
    expect(draft.recommendationsFrom).toBe('section');
    expect(draft.recommendationsIntro).toBe('What governments should do');
    expect(draft.recommendations).toHaveLength(4);
    expect(draft.recommendations.some((r) => /\$1\.3 billion/.test(r.text))).toBe(false);
  });

  it('of two lists, the one under "## Recommendations"', async () => {
    const { draft } = await draftOf('urban-heat.md');
    // Each item whole in its source; the bullet is that item shortened by deletion, under 25 words.
    const items = draft.recommendations.map((r) => (r.sources ?? [r.source]).map((s) => s.text).join(' '));
    expect(items).toEqual(fixture('urban-heat.md').expected.recommendations);
    for (const [i, r] of draft.recommendations.entries()) expect(isDeletionOf(r.text, items[i]!)).toBe(true);
    expect(draft.recommendations[1]!.text).toBe(
      'Cooling centres must stay open until at least 10 p.m. during declared heat waves.',
    );
  });

  it('no recommendations: an empty section with a note and a warning, nothing invented; the deck still parses', async () => {
    const { draft, markdown, warnings } = await draftOf('arctic-shipping.txt');
    expect(draft.recommendations).toEqual([]);
    expect(draft.recommendationsFrom).toBe('none');
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^no recommendations found/));
    const { briefing, warnings: parseWarnings } = parseBriefing(markdown, 'arctic.md');
    const recs = briefing.sections.find((s) => s.kind === 'recommendations')!;
    expect(recs.items).toEqual([]);
    expect(recs.notes.join(' ')).toMatch(/None were invented/);
    expect(parseWarnings.map((w) => w.message)).toEqual([
      'the "Recommendations" section is empty (allowed while `draft: true`)',
    ]);
  });

  it('HTML: metadata into source, the pull quote, and implications grouped under a sentence of the article', async () => {
    const { draft, markdown } = await draftOf('chip-export-controls.html');
    const { briefing } = parseBriefing(markdown, 'chip.md');
    expect(briefing.meta.title).toBe('Export Controls Alone Will Not Keep the Chip Lead');
    expect(briefing.meta.source).toMatchObject({
      author: 'Priya Raman',
      publisher: 'The Policy Ledger',
      url: 'https://policyledger.example.org/2026/04/export-controls-chip-lead',
      date: '2026-04-22',
      credit: 'Photo: Lena Fischer / Wikimedia Commons, CC BY 4.0',
    });
    expect(draft.quote?.text).toBe(
      'We can slow a competitor down, but we cannot stop them by standing still ourselves.',
    );
    expect(draft.recommendations).toHaveLength(4);
  });

  it("markdown with sections: implications grouped under the article's own headings", async () => {
    const { draft } = await draftOf('water-utilities-cyber.md');
    expect(draft.implications.map((g) => g.headingFrom)).toContain('article');
    expect(draft.implications.map((g) => g.heading)).toContain('What is at stake');
  });

  it('a 200 KB article (all fixtures, repeated) drafts into a valid, bounded briefing', async () => {
    let text = '';
    const plain = fixtures.filter((f) => !f.name.endsWith('.html')).map((f) => f.text);
    while (text.length < 200_000) text += plain.join('\n\n') + '\n\n';
    const { markdown, draft } = await draftBriefing(text, { file: 'big.txt' });
    const { briefing } = parseBriefing(markdown, 'big.md');
    expect(briefing.sections.map((s) => s.kind).slice(0, 3)).toEqual(['summary', 'implications', 'recommendations']);
    expect(draft.summary.length).toBeLessThanOrEqual(5);
    expect(draft.implications.flatMap((g) => g.bullets).length).toBeLessThanOrEqual(12);
  });
});
