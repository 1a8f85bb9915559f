// Right-to-left (Arabic, Dari, Pashto), CJK and emoji text must render with the fonts the deck ships,
// not with whatever the machine has (a machine without them shows boxes), in the deck and in the PDF.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/batch.js';
import { deckSuite, fontsDrawing, pdfFontNames, pdfFonts, pdfText, SAMPLE } from '../helpers.js';

const DARI = 'تهدید داعش خراسان در حال افزایش است';
const PASHTO = 'د افغانستان امنیت ته ګواښ';
const ARABIC = 'التهديد في أفغانستان يتزايد';
const CHINESE = '伊斯兰国呼罗珊省的威胁';
const JAPANESE = '日本語の箇条書き';
const KOREAN = '한국어 요약';

const MIXED = `---
title: "ISKP recruitment in Khorasan 🚨"
date: 2026-01-15
author: Test Author
---

## Summary

The group's messaging reaches audiences in several languages.

- Dari: ${DARI}
- Pashto: ${PASHTO}
- ${ARABIC}
- Chinese: ${CHINESE}, Japanese: ${JAPANESE}
- Korean: ${KOREAN} 🎉

## Implications

- An implication.

## Recommendations

1. Do this.
`;

const RTL = `---
title: "مؤامرة داعش خراسان في موسكو"
date: 2026-01-15
author: فريق التحليل
lang: ar
---

## Summary

الخلاصة: خطط التنظيم لهجوم في موسكو.

- أحبطت الأجهزة الأمنية المؤامرة قبل تنفيذها.

## Implications

- يتزايد خطر الهجمات في أوروبا.

## Recommendations

1. تعزيز تبادل المعلومات.
`;

