import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { Labels } from '../../src/labels/index.js';

/** A briefing headed as a briefer writing in each right-to-left language would head it. */
const headings: Record<string, [string, string, string, string]> = {
  ar: ['الخلاصة', 'التداعيات', 'التوصيات', 'المصادر'],
  fa: ['خلاصه', 'پیامدها', 'توصیه‌ها', 'منابع'],
  ps: ['لنډیز', 'اغېزې', 'سپارښتنې', 'سرچینې'],
  ur: ['خلاصہ', 'مضمرات', 'سفارشات', 'ذرائع'],
  he: ['תקציר', 'השלכות', 'המלצות', 'מקורות'],
};

describe.each(Object.entries(headings))(
  'a briefing in %s',
  (lang, [summary, implications, recommendations, sources]) => {
    it('is parsed from headings in its own language', () => {
      const text = `---\ntitle: T\nlang: ${lang}\n---\n## ${summary}\n\nText.\n\n## ${implications}:\n\n- A.\n\n## ${recommendations}\n\n- B.\n\n## ${sources}\n\n- C.\n`;
      const kinds = parseBriefing(text, 'x.md').briefing.sections.map((section) => section.kind);
      expect(kinds).toEqual(['summary', 'implications', 'recommendations', 'sources']);
    });

    it('gets its labels in its own language, not English', () => {
      const labels = new Labels({ lang });
      const english = new Labels({ lang: 'en' });
      for (const key of ['bottomLine', 'sources', 'speakerNotes', 'draft', 'nextSlide'] as const)
        expect(labels.text(key), key).not.toBe(english.text(key));
      expect(labels.text('slideCount', { count: 5 })).not.toMatch(/slide/);
    });
  },
);
