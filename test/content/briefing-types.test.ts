import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { errorOf } from './parse-error.js';

const SUMMARY = '## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n';
const DECISION_BODY = [
  SUMMARY,
  '## Options\n',
  '### Buy jammers\n',
  'Portable jammers for each site.\n',
  '- Pro: fielded within weeks',
  '- **Con:** blocks our own radios too',
  '- **Cost**: £2m a year',
  '- Needs a spectrum licence\n',
  '### Wait\n',
  '- Advantages: no spending',
  '- Risks: another incursion\n',
  '## Recommendation\n',
  'Buy jammers for the two busiest sites.\n',
].join('\n');

function front(fields: string): string {
  return `---\ntitle: T\n${fields}---\n`;
}

/** The line of the file `text` on which `needle` first appears (1-based). */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('type: in front matter', () => {
  it('is article unless it says otherwise', () => {
    const { briefing } = parseBriefing(`${front('')}${SUMMARY}## Recommendations\n\n1. Act.\n`, 'x.md');
    expect(briefing.meta.type).toBe('article');
  });

  it('refuses an unknown type at its line, with the nearest one', () => {
    const text = `${front('date: 2026-01-01\ntype: decison\n')}${SUMMARY}`;
    const error = errorOf(text);
    expect(error.location).toEqual({ file: 'content/x.md', line: 4 });
    expect(error.what).toBe(
      'front matter: "type" must be article, information or decision, not "decison" — did you mean "decision"?',
    );
    expect(error.hint).toContain('information recommends nothing');
  });
});

describe('an information briefing', () => {
  it('needs no recommendations', () => {
    const { briefing } = parseBriefing(`${front('type: information\n')}${SUMMARY}`, 'x.md');
    expect(briefing.meta.type).toBe('information');
    expect(briefing.sections.map((s) => s.kind)).toEqual(['summary', 'implications']);
  });

  it('refuses a recommendations section at its heading', () => {
    const text = `${front('type: information\n')}${SUMMARY}\n## Recommendations\n\n1. Act.\n`;
    const error = errorOf(text);
    expect(error.location?.line).toBe(lineOf(text, '## Recommendations'));
    expect(error.what).toBe('an information briefing carries no recommendations ("## Recommendations")');
    expect(error.hint).toBe("remove the section, or set `type: article` (the author's) or `type: decision` (yours)");
  });

  it("refuses the briefer's own recommendation too", () => {
    const text = `${front('type: information\n')}${SUMMARY}\n## Our recommendation\n\nAct.\n`;
    expect(errorOf(text).location?.line).toBe(lineOf(text, '## Our recommendation'));
  });
});

