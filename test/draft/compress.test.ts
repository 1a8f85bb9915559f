import { beforeAll, describe, expect, it } from 'vitest';
import type { Sentence } from '../../src/draft/article.js';
import { leansOnPrevious, shorten } from '../../src/draft/compress.js';
import { draftBriefing } from '../../src/draft/index.js';
import { fixtures } from './helpers.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
/** Words and punctuation marks, lower-cased: the units a deletion may drop but never change or reorder. */
const tokens = (text: string) => [...segmenter.segment(text)].map((s) => s.segment).filter((s) => s.trim() !== '');
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Written independently of the shortener: `short` is `long` with tokens deleted (the same words and
 * punctuation marks, in the same order). Allowed besides: the first word capitalised, and a full
 * stop at the end in place of what was cut.
 */
function isDeletionOf(short: string, long: string): boolean {
  const mine = tokens(short);
  const source = tokens(long);
  if (mine.at(-1) === '.' && source.at(-1) !== '.') mine.pop();
  let at = 0;
  for (const t of source) if (at < mine.length && (mine[at] === t || (at === 0 && mine[0] === capitalised(t)))) at++;
  return mine.length > 0 && at === mine.length;
}

const NEGATION = /\b(?:not|no|never|nor|neither|none|nobody|nothing|cannot|without)\b|n[’']t\b/gi;
const count = (pattern: RegExp, text: string) => text.match(pattern)?.length ?? 0;

const digits = (text: string) =>
  tokens(text)
    .filter((t) => /\d/.test(t))
    .join(' ');
/** Punctuation a cut can leave behind: " ,", ",.", "()". Counted against the source, which may hold some (French " :"). */
const STRAY = /\s[,.;]|,[.;:]|\(\s*\)/g;

const sentences: { file: string; language: string; sentence: Sentence }[] = [];
beforeAll(async () => {
  for (const f of fixtures) {
    const draft = await draftBriefing(f.text, { file: f.name });
    const language = (f.expected as { language?: string }).language ?? 'en';
    sentences.push(...draft.sentences.map((sentence) => ({ file: f.name, language, sentence })));
  }
});

const seed = (start: string) => {
  const found = sentences.find((s) => s.file === 'seed-article.txt' && s.sentence.text.startsWith(start));
  if (!found) throw new Error(`no seed sentence starts with "${start}"`);
  return found.sentence;
};

describe('shorten: on every sentence of every fixture', () => {
  it('is the source with words deleted, keeps the numbers and negations of what it keeps, and fits when it says so', () => {
    expect(sentences.length).toBeGreaterThan(200);
    const problems: string[] = [];
    for (const maxWords of [25, 15]) {
      for (const { file, language, sentence } of sentences) {
        const out = shorten(sentence, { maxWords, language });
        const source = sentence.text;
        const scaffolds = out.removed.filter((r) => /^,?\s*not (?:just|only|merely|simply)\b/.test(r)).length;
        // A whole trailing clause of purpose, reason or accompaniment may go with its negations and
        // figures: they qualify that clause, not the one kept.
        const clauses = out.removed.filter((r) =>
          /^,?\s*(?:because|since|so that|so as to|in order to|with)\b/.test(r),
        );
        const keptOf = (text: string) => clauses.reduce((rest, clause) => rest.replace(clause, ' '), text);
        const why = [
          !isDeletionOf(out.text, source) && 'not a deletion',
          out.fits !== out.words <= maxWords && 'fits is wrong',
          digits(out.text) !== digits(keptOf(source)) && 'lost a number',
          count(NEGATION, out.text) !== count(NEGATION, keptOf(source)) - scaffolds && 'lost a negation',
          count(STRAY, out.text) > count(STRAY, source) && 'left stray punctuation',
          /^\p{Lu}/u.test(source) && !/^[\p{Lu}\d]/u.test(out.text) && 'lost its capital',
          out.removed.length > 0 && !/[.!?]["”’)]?$/.test(out.text) && 'does not end as a sentence',
        ].filter(Boolean);
        if (why.length) problems.push(`${file} (max ${maxWords}): ${why.join(', ')}: "${source}" → "${out.text}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gets half the English sentences over 25 words under 25, and changes nothing in a short sentence without a connective', () => {
    const english = sentences.filter(({ language }) => language === 'en');
    const long = english.filter(({ sentence }) => shorten(sentence, { maxWords: 1000 }).words > 25);
    const fit = long.filter(({ sentence }) => shorten(sentence).fits);
    expect(long.length).toBeGreaterThan(30);
    expect(fit.length / long.length).toBeGreaterThanOrEqual(0.45);
    const short = sentences.find(({ sentence }) =>
      sentence.text.startsWith('The Taliban government has consistently'),
    )!;
    expect(shorten(short.sentence)).toMatchObject({ text: short.sentence.text, removed: [], fits: true });
  });
});

describe('shorten: the seed', () => {
  it('cuts a non-restrictive "which" clause between commas', () => {
    const out = shorten(seed('Russia, which has been actively involved'));
    expect(out.text).toBe(
      'Russia now faces the challenge of ISKP-affiliated actors attempting to sow discord and violence within its territory.',
    );
    expect(out).toMatchObject({ words: 18, fits: true, leans: false });
  });

  it('drops a leading connective whatever the length, and says which', () => {
    const out = shorten(seed('Furthermore, the situation raises'));
    expect(out.text).toBe(
      'The situation raises pressing questions about the effectiveness of counterterrorism coordination between global powers.',
    );
    expect(out).toMatchObject({ removed: ['Furthermore,'], connectives: ['Furthermore'], leans: false });
    expect(shorten(seed('From a broader perspective,')).text).toMatch(/^The presence of ISKP-linked individuals/);
  });

  it('flags "However, concrete evidence … challenges those claims" as leaning on the sentence before', () => {
    const out = shorten(seed('However, concrete evidence'));
    expect(out.text).toBe('Concrete evidence, such as this Moscow attack plot, challenges those claims.');
    expect(out.leans).toBe(true);
    expect(shorten(seed('However, concrete evidence'), { maxWords: 6 })).toMatchObject({
      text: 'Concrete evidence challenges those claims.',
      fits: true,
      leans: true,
    });
  });

  it('cuts an aside between commas before the verb, and trailing participles and examples', () => {
    expect(shorten(seed('The international community, particularly')).text).toBe(
      'The international community has been closely monitoring developments in Afghanistan to assess the extent to which terrorist groups are leveraging its territory for their operations.',
    );
    expect(shorten(seed('The Moscow incident serves')).text).toBe(
      'The Moscow incident serves as a catalyst for renewed counterterrorism collaboration.',
    );
    expect(shorten(seed('The individual was reportedly')).text).toBe(
      'The individual was reportedly in the final stages of executing an attack targeting a synagogue and a subway system.',
    );
  });

  it('keeps the choice a dash spells out, and cuts the introductory phrase instead', () => {
    const out = shorten(seed('Already facing severe economic challenges'));
    expect(out.text).toMatch(
      /^The Taliban government must make a decisive choice—either .* or risk alienating potential international partners\.$/,
    );
    expect(out.fits).toBe(true);
  });

  it('says when it cannot fit without breaking the sentence', () => {
    const out = shorten(seed('The fact that an operative managed'));
    expect(out.fits).toBe(false);
    expect(out.words).toBeGreaterThan(25);
    expect(out.text).toBe(seed('The fact that an operative managed').text);
  });
});

describe('shorten: what it keeps', () => {
  it('keeps hedges', () => {
    const out = shorten(
      'Analysts say that the sanctions could, in turn, likely weaken the regime’s finances over the coming decade, which officials dispute.',
      { maxWords: 12 },
    );
    expect(out.text).toBe('The sanctions could likely weaken the regime’s finances over the coming decade.');
    expect(
      shorten('The grid appears to be fragile, according to the operator, which has warned of outages.', {
        maxWords: 8,
      }).text,
    ).toBe('The grid appears to be fragile.');
  });

  it('keeps negations, and never cuts a part that holds one or a number', () => {
    const out = shorten(
      'The Taliban government, which has ruled Afghanistan since the withdrawal, has not curbed terrorist groups, despite its repeated promises to regional partners.',
      { maxWords: 10 },
    );
    expect(out.text).toBe('The Taliban government has not curbed terrorist groups.');
    expect(
      shorten('Wind and solar have filled much of the gap, though not at 7 p.m. on a still summer evening.', {
        maxWords: 8,
      }),
    ).toMatchObject({
      fits: false,
      removed: [],
    });
  });

  it('does not cut a list item as if it were an aside', () => {
    const out = shorten(
      'Despite Russia, China and Iran’s efforts, the group continues to recruit across the region and beyond it.',
      {
        maxWords: 12,
      },
    );
    expect(out.text).not.toMatch(/^China/);
    expect(out.fits).toBe(false);
  });

  it('does not take a series comma for the end of an aside', () => {
    expect(
      shorten(
        'Regional governments should tie part of their transport grants to service frequency rather than to the number of routes operated, which currently rewards sprawling, infrequent networks.',
      ).text,
    ).toBe(
      'Regional governments should tie part of their transport grants to service frequency rather than to the number of routes operated.',
    );
    expect(
      shorten(
        'Authorities must close illegal wells, starting with the largest, because a cap that is not enforced is worse than no cap.',
        {
          maxWords: 18,
        },
      ).text,
    ).toBe('Authorities must close illegal wells because a cap that is not enforced is worse than no cap.');
  });

  it('drops reporting frames and fillers, but not a critic’s', () => {
    expect(shorten('It is worth noting that the plan has never been tested.').text).toBe(
      'The plan has never been tested.',
    );
    expect(shorten('The report argues that utilities may need to raise bills by a third.', { maxWords: 10 }).text).toBe(
      'Utilities may need to raise bills by a third.',
    );
    expect(
      shorten('Critics argue that the subsidy will be wasted on projects that were never viable.', { maxWords: 10 })
        .fits,
    ).toBe(false);
  });

  it('drops another language’s leading connective from its cue table', () => {
    expect(shorten('Enfin, l’État doit publier les chiffres chaque année.', { language: 'fr' })).toMatchObject({
      text: 'L’État doit publier les chiffres chaque année.',
      connectives: ['Enfin'],
    });
  });

  it('leaves other languages alone but for brackets', () => {
    const out = shorten('Le gouvernement (qui nie tout) doit agir, estime le rapport.', {
      maxWords: 7,
      language: 'fr',
    });
    expect(out.text).toBe('Le gouvernement doit agir, estime le rapport.');
  });
});

describe('leansOnPrevious', () => {
  it.each([
    ['This reinforces existing fears that Afghanistan is not curbing terrorism.', true],
    ['It suggests that extremists view the country as a sanctuary.', true],
    ['Such developments are contrary to the Taliban’s repeated claims.', true],
    ['Concrete evidence challenges those claims.', true],
    ['The latter has more agents than the agency.', true],
    ['However, the Taliban government denies it.', true],
    ['It is clear that the route is not yet viable.', false],
    ['The situation raises pressing questions about coordination.', false],
    ['Moreover, the killing of the suspect is a stark reminder.', false],
    ['The ideological appeal of ISKP continues to attract recruits who are willing to act.', false],
    ['Those who report suspicious activity serve as an early warning.', false],
    ['Greater scrutiny should be placed on flows such as donations.', false],
  ])('%s → %s', (text, expected) => {
    expect(leansOnPrevious(text)).toBe(expected);
  });

  it('is true when the removed connective carried the link', () => {
    expect(leansOnPrevious('Concrete evidence matters.', 'However')).toBe(true);
    expect(leansOnPrevious('Concrete evidence matters.', ['Furthermore'])).toBe(false);
  });
});
