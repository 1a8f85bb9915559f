import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { woff2CodePoints } from '../../src/output/cmap.js';
import { formatUnicodeRange, parseFontFaces, parseUnicodeRange } from '../../src/output/fonts.js';
import { ROOT } from '../helpers.js';

describe('unicode ranges', () => {
  it('reads the ranges of a @font-face rule', () => {
    expect(parseUnicodeRange('U+0600-06FF,U+200C, U+1f600')).toEqual([
      [0x600, 0x6ff],
      [0x200c, 0x200c],
      [0x1f600, 0x1f600],
    ]);
  });

  it('writes sorted code points back as runs', () => {
    expect(formatUnicodeRange([0x627, 0x628, 0x629, 0x644, 0x1f389])).toBe('U+627-629,U+644,U+1F389');
    expect(parseUnicodeRange(formatUnicodeRange([0x41, 0x42, 0x44]))).toEqual([
      [0x41, 0x42],
      [0x44, 0x44],
    ]);
  });
});

describe('what a font draws (its cmap)', () => {
  const fontsource = (file: string) => path.join(ROOT, 'node_modules', '@fontsource', file);

  it('reads the code points of a woff2 font, not those its unicode-range claims', async () => {
    const thai = woff2CodePoints(
      await readFile(fontsource('noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2')),
    );
    expect(thai.has(0x0e01)).toBe(true); // ก
    expect(thai.has(0x0e5b)).toBe(true); // the last Thai character
    expect(thai.has(0x0e00)).toBe(false); // unassigned
    // Source Sans 3's Latin subset claims all of General Punctuation (U+2000-206F) but has no ⁇ (U+2047).
    const [latin] = parseFontFaces(
      await readFile(fontsource('source-sans-3/latin-400.css'), 'utf8'),
      fontsource('source-sans-3'),
    );
    expect(parseUnicodeRange(latin!.unicodeRange).some(([start, end]) => start <= 0x2047 && 0x2047 <= end)).toBe(true);
    const glyphs = woff2CodePoints(await readFile(latin!.file));
    expect(glyphs.has(0x2047)).toBe(false);
    expect(glyphs.has(0x2019)).toBe(true); // ’
  });

  it('reads code points beyond the BMP (format 12)', async () => {
    const emoji = woff2CodePoints(await readFile(fontsource('noto-emoji/files/noto-emoji-2-400-normal.woff2')));
    expect(emoji.has(0x20e3)).toBe(true); // combining keycap
    expect(
      woff2CodePoints(await readFile(fontsource('noto-emoji/files/noto-emoji-0-400-normal.woff2'))).has(0x1f1e6),
    ).toBe(true); // 🇦
  });

  it('refuses a file that is not woff2', () => {
    expect(() =>
      woff2CodePoints(new TextEncoder().encode('not a font at all, but long enough to have a header of 48 bytes')),
    ).toThrow(/not a WOFF2 font/);
  });
});