describe('a decision briefing', () => {
  it('groups each option’s items by their keyword, the keyword taken off, the rest its description', () => {
    const { briefing } = parseBriefing(`${front('type: decision\n')}${DECISION_BODY}`, 'x.md');
    const options = briefing.sections.find((s) => s.kind === 'options')!;
    expect(options.subsections.map((o) => o.title)).toEqual(['Buy jammers', 'Wait']);
    const [buy, wait] = options.subsections;
    expect(buy!.lead).toBe('<p>Portable jammers for each site.</p>');
    expect(buy!.items.map((i) => i.html)).toEqual(['Needs a spectrum licence']);
    expect(buy!.groups).toMatchObject({
      pro: [{ html: 'fielded within weeks' }],
      con: [{ html: 'blocks our own radios too' }],
      cost: [{ html: '£2m a year' }],
    });
    // Aliases from labels/en.yaml `keywords:`.
    expect(wait!.groups!.pro.map((i) => i.html)).toEqual(['no spending']);
    expect(wait!.groups!.con.map((i) => i.html)).toEqual(['another incursion']);
    expect(wait!.groups!.cost).toEqual([]);
    expect(briefing.sections.at(-1)!.kind).toBe('recommendation');
  });

  it('may carry the source author’s recommendations as well', () => {
    const { briefing } = parseBriefing(
      `${front('type: decision\n')}${DECISION_BODY}\n## Recommendations\n\n1. Act.\n`,
      'x.md',
    );
    expect(briefing.sections.map((s) => s.kind)).toEqual([
      'summary',
      'implications',
      'options',
      'recommendation',
      'recommendations',
    ]);
  });

  it('reads keywords in the briefing’s language', () => {
    const text = `${front('type: decision\nlang: ar\n')}${DECISION_BODY.replace('- Pro: fielded', '- المزايا: fielded')}`;
    const { briefing } = parseBriefing(text, 'x.md');
    const buy = briefing.sections.find((s) => s.kind === 'options')!.subsections[0]!;
    expect(buy.groups!.pro.map((i) => i.html)).toEqual(['fielded within weeks']);
  });

  it('names a missing Options or Recommendation section, with the accepted headings', () => {
    const noOptions = errorOf(`${front('type: decision\n')}${SUMMARY}\n## Recommendation\n\nAct.\n`);
    expect(noOptions.what).toBe('missing the required section "## Options" of a decision briefing');
    expect(noOptions.hint).toBe('add it (accepted headings: Options, Courses of action, Coas)');
    expect(noOptions.location?.file).toBe('content/x.md');
    const noRecommendation = errorOf(`${front('type: decision\n')}${DECISION_BODY.split('## Recommendation')[0]}`);
    expect(noRecommendation.what).toBe('missing the required section "## Recommendation" of a decision briefing');
    expect(noRecommendation.hint).toContain('Our recommendation');
  });

  it('refuses an Options section with no `###` option, at its heading', () => {
    const text = `${front('type: decision\n')}${SUMMARY}\n## Options\n\n- Buy.\n\n## Recommendation\n\nAct.\n`;
    const error = errorOf(text);
    expect(error.location?.line).toBe(lineOf(text, '## Options'));
    expect(error.hint).toContain('`### Title`');
  });
});

describe('key judgments', () => {
  const body = (items: string) =>
    `${front('')}## Summary\n\nB.\n\n## Key judgments\n\n${items}\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n`;

  it('are a section of their own, each item with its confidence tag taken off', () => {
    const { briefing } = parseBriefing(
      body('- [high] The cell had help.\n- [Medium] It planned to flee.\n- [low] **More** plots.\n- No tag.'),
      'x.md',
    );
    const judgments = briefing.sections[1]!;
    expect(judgments.kind).toBe('judgments');
    expect(judgments.items.map((i) => [i.confidence, i.html])).toEqual([
      ['high', 'The cell had help.'],
      ['moderate', 'It planned to flee.'],
      ['low', '<strong>More</strong> plots.'],
      [undefined, 'No tag.'],
    ]);
  });

  it('refuse an unknown tag at its line, with the nearest accepted one', () => {
    const text = body('- [high] One.\n- [hihg] Two.');
    const error = errorOf(text);
    expect(error.location?.line).toBe(lineOf(text, '- [hihg]'));
    expect(error.what).toBe('unknown confidence level "[hihg]"');
    expect(error.hint).toBe('did you mean "[high]"? (accepted: [high], [moderate], [medium], [low])');
    expect(errorOf(body('- [certain] One.')).hint).toBe(
      'write one of them, or no tag (accepted: [high], [moderate], [medium], [low])',
    );
  });

  it('read tags in the briefing’s language', () => {
    const { briefing } = parseBriefing(body('- [عالية] One.').replace('title: T', 'title: T\nlang: ar'), 'x.md');
    expect(briefing.sections[1]!.items[0]!.confidence).toBe('high');
  });
});

describe('a briefing whose summary was headed "Key judgments"', () => {
  it('is told at that heading that it now heads the key judgments, not the summary', () => {
    const text =
      '---\ntitle: T\n---\n\n## Key judgments\n\n- [high] A.\n\n## Implications\n\n- B.\n\n## Recommendations\n\n1. C.\n';
    const error = errorOf(text);
    expect(error.message).toMatch(
      /missing the required section "## Summary": "## Key judgments" heads the key judgments/,
    );
    expect(error.hint).toMatch(/^add a summary before it \(accepted headings: Summary, /);
    expect(error.location?.line).toBe(5);
  });
});
