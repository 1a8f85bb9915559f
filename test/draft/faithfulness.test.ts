import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import type { Item, Section } from '../../src/content/model.js';
import { draftBriefing, type DraftResult } from '../../src/draft/index.js';
import { fixtures, htmlText, occursIn, readerText } from './helpers.js';

/**
 * The promise of `briefdeck draft`: it never says what the article does not. Every bullet,
 * recommendation, sentence heading and quotation that reaches the deck (parsed and rendered by the
 * real content parser) occurs verbatim in the source as a reader sees it, after whitespace
 * normalisation and the allowed trim of a leading connective.
 */
describe.each(fixtures)('draft of $name', (fixture) => {
  let result: DraftResult;
  const load = async () => (result ??= await draftBriefing(fixture.text, { file: fixture.name }));

  it('parses as a draft briefing with no errors, and only draft warnings', async () => {
    const { markdown } = await load();
    const { briefing, warnings } = parseBriefing(markdown, `content/${fixture.name}.md`);
    expect(briefing.meta.draft).toBe(true);
    expect(briefing.sections.map((s) => s.kind)).toEqual([
      'summary',
      'implications',
      'recommendations',
      ...(fixture.expected.quote ? ['quote'] : []),
    ]);
    expect(warnings.filter((w) => !/empty \(allowed while `draft: true`\)/.test(w.message))).toEqual([]);
  });

  it('says nothing the source does not: every drafted text occurs in it', async () => {
    const { markdown } = await load();
    const { briefing } = parseBriefing(markdown, 'draft.md');
    const source = readerText(fixture);
    const shown: string[] = [];
    for (const section of briefing.sections.filter((s) => s.kind !== 'sources')) {
      shown.push(...texts(section));
    }
    expect(shown.length).toBeGreaterThan(3);
    const unfaithful = shown.filter((text) => !occursIn(text, source));
    expect(unfaithful).toEqual([]);
  });

  it('gives every bullet and recommendation a note naming its source sentence', async () => {
    const { markdown } = await load();
    const { briefing } = parseBriefing(markdown, 'draft.md');
    const items = briefing.sections
      .filter((s) => s.kind !== 'quote')
      .flatMap((s) => [...s.items, ...s.subsections.flatMap((sub) => sub.items)]);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.notes.join(' ')).toMatch(/Source: (?:list item \()?paragraph \d+\)?, sentences? \d+/);
      // The note quotes the sentence in full, so a reviewer sees any trimmed connective.
      const quoted = /“(.*)”/.exec(htmlText(item.notes.join(' ')))?.[1];
      expect(quoted && occursIn(quoted, readerText(fixture))).toBe(true);
    }
  });
});

/** Text shown on slides: list items, the lead paragraph of the summary, sentence headings, the quotation. */
function texts(section: Section): string[] {
  const out: string[] = [];
  const items = (list: Item[]) => list.map((i) => htmlText(i.html));
  if (section.kind === 'quote' && section.quote) {
    out.push(htmlText(section.quote.html));
    if (section.quote.attribution) out.push(htmlText(section.quote.attribution));
    return out;
  }
  out.push(...items(section.items));
  if (section.kind === 'summary' && section.lead) out.push(htmlText(section.lead));
  for (const sub of section.subsections) {
    // Headings made of key terms are labels (checked word by word below); the others are sentences of the source.
    const title = htmlText(sub.title);
    if (!sub.notes.some((n) => /key terms/.test(n))) out.push(title);
    else out.push(...title.split(' · '));
    out.push(...items(sub.items));
  }
  return out;
}

describe('the faithfulness check itself', () => {
  it('catches a reworded bullet (control)', async () => {
    const fixture = fixtures.find((f) => f.name === 'seed-article.txt')!;
    const { markdown } = await draftBriefing(fixture.text, { file: fixture.name });
    const tampered = markdown.replace(
      'Nations must reinforce border security',
      'Nations must reinforce their border security',
    );
    const { briefing } = parseBriefing(tampered, 'draft.md');
    const shown = briefing.sections.flatMap((s) => texts(s));
    expect(shown.filter((t) => !occursIn(t, readerText(fixture)))).toHaveLength(1);
  });
});
