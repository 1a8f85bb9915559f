import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseBriefing } from '../../src/content/parse.js';
import { Labels } from '../../src/labels/index.js';
import { packagePath } from '../../src/paths.js';

/** A briefing headed as a briefer writing in Turkish, Russian or Ukrainian would head it. */
const headings: Record<string, [string, string, string, string, string]> = {
  tr: ['Özet', 'Çıkarımlar', 'Öneriler', 'Arka plan', 'Kaynaklar'],
  ru: ['Выводы', 'Последствия для России', 'Рекомендации', 'Предыстория', 'Источники'],
  uk: ['Висновки', 'Наслідки', 'Рекомендації', 'Передісторія', 'Джерела'],
};

/** `slideCount` for 1, 3, 5, 21 and 1.5 slides (a fraction: Russian and Ukrainian "other"), as each language writes it. */
const slideCounts: Record<string, string[]> = {
  tr: ['1 slayt', '3 slayt', '5 slayt', '21 slayt', '1,5 slayt'],
  ru: ['1 слайд', '3 слайда', '5 слайдов', '21 слайд', '1,5 слайда'],
  uk: ['1 слайд', '3 слайди', '5 слайдів', '21 слайд', '1,5 слайда'],
};

function kinds(lang: string, sectionHeadings: string[]): string[] {
  const body = sectionHeadings.map((heading) => `## ${heading}\n\n- Text.\n`).join('\n');
  const text = `---\ntitle: T\nlang: ${lang}\n---\n${body}`;
  return parseBriefing(text, 'x.md').briefing.sections.map((section) => section.kind);
}

describe.each(Object.entries(headings))(
  'a briefing in %s',
  (lang, [summary, implications, recommendations, background, sources]) => {
    it('is parsed from headings in its own language, with a colon after them too', () => {
      const expected = ['summary', 'implications', 'recommendations', 'background', 'sources'];
      expect(kinds(lang, [summary, implications, recommendations, background, sources])).toEqual(expected);
      expect(kinds(lang, [`${summary}:`, `${implications}:`, recommendations, `${background}:`, sources])).toEqual(
        expected,
      );
    });

    it('gets its labels in its own language, not English', () => {
      const labels = new Labels({ lang });
      const english = new Labels({ lang: 'en' });
      for (const key of ['bottomLine', 'sources', 'speakerNotes', 'draft', 'nextSlide', 'keyJudgments'] as const)
        expect(labels.text(key), key).not.toBe(english.text(key));
    });

    it('counts slides in the plural forms of its language', () => {
      const labels = new Labels({ lang });
      expect([1, 3, 5, 21, 1.5].map((count) => labels.text('slideCount', { count }))).toEqual(slideCounts[lang]);
    });

    it('names key judgments, options and recommendations with headings that name no other kind', () => {
      const { sections } = parse(readFileSync(path.join(packagePath('labels'), `${lang}.yaml`), 'utf8'));
      const owner = new Map<string, string>();
      for (const [kind, aliases] of Object.entries(sections as Record<string, string[]>)) {
        // bottomLine is not a kind: it picks out the summary headings that name its first paragraph.
        if (kind === 'bottomLine') continue;
        for (const alias of aliases) {
          expect(owner.get(alias), `"${alias}" is both ${owner.get(alias)} and ${kind}`).toBeUndefined();
          owner.set(alias, kind);
        }
      }
      for (const alias of sections.bottomLine) expect(owner.get(alias), `bottomLine "${alias}"`).toBe('summary');
    });
  },
);

describe('Turkish headings', () => {
  it('are read lower-cased in Turkish: İ is i, I is ı, whatever the capitals', () => {
    expect(kinds('tr', ['ÖZET', 'ÇIKARIMLAR', 'ÖNERİLER', 'ARKA PLAN BİLGİSİ', 'KAYNAKÇA'])).toEqual([
      'summary',
      'implications',
      'recommendations',
      'background',
      'sources',
    ]);
    expect(
      kinds('tr-TR', ['Yönetici Özeti:', 'Olası Etkiler', 'Politika Önerileri:', 'Bağlam', 'İleri Okuma']),
    ).toEqual(['summary', 'implications', 'recommendations', 'background', 'sources']);
  });

  it('leave a closing «Sonuç ve öneriler» (conclusion) an ordinary section, not a second summary or implications', () => {
    expect(kinds('tr', ['Özet', 'Sonuçlar', 'Öneriler', 'Sonuç ve öneriler'])).toEqual([
      'summary',
      'implications',
      'recommendations',
      'generic',
    ]);
  });
});

describe('a Turkish briefing headed in English', () => {
  it('is parsed, capital I and all (English headings lower-case the English way)', () => {
    const text =
      '---\ntitle: T\nlang: tr\n---\n## Summary\n\nText.\n\n## Implications\n\n- A.\n\n## RECOMMENDATIONS\n\n- B.\n';
    expect(parseBriefing(text, 'x.md').briefing.sections.map((s) => s.kind)).toEqual([
      'summary',
      'implications',
      'recommendations',
    ]);
  });
});
