import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import type { Item, Section } from '../../src/content/model.js';
import { draftBriefing, type DraftResult } from '../../src/draft/index.js';
import { fixtures, htmlText, isDeletionOf, occursIn, quotedIn, readerText } from './helpers.js';

/**
 * The promise of `briefdeck draft`: it never says what the article does not. Every bullet,
 * recommendation, sentence heading and quotation that reaches the deck (parsed and rendered by the
 * real content parser) occurs in the source as a reader sees it, after whitespace normalisation,
 * with at most words deleted: each bullet is a word sub-sequence of the source sentence its note
 * quotes in full, and that sentence occurs verbatim in the article.
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

  it('says nothing the source does not: every bullet, heading and quotation comes from it', async () => {
    const { markdown } = await load();
    const { briefing } = parseBriefing(markdown, 'draft.md');
    const source = readerText(fixture);
    const shown = briefing.sections
      .filter((s) => s.kind !== 'sources')
      .flatMap((section) => unfaithful(section, source));
    expect(shown).toEqual([]);
  });

  it('gives every bullet and recommendation a note quoting its whole source sentence, of which it is a deletion', async () => {
    const { markdown } = await load();
    const { briefing } = parseBriefing(markdown, 'draft.md');
    const items = briefing.sections
      .filter((s) => s.kind !== 'quote')
      .flatMap((s) => [...s.items, ...s.subsections.flatMap((sub) => sub.items)]);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.notes.join(' ')).toMatch(/Source: (?:list item \()?paragraph \d+\)?, sentences? \d+/);
      // The note quotes the sentence in full, so a reviewer sees what was deleted.
      const quoted = quotedIn(item.notes.join(' '));
      expect(quoted && occursIn(quoted, readerText(fixture))).toBe(true);
      expect({ shown: htmlText(item.html), deletionOf: isDeletionOf(htmlText(item.html), quoted!) }).toEqual({
        shown: htmlText(item.html),
        deletionOf: true,
      });
    }
  });

  it('makes the bottom line of deletions of the sentences its notes quote', async () => {
    const { markdown, draft } = await load();
    const { briefing } = parseBriefing(markdown, 'draft.md');
    const summary = briefing.sections.find((s) => s.kind === 'summary')!;
    const quotes = summary.notes.filter((n) => /^Bottom line: Source:/.test(htmlText(n))).map((n) => quotedIn(n)!);
    expect(quotes).toHaveLength(draft.bottomLine.length);
    expect(htmlText(summary.lead)).toBe(draft.bottomLine.map((b) => b.text).join(' '));
    draft.bottomLine.forEach((part, i) => {
      expect(occursIn(quotes[i]!, readerText(fixture))).toBe(true);
      expect(isDeletionOf(part.text, quotes[i]!)).toBe(true);
    });
  });
});

/**
 * What a section shows that the source does not say: list items that are not a deletion of the
 * sentence their note quotes (or whose quotation is not in the source), headings that are not in the
 * source, a quotation that is not in it. The summary's lead paragraph is checked part by part above.
 */
function unfaithful(section: Section, source: string): string[] {
  const bad: string[] = [];
  const items = (list: Item[]) => {
    for (const item of list) {
      const shown = htmlText(item.html);
      const quoted = quotedIn(item.notes.join(' '));
      if (!quoted || !occursIn(quoted, source) || !isDeletionOf(shown, quoted)) bad.push(shown);
    }
  };
  if (section.kind === 'quote' && section.quote) {
    for (const text of [section.quote.html, section.quote.attribution ?? ''].map(htmlText))
      if (text && !occursIn(text, source)) bad.push(text);
    return bad;
  }
  items(section.items);
  for (const sub of section.subsections) {
    // Headings made of key terms are labels (checked word by word); the others come from the source.
    const title = htmlText(sub.title);
    const parts = sub.notes.some((n) => /key terms/.test(n)) ? title.split(' · ') : [title];
    bad.push(...parts.filter((part) => !occursIn(part, source)));
    items(sub.items);
  }
  return bad;
}

describe('the faithfulness check itself', () => {
  it('catches an added word and a reordering (controls)', async () => {
    const fixture = fixtures.find((f) => f.name === 'seed-article.txt')!;
    const { markdown } = await draftBriefing(fixture.text, { file: fixture.name });
    for (const tampered of [
      markdown.replace('Nations must reinforce border security', 'Nations must reinforce their border security'),
      markdown.replace('Nations must reinforce border security', 'Nations must reinforce security border'),
    ]) {
      expect(tampered).not.toBe(markdown);
      const { briefing } = parseBriefing(tampered, 'draft.md');
      const shown = briefing.sections.flatMap((s) => unfaithful(s, readerText(fixture)));
      expect(shown).toHaveLength(1);
    }
  });
});
