// Indic, Southeast Asian, Ethiopic and other scripts must render with fonts the deck ships, not as boxes
// on a machine without system fonts for them (this one has none); a character no shipped font can draw is
// a warning naming the slide, the line and the character; an install without an optional script font
// package builds every deck that does not need it, and names the package for one that does.
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckSuite, fontsDrawing, pdfFontNames, pdfText, ROOT, runCli, SAMPLE, tempDir } from '../helpers.js';

/** Text per script, with the family expected to draw it. Conjuncts (क्ष, স্থ, ស្ថ, ශ්‍රී) need the fonts' shaping. */
const SCRIPTS: Array<[string, string, string]> = [
  ['Hindi', 'भारत के सुरक्षा क्षेत्र की स्थिति', 'Noto Sans Devanagari'],
  ['Bengali', 'বাংলাদেশের নিরাপত্তা পরিস্থিতি', 'Noto Sans Bengali'],
  ['Tamil', 'தமிழ்நாட்டின் பாதுகாப்பு நிலைமை', 'Noto Sans Tamil'],
  ['Thai', 'สถานการณ์ความมั่นคงในประเทศไทย', 'Noto Sans Thai'],
  ['Amharic', 'የኢትዮጵያ የፀጥታ ሁኔታ', 'Noto Sans Ethiopic'],
  ['Khmer', 'ស្ថានភាពសន្តិសុខនៅកម្ពុជា', 'Noto Sans Khmer'],
  ['Sinhala', 'ශ්‍රී ලංකාවේ ආරක්ෂක තත්ත්වය', 'Noto Sans Sinhala'],
  ['Telugu', 'తెలుగు భద్రత', 'Noto Sans Telugu'],
  ['Punjabi', 'ਪੰਜਾਬ ਸੁਰੱਖਿਆ', 'Noto Sans Gurmukhi'],
  ['Burmese', 'မြန်မာနိုင်ငံ လုံခြုံရေး', 'Noto Sans Myanmar'],
  ['Georgian', 'საქართველოს უსაფრთხოება', 'Noto Sans Georgian'],
  ['Armenian', 'Հայաստանի անվտանգություն', 'Noto Sans Armenian'],
  ['Symbols', '✗ ☐', 'Noto Sans Symbols 2'],
];

const briefing = (title: string, items: string[]) => `---
title: "${title}"
date: 2026-01-15
author: Test Author
---

## Summary

Officials quoted in their own languages.

${items.map((item) => `- ${item}`).join('\n')}

## Implications

- An implication.

## Recommendations

1. Do this.
`;

/** Line of `text` in a content file (1-based). */
const lineOf = (markdown: string, text: string) => markdown.split('\n').findIndex((line) => line.includes(text)) + 1;

// The template shows 4 items per slide: Summary is slides 2 to 5, items 1–4, 5–8, 9–12, 13.
const SCRIPTS_MD = briefing(
  'South Asia security brief',
  SCRIPTS.map(([language, text]) => `${language}: ${text}`),
);
const RARE_MD = briefing('Hong Kong names', ['The surname 𠜎 is rare; ordinary 中文 and café are not.']);
const THAI_MD = briefing('Thai brief', [`Thai: ${SCRIPTS[3]![1]}`]);
const RARE_WARNING = `content/rare.md:${lineOf(RARE_MD, '𠜎')}: warning: slide 2 "Summary": no font can draw "𠜎" (U+2070E, CJK Extension B) — it prints as a box where the reader's system has no font for it: write it another way, or use a template whose fonts draw it`;

