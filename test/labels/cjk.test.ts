import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseBriefing } from '../../src/content/parse.js';
import { Labels } from '../../src/labels/index.js';
import { packagePath } from '../../src/paths.js';

/** A briefing headed as a briefer writing in each Chinese, Japanese or Korean locale would head it. */
const headings: Record<string, [string, string, string, string]> = {
  zh: ['摘要', '影响', '建议', '资料来源'],
  'zh-TW': ['摘要', '意涵', '建議', '資料來源'],
  ja: ['要旨', '含意', '提言', '出典'],
  ko: ['요약', '시사점', '권고', '출처'],
};

const kindsOf = (lang: string, body: string) =>
  parseBriefing(`---\ntitle: T\nlang: ${lang}\n---\n${body}`, 'x.md').briefing.sections.map((section) => section.kind);

describe.each(Object.entries(headings))(
  'a briefing in %s',
  (lang, [summary, implications, recommendations, sources]) => {
    it('is parsed from headings in its own language, with a full-width or a plain colon too', () => {
      const body = `## ${summary}：\n\nText.\n\n## ${implications}:\n\n- A.\n\n## ${recommendations}\n\n- B.\n\n## ${sources}：\n\n- C.\n`;
      expect(kindsOf(lang, body)).toEqual(['summary', 'implications', 'recommendations', 'sources']);
    });

    it('reads a qualifier after the heading in brackets, full-width or not, as the same section', () => {
      const body = `## ${summary}\n\nText.\n\n## ${implications}（2026）\n\n- A.\n\n## ${recommendations} (1)\n\n- B.\n`;
      expect(kindsOf(lang, body)).toEqual(['summary', 'implications', 'recommendations']);
    });

    it('gets its labels in its own language, not English', () => {
      const labels = new Labels({ lang });
      const english = new Labels({ lang: 'en' });
      for (const key of ['bottomLine', 'sources', 'speakerNotes', 'draft', 'nextSlide', 'keyJudgments'] as const)
        expect(labels.text(key), key).not.toBe(english.text(key));
      expect(labels.text('slideCount', { count: 1 })).not.toMatch(/slide/i);
      expect(labels.text('slideCount', { count: 5 })).toMatch(/^[^a-z]*5[^a-z]*$/i);
    });
  },
);

describe('a heading in lenticular brackets, as Chinese and Japanese documents write them', () => {
  it('names the section its words name, a qualifier after it too', () => {
    expect(kindsOf('zh', `## 【摘要】\n\nText.\n\n## 【影响】对俄罗斯\n\n- A.\n\n## 【建议】\n\n- B.\n`)).toEqual([
      'summary',
      'implications',
      'recommendations',
    ]);
    expect(kindsOf('ja', `## 【概要】\n\nText.\n\n## 【含意】\n\n- A.\n\n## 【提言】筆者\n\n- B.\n`)).toEqual([
      'summary',
      'implications',
      'recommendations',
    ]);
  });
});

describe('Chinese headings and words', () => {
  it('take a word joined to a heading as another heading: 建议（作者） is the recommendations, 建议书 is not', () => {
    const body = `## 摘要\n\nText.\n\n## 影响\n\n- A.\n\n## 建议（作者）\n\n- B.\n\n## 建议书\n\n- C.\n`;
    expect(kindsOf('zh', body)).toEqual(['summary', 'implications', 'recommendations', 'generic']);
  });

  it('missing, are asked for in Chinese, with the near miss named', () => {
    expect(() => kindsOf('zh', `## 摘要\n\nText.\n\n## 影响\n\n- A.\n\n## 建议书\n\n- B.\n`)).toThrow(
      /missing the required section "## 建议".*did you mean "## 建议"\?/,
    );
  });

  it('are Traditional in Taiwan, Hong Kong and zh-Hant, and Simplified otherwise', () => {
    for (const lang of ['zh-TW', 'zh-HK', 'zh-Hant'])
      expect([new Labels({ lang }).text('nextSlide'), new Labels({ lang }).text('speakerNotes')], lang).toEqual([
        '下一張投影片',
        '演講者備忘稿',
      ]);
    for (const lang of ['zh', 'zh-CN', 'zh-SG'])
      expect(new Labels({ lang }).text('nextSlide'), lang).toBe('下一张幻灯片');
  });

  it('in Taiwan accept Simplified headings as well', () => {
    const body = `## 摘要\n\nText.\n\n## 影响\n\n- A.\n\n## 建议\n\n- B.\n`;
    expect(kindsOf('zh-TW', body)).toEqual(['summary', 'implications', 'recommendations']);
  });
});

describe.each([['zh'], ['zh', 'zh-Hant'], ['ja'], ['ko']])('the headings of labels/%s.yaml (and %s)', (...tags) => {
  const sections: Record<string, string[]>[] = tags.map(
    (tag) => parse(readFileSync(packagePath('labels', `${tag}.yaml`), 'utf8')).sections,
  );

  it('name one kind each, whether or not the content stage reads that kind yet', () => {
    const owner = new Map<string, string>();
    for (const set of sections)
      for (const [kind, aliases] of Object.entries(set).filter(([kind]) => kind !== 'bottomLine'))
        for (const alias of aliases) {
          expect(owner.get(alias) ?? kind, `"${alias}" is both ${owner.get(alias)} and ${kind}`).toBe(kind);
          owner.set(alias, kind);
        }
  });

  it('that name a bottom line are summary headings', () => {
    for (const set of sections) expect(set.summary).toEqual(expect.arrayContaining(set.bottomLine!));
  });
});
