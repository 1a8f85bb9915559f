import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { draftBriefing } from '../../src/draft/index.js';
import { fixtures, htmlText } from './helpers.js';

const article = (...paragraphs: string[]) => `A Headline About Ferry Subsidies\n\n${paragraphs.join('\n\n')}\n`;

const filler = [
  'The island ferry carried 410,000 passengers last year, down from 520,000 in 2019.',
  'Two of the four vessels are more than thirty years old and spend weeks in repair every winter.',
  'Timetables were cut in October, and the last evening crossing now leaves at seven.',
  'Shops on the island report fewer visitors on weekdays, and the school has lost two teachers.',
] as const;

async function bottomLineOf(text: string): Promise<string[]> {
  const { draft } = await draftBriefing(text, { file: 'ferry.txt' });
  return draft.bottomLine.map((b) => b.text);
}

describe('the bottom line', () => {
  it('is the sentence that states the judgment, not a figure', async () => {
    const lines = await bottomLineOf(
      article(
        `${filler[0]} ${filler[1]}`,
        `${filler[2]} The real problem is that ferry subsidies are set one year at a time, so nobody can plan a new vessel.`,
        filler[3],
      ),
    );
    expect(lines[0]).toBe(
      'The real problem is that ferry subsidies are set one year at a time, so nobody can plan a new vessel.',
    );
  });

  it('takes a closing judgment ("Ultimately, …")', async () => {
    const lines = await bottomLineOf(
      article(
        `${filler[0]} ${filler[1]}`,
        `${filler[2]} ${filler[3]}`,
        'Ultimately, ferry subsidies decide whether the island keeps its year-round residents.',
      ),
    );
    expect(lines.join(' ')).toMatch(/\b[Ff]erry subsidies decide whether the island keeps its year-round residents\.$/);
  });

  it('is never a reported view, a conditional or a sentence leaning on the one before', async () => {
    const distractors = [
      'The minister said that ferry subsidies are the real problem for the island.',
      'If ferry subsidies were doubled, the real problem would disappear within a year.',
      'This shows that ferry subsidies are the real problem for the island and its residents.',
    ];
    const lines = await bottomLineOf(
      article(`${filler[0]} ${distractors[0]}`, `${filler[1]} ${distractors[1]}`, `${filler[2]} ${distractors[2]}`),
    );
    for (const d of distractors) expect(lines).not.toContain(d);
  });

  it('an article of short sentences (Arabic: a headline and six sentences) still gets a bottom line and a summary', async () => {
    const arabic =
      'المياه في خطر\n\nتعاني المدن من نقص المياه في الصيف. تضيع كميات كبيرة في الأنابيب القديمة. يجب على الحكومات أن تصلح الشبكات بسرعة. الأسعار المنخفضة لا تغطي الصيانة. قد يؤدي ذلك إلى أزمة اجتماعية. الحل ممكن بإدارة أفضل.\n';
    const { draft } = await draftBriefing(arabic, { file: 'water.txt' });
    expect(draft.bottomLine).toHaveLength(1);
    expect(draft.summary.length).toBeGreaterThanOrEqual(2);
    expect(draft.recommendations.map((r) => r.text)).toEqual(['يجب على الحكومات أن تصلح الشبكات بسرعة.']);
  });

  it('opens the summary slide of the built deck (its lead paragraph), with a note quoting its source', async () => {
    const seed = fixtures.find((f) => f.name === 'seed-article.txt')!;
    const { markdown, draft } = await draftBriefing(seed.text, { file: seed.name });
    expect(draft.bottomLine.length).toBeGreaterThanOrEqual(1);
    expect(draft.bottomLine.length).toBeLessThanOrEqual(2);
    const { briefing } = parseBriefing(markdown, 'draft.md');
    const summary = briefing.sections.find((s) => s.kind === 'summary')!;
    expect(htmlText(summary.lead)).toBe(draft.bottomLine.map((b) => b.text).join(' '));
    expect(summary.notes.map(htmlText).filter((n) => n.startsWith('Bottom line: Source: paragraph'))).toHaveLength(
      draft.bottomLine.length,
    );
  });

  it('shares no sentence with the summary bullets, implications or recommendations', async () => {
    for (const fixture of fixtures) {
      const { draft } = await draftBriefing(fixture.text, { file: fixture.name });
      const lead = new Set(draft.bottomLine.map((b) => b.source.id));
      const elsewhere = [
        ...draft.summary,
        ...draft.implications.flatMap((g) => g.bullets),
        ...draft.recommendations,
      ].map((b) => b.source.id);
      expect(elsewhere.filter((id) => lead.has(id))).toEqual([]);
    }
  });
});