describe('scripts beyond Arabic, Hebrew and CJK', () => {
  let stderr: string;
  let code: number;
  const suite = deckSuite(async ({ dir, out }) => {
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content', 'scripts.md'), SCRIPTS_MD);
    await writeFile(path.join(dir, 'content', 'rare.md'), RARE_MD);
    await writeFile(path.join(dir, 'content', 'latin.md'), await readFile(SAMPLE, 'utf8'));
    ({ code, stderr } = await runCli(['build', 'content', '-o', out], { cwd: dir, timeoutMs: 170_000 }));
  }, 180_000);
  const { open } = suite;

  it('builds, warning only about the character no font can draw', () => {
    expect(code, stderr).toBe(0);
    expect(stderr.split('\n').filter((line) => line.includes('warning:'))).toEqual([RARE_WARNING]);
  });

  it('warns the same without printing (the check reads the fonts, not the PDF)', async () => {
    const result = await runCli(['build', 'content/rare.md', '-o', path.join(suite.dir, 'no-pdf'), '--no-pdf'], {
      cwd: suite.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([RARE_WARNING]);
  });

  it('draws every script with the font shipped in the deck, never a system font', async () => {
    const page = await open('scripts');
    try {
      for (const [language, text, family] of SCRIPTS) {
        const fonts = await fontsDrawing(page, 'li', text);
        expect(
          fonts.filter((font) => !font.isCustomFont),
          `${language}: system fonts used`,
        ).toEqual([]);
        expect(
          fonts.some((font) => font.familyName.startsWith(family)),
          `${language}: ${family} in ${JSON.stringify(fonts)}`,
        ).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it('joins Sinhala ශ්‍රී with its zero-width joiner into one conjunct, as the font shapes it', async () => {
    const page = await open('scripts');
    try {
      // Without the joiner (or with a joiner the script font does not claim) the virama stays visible: ශ්රී, wider.
      const widths = await page.evaluate(() => {
        const item = [...document.querySelectorAll('li')].find((li) => li.textContent!.startsWith('Sinhala'))!;
        const measure = (text: string) => {
          const span = document.createElement('span');
          span.textContent = text;
          item.append(span);
          const width = span.getBoundingClientRect().width;
          span.remove();
          return width;
        };
        return { joined: measure('ශ්\u200dරී'), plain: measure('ශ්රී') };
      });
      expect(widths.joined).toBeGreaterThan(0);
      expect(widths.joined).toBeLessThan(widths.plain);
    } finally {
      await page.close();
    }
  });

  it('embeds only shipped fonts in the PDF, whose text reads back', () => {
    const names = pdfFontNames(path.join(suite.out, 'scripts', 'scripts.pdf'));
    expect(names.filter((name) => !/^(SourceSans3|SourceSerif4|Noto)/.test(name))).toEqual([]);
    for (const font of [
      'NotoSansDevanagari',
      'NotoSansBengali',
      'NotoSansTamil',
      'NotoSansThai',
      'NotoSansEthiopic',
      'NotoSansKhmer',
      'NotoSansSinhala',
    ]) {
      expect(
        names.some((name) => name.startsWith(font)),
        font,
      ).toBe(true);
    }
    // pdftotext puts a space inside some clusters (পরিস্থি তি); the letters and their order survive.
    const letters = pdfText(path.join(suite.out, 'scripts', 'scripts.pdf')).replace(/\s+/g, '');
    for (const [language, text] of SCRIPTS) expect(letters, language).toContain(text.replace(/\s+/g, ''));
  });

  it('copies only the subsets a deck needs: an English deck gets no script font', async () => {
    const latin = await readdir(path.join(suite.out, 'latin', 'assets', 'fonts'));
    expect(latin.filter((name) => name.startsWith('noto-'))).toEqual([]);
    const scripts = await readdir(path.join(suite.out, 'scripts', 'assets', 'fonts'));
    expect(scripts.filter((name) => name.startsWith('noto-sans-devanagari-'))).toEqual([
      'noto-sans-devanagari-devanagari-400-normal.woff2',
      'noto-sans-devanagari-devanagari-700-normal.woff2',
    ]);
  });
});

describe('an install without an optional script font package', () => {
  let dir: string;
  let install: string;

  // A copy of briefdeck installed as `npm install --omit=optional` would: every package but Noto Sans Thai.
  beforeAll(async () => {
    dir = await tempDir();
    install = path.join(dir, 'briefdeck');
    await cp(path.join(ROOT, 'dist'), path.join(install, 'dist'), { recursive: true });
    for (const name of ['templates', 'runtime', 'labels', 'package.json'])
      await symlink(path.join(ROOT, name), path.join(install, name));
    await mkdir(path.join(install, 'node_modules', '@fontsource'), { recursive: true });
    for (const name of await readdir(path.join(ROOT, 'node_modules'))) {
      if (name === '@fontsource' || name.startsWith('.')) continue;
      await symlink(path.join(ROOT, 'node_modules', name), path.join(install, 'node_modules', name));
    }
    for (const name of await readdir(path.join(ROOT, 'node_modules', '@fontsource'))) {
      if (name !== 'noto-sans-thai')
        await symlink(
          path.join(ROOT, 'node_modules', '@fontsource', name),
          path.join(install, 'node_modules', '@fontsource', name),
        );
    }
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content', 'thai.md'), THAI_MD);
    await writeFile(path.join(dir, 'content', 'latin.md'), await readFile(SAMPLE, 'utf8'));
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds an English deck, and names the package a Thai deck needs, leaving its earlier deck as it was', async () => {
    // The Thai deck as a full install builds it.
    const full = await runCli(['build', 'content/thai.md', '-o', 'output', '--no-pdf'], { cwd: dir });
    expect(full.code, full.stderr).toBe(0);
    const before = await readFile(path.join(dir, 'output', 'thai', 'index.html'));

    const result = await runCli(['build', 'content', '-o', 'output', '--no-pdf'], {
      cwd: dir,
      cli: path.join(install, 'dist', 'bin', 'main.js'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      // The message names the deck's first Thai character in code point order: ก (U+0E01) of การณ์.
      `content/thai.md:${lineOf(THAI_MD, 'Thai:')}: slide 2 "Summary": "ก" (U+0E01, Thai) needs the font package @fontsource/noto-sans-thai, which is not installed — install it where briefdeck is installed: npm install @fontsource/noto-sans-thai`,
    ]);
    expect(result.stdout).toContain('output/latin/index.html');
    expect(await readFile(path.join(dir, 'output', 'thai', 'index.html'))).toEqual(before);
  });
});
