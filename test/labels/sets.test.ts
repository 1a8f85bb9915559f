import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { briefingLabels, fallbackTags, LABEL_KEYS, Labels, labelSetFor } from '../../src/labels/index.js';
import { packagePath } from '../../src/paths.js';

const folder = packagePath('labels');
const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
const read = (name: string) => parse(readFileSync(path.join(folder, name), 'utf8'));
const english = read('en.yaml');
/** The placeholders of a label (of all its plural forms: Arabic's "one slide" may leave {count} out). */
const placeholders = (text: unknown): string[] =>
  [...new Set([...JSON.stringify(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();

describe('the label sets in labels/', () => {
  it('English has exactly the keys the code knows', () => {
    expect(Object.keys(english.labels).sort()).toEqual([...LABEL_KEYS].sort());
  });

  for (const name of files) {
    it(`${name} has every key, section, tag and keyword of English, with the same placeholders`, () => {
      const set = read(name);
      expect(set.language, 'language: names the language in its own words').toEqual(expect.any(String));
      for (const key of LABEL_KEYS) {
        expect(set.labels[key], `${name}: label ${key}`).toBeDefined();
        expect(placeholders(set.labels[key]), `${name}: placeholders of ${key}`).toEqual(
          placeholders(english.labels[key]),
        );
        if (typeof set.labels[key] !== 'string') expect(set.labels[key].other, `${name}: ${key}.other`).toBeDefined();
      }
      for (const group of ['sections', 'confidence', 'keywords'])
        for (const kind of Object.keys(english[group])) {
          expect(set[group]?.[kind]?.length, `${name}: ${group}.${kind}`).toBeGreaterThan(0);
          for (const alias of set[group][kind])
            expect(alias, `${name}: ${group}.${kind} are written in lower case`).toBe(
              alias.toLocaleLowerCase(name.replace('.yaml', '')),
            );
        }
    });
  }
});

describe('choosing a label set', () => {
  it('goes from the region to the language to English', () => {
    expect(fallbackTags('en')).toEqual(['en']);
    expect(fallbackTags('pt-BR')).toEqual(['en', 'pt', 'pt-Latn', 'pt-BR']);
    expect(fallbackTags('zh-TW')).toEqual(['en', 'zh', 'zh-Hant', 'zh-TW']);
    expect(fallbackTags('ar-u-nu-latn')).toEqual(['en', 'ar']);
  });

  it('falls back to English for a language briefdeck has no file for', () => {
    expect(labelSetFor('xh').labels.bottomLine).toBe('Bottom line');
  });

  it('lets the project and then the briefing override labels, the project by language', () => {
    const labels = briefingLabels(
      { lang: 'en-GB', labels: { sources: 'Reading' } },
      { labels: { en: { bottomLine: 'BLUF', sources: 'Sources used' }, fr: { bottomLine: 'En bref' } } },
    );
    expect(labels.text('bottomLine')).toBe('BLUF');
    expect(labels.text('sources')).toBe('Reading');
    // The project's English words are not a French briefing's fallback.
    expect(briefingLabels({ lang: 'xh' }, { labels: { en: { bottomLine: 'BLUF' } } }).text('bottomLine')).toBe(
      'Bottom line',
    );
  });
});

describe('Labels', () => {
  it('fills placeholders, numbers in the locale digits, and picks plural forms', () => {
    const labels = new Labels({ lang: 'en' });
    expect(labels.text('slideNumber', { number: 3, total: 12 })).toBe('3 / 12');
    expect(labels.text('slideCount', { count: 1 })).toBe('1 slide');
    expect(labels.text('slideCount', { count: 7 })).toBe('7 slides');
    expect(new Labels({ lang: 'ar-EG' }).number(12)).toBe('١٢');
    expect(new Labels({ lang: 'ar-EG', digits: 'latin' }).number(12)).toBe('12');
    expect(new Labels({ lang: 'fa', digits: 'latin' }).date('2026-11-29')).toMatch(/29.*2026/);
  });

  it('writes dates in the Gregorian calendar unless the tag names another', () => {
    expect(new Labels({ lang: 'en' }).date('2026-11-29')).toBe('29 November 2026');
    expect(new Labels({ lang: 'en-US' }).date('2026-11-29')).toBe('November 29, 2026');
    expect(new Labels({ lang: 'fa' }).date('2026-11-29')).toContain('۲۰۲۶');
    expect(new Labels({ lang: 'fa-u-ca-persian' }).date('2026-11-29')).toContain('۱۴۰۵');
  });

  it("writes a citation with the language's separators", () => {
    const cite = (lang: string) => {
      const labels = new Labels({ lang });
      return ['T', 'A', 'P'].join(labels.text('citationSeparator')) + labels.text('citationEnd');
    };
    expect(cite('en')).toBe('T, A, P.');
    expect(cite('ar')).toBe('T، A، P.');
    expect(cite('zh')).toBe('T，A，P。');
    expect(cite('ja')).toBe('T、A、P。');
  });
});