describe('international text: right-to-left, CJK and emoji', () => {
  const suite = deckSuite(async ({ dir, out }) => {
    await writeFile(path.join(dir, 'mixed.md'), MIXED);
    await writeFile(path.join(dir, 'rtl.md'), RTL);
    await writeFile(path.join(dir, 'latin.md'), await readFile(SAMPLE, 'utf8'));
    // Two decks of one template whose Arabic uses different letters, printed one after the other in one tab.
    for (const [name, phrase] of [
      ['arabic-a', 'سلام'],
      ['arabic-b', 'ټول ګواښ ژوند'],
    ]) {
      await writeFile(
        path.join(dir, `${name}.md`),
        MIXED.replace(`- ${ARABIC}`, `- ${phrase}`).replace(/^- (Dari|Pashto|Chinese|Korean).*$/gm, ''),
      );
    }
    const result = await build({ paths: [dir], outDir: out, cwd: dir, concurrency: 1 });
    expect(result.errors).toEqual([]);
  }, 180_000);
  const { open } = suite;

  it('copies only the script font subsets the text needs', async () => {
    const latin = await readdir(path.join(suite.out, 'latin', 'assets', 'fonts'));
    expect(latin.filter((name) => name.startsWith('noto-'))).toEqual([]);
    const mixed = await readdir(path.join(suite.out, 'mixed', 'assets', 'fonts'));
    for (const family of ['noto-sans-arabic-arabic', 'noto-sans-sc-', 'noto-sans-kr-', 'noto-emoji-']) {
      expect(
        mixed.some((name) => name.startsWith(family)),
        family,
      ).toBe(true);
    }
    // Noto Sans SC alone has 101 subsets per weight; a few sentences need a handful.
    expect(mixed.filter((name) => name.startsWith('noto-sans-sc-')).length).toBeLessThan(30);
    const rtl = await readdir(path.join(suite.out, 'rtl', 'assets', 'fonts'));
    expect(
      rtl.filter((name) => name.startsWith('noto-')).every((name) => name.startsWith('noto-sans-arabic-arabic-')),
    ).toBe(true);
  });

  it('draws every script with the fonts shipped in the deck, never a system font', async () => {
    const page = await open('mixed');
    try {
      const expectations: Array<[string, string, string[]]> = [
        ['li', DARI, ['Noto Sans Arabic']],
        ['li', PASHTO, ['Noto Sans Arabic']],
        ['li', ARABIC, ['Noto Sans Arabic']],
        ['li', CHINESE, ['Noto Sans SC']],
        ['li', KOREAN, ['Noto Sans KR', 'Noto Emoji']],
        ['h1', 'ISKP recruitment', ['Noto Emoji']],
      ];
      for (const [selector, text, families] of expectations) {
        const fonts = await fontsDrawing(page, selector, text);
        expect(
          fonts.filter((font) => !font.isCustomFont),
          `${text}: system fonts used`,
        ).toEqual([]);
        // Variable fonts report their default instance, e.g. "Noto Sans SC Thin".
        for (const family of families)
          expect(
            fonts.some((font) => font.familyName.startsWith(family)),
            `${text}: ${family}`,
          ).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it('embeds no system font in any PDF of the batch, also when a tab is reused between decks', () => {
    for (const slug of ['arabic-a', 'arabic-b', 'latin', 'mixed', 'rtl']) {
      const names = pdfFontNames(path.join(suite.out, slug, `${slug}.pdf`));
      expect(names.length, slug).toBeGreaterThan(0);
      expect(
        names.filter((name) => !/^(SourceSans3|SourceSerif4|Noto)/.test(name)),
        slug,
      ).toEqual([]);
    }
  });

  it('embeds the script fonts in the PDF, whose text reads back', () => {
    const pdf = path.join(suite.out, 'mixed', 'mixed.pdf');
    const fonts = pdfFonts(pdf);
    for (const font of ['NotoSansArabic', 'NotoSansSC', 'NotoSansKR', 'NotoEmoji']) expect(fonts).toContain(font);
    const text = pdfText(pdf);
    for (const phrase of [CHINESE, JAPANESE, KOREAN, '🎉', '🚨']) expect(text).toContain(phrase);
    // pdftotext splits Arabic words where the glyph runs break; the letters and their order survive.
    const letters = text.replace(/\s+/g, '');
    for (const phrase of [DARI, PASHTO, ARABIC]) expect(letters).toContain(phrase.replace(/\s+/g, ''));
  });

  it('sets an Arabic bullet in an English deck from the right, as dir="auto" would', async () => {
    const page = await open('mixed');
    try {
      const gaps = await page.evaluate((arabic) => {
        const item = [...document.querySelectorAll('li')].find((li) => li.textContent === arabic)!;
        const frame = item.closest('.slide__frame')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(item);
        const text = range.getBoundingClientRect();
        return {
          right: frame.right - text.right,
          left: text.left - frame.left,
          direction: getComputedStyle(item).direction,
        };
      }, ARABIC);
      expect(gaps.right).toBeLessThan(gaps.left);
      expect(gaps.direction).toBe('rtl'); // so its bullet sits on the right too
    } finally {
      await page.close();
    }
  });

  it('lays out a right-to-left briefing from the right, dates in its language', async () => {
    const html = await readFile(path.join(suite.out, 'rtl', 'index.html'), 'utf8');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toMatch(/(15|١٥) يناير (2026|٢٠٢٦)/); // 2026-01-15 in Arabic: digits depend on the ICU version
    const page = await open('rtl');
    try {
      const layout = await page.evaluate(() => {
        const slide = document.querySelector<HTMLElement>('section.slide--summary')!;
        const frame = slide.querySelector('.slide__frame')!.getBoundingClientRect();
        const item = slide.querySelector('li')!;
        const range = document.createRange();
        range.selectNodeContents(item);
        const text = range.getBoundingClientRect();
        const number = getComputedStyle(slide.querySelector('.slide__number')!).direction; // "2 / 4" must not read "4 / 2"
        return {
          direction: getComputedStyle(item).direction,
          gapRight: frame.right - text.right,
          gapLeft: text.left - frame.left,
          number,
        };
      });
      expect(layout.direction).toBe('rtl');
      expect(layout.gapRight).toBeLessThan(80); // text starts at the right edge (after the bullet)
      expect(layout.gapLeft).toBeGreaterThan(layout.gapRight);
      expect(layout.number).toBe('ltr');
      const fonts = await fontsDrawing(page, 'li', 'أحبطت');
      expect(fonts.filter((font) => !font.isCustomFont)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
