import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { isBottomLineHeading, sectionAliases } from '../../src/content/sections.js';
import { LABEL_KEYS, labelFile, Labels, labelSetFor } from '../../src/labels/index.js';

/** A briefing headed as a briefer writing in each language would head it, in the order of the kinds. */
const headings: Record<string, Record<string, string>> = {
  fr: {
    summary: 'Synthèse',
    background: 'Éléments de contexte',
    implications: 'Enjeux',
    recommendations: 'Préconisations',
    sources: 'Références',
  },
  es: {
    summary: 'Resumen',
    background: 'Antecedentes',
    implications: 'Implicaciones',
    recommendations: 'Recomendaciones',
    sources: 'Fuentes',
  },
  pt: {
    summary: 'Resumo',
    background: 'Enquadramento',
    implications: 'Implicações',
    recommendations: 'Recomendações',
    sources: 'Fontes',
  },
  de: {
    summary: 'Kernaussagen',
    background: 'Sachverhalt',
    implications: 'Bewertung',
    recommendations: 'Empfehlungen',
    sources: 'Quellen',
  },
};

/** The summary headings that name the bottom line itself, and one that does not. */
const bottomLines: Record<string, [string[], string]> = {
  fr: [['En bref', 'L’essentiel', "L'essentiel", 'À retenir'], 'Synthèse'],
  es: [['Lo esencial', 'En síntesis'], 'Resumen'],
  pt: [['O essencial', 'Em suma'], 'Resumo'],
  de: [['Das Wichtigste in Kürze', 'Kernaussage'], 'Zusammenfassung'],
};

/** Labels written the same in the language as in English (numbers, product names, shared words). */
const sameAsEnglish: Record<string, string[]> = {
  fr: ['sources', 'option', 'page'],
  es: [],
  pt: [],
  de: ['option'],
};

/** "Recommandations :" is how French typography writes a heading with a colon: a (no-break) space first. */
const colons: Record<string, string[]> = {
  fr: ['', ':', ' :', '\u00a0:'],
  es: ['', ':'],
  pt: ['', ':'],
  de: ['', ':'],
};

describe.each(Object.keys(headings))('a briefing in %s', (lang) => {
  it('is parsed from headings in its own language, with or without a colon', () => {
    for (const colon of colons[lang]!) {
      const body = Object.values(headings[lang]!).map((heading) => `## ${heading}${colon}\n\n- Text.\n`);
      const text = `---\ntitle: T\nlang: ${lang}\n---\n${body.join('\n')}`;
      const kinds = parseBriefing(text, 'x.md').briefing.sections.map((section) => section.kind);
      expect(kinds, `${lang}, "${colon}"`).toEqual(Object.keys(headings[lang]!));
    }
  });

  it('knows which summary headings name the bottom line', () => {
    const [named, plain] = bottomLines[lang]!;
    for (const heading of named) expect(isBottomLineHeading(heading, sectionAliases(lang), lang), heading).toBe(true);
    expect(isBottomLineHeading(plain, sectionAliases(lang), lang), plain).toBe(false);
  });

  it('gets its labels in its own language, not English', () => {
    const labels = new Labels({ lang });
    const english = new Labels({ lang: 'en' });
    const shared = [
      'slideNumber',
      'part',
      'citationSeparator',
      'citationEnd',
      'pdf',
      'powerPoint',
      ...sameAsEnglish[lang]!,
    ];
    for (const key of LABEL_KEYS.filter((each) => !shared.includes(each)))
      expect(labels.text(key), key).not.toBe(english.text(key));
    for (const count of [0, 1, 2, 5, 1000000])
      expect(labels.text('slideCount', { count }), `${count}`).not.toMatch(/slide/i);
  });

  it('gives a count label exactly the plural forms of the language', () => {
    const forms = Object.keys(labelSetFor(lang).labels.slideCount).sort();
    expect(forms).toEqual([...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort());
  });

  it('names no two kinds of section with one of its headings, English ones included (bottom lines are summaries)', () => {
    const own = labelFile(lang)!.sections!;
    const all = labelSetFor(lang).sections;
    // isBottomLineHeading is the heading rule itself (the alias, or the alias then a non-letter): one list at a time.
    const names = (heading: string, aliases: string[]) => isBottomLineHeading(heading, { bottomLine: aliases }, lang);
    for (const [kind, aliases] of Object.entries(own)) {
      const allowed = kind === 'bottomLine' || kind === 'summary' ? ['summary', 'bottomLine'] : [kind];
      for (const alias of aliases) {
        const kinds = Object.keys(all).filter((other) => names(alias, all[other]!));
        expect(
          kinds.filter((other) => !allowed.includes(other)),
          `${lang}: "${alias}"`,
        ).toEqual([]);
      }
    }
    for (const alias of own.bottomLine!) expect(own.summary, `${lang}: bottom line "${alias}"`).toContain(alias);
  });
});

describe('French plural forms', () => {
  it('say "0 diapositive", "2 diapositives" and "1000000 de diapositives"', () => {
    const labels = new Labels({ lang: 'fr' });
    expect([0, 2, 1000000].map((count) => labels.text('slideCount', { count }))).toEqual([
      '0 diapositive',
      '2 diapositives',
      '1000000 de diapositives',
    ]);
  });
});
