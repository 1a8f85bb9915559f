import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/deck/helpers.js';
import { formatUnicodeRange, parseUnicodeRange } from '../../src/output/fonts.js';

describe('unicode ranges', () => {
  it('reads the ranges of a @font-face rule', () => {
    expect(parseUnicodeRange('U+0600-06FF,U+200C, U+1f600')).toEqual([[0x600, 0x6ff], [0x200c, 0x200c], [0x1f600, 0x1f600]]);
  });

  it('writes sorted code points back as runs', () => {
    expect(formatUnicodeRange([0x627, 0x628, 0x629, 0x644, 0x1f389])).toBe('U+627-629,U+644,U+1F389');
    expect(parseUnicodeRange(formatUnicodeRange([0x41, 0x42, 0x44]))).toEqual([[0x41, 0x42], [0x44, 0x44]]);
  });
});

describe('dates in the briefing language', () => {
  it('reads day month year in English, as before', () => {
    expect(formatDate('2026-11-29')).toBe('29 November 2026');
    expect(formatDate('2026-11-29', 'en')).toBe('29 November 2026');
  });

  it('follows the language tag', () => {
    expect(formatDate('2026-11-29', 'en-US')).toBe('November 29, 2026');
    expect(formatDate('2026-01-15', 'ar')).toContain('يناير');
    expect(formatDate('2026-01-15', 'fr')).toBe('15 janvier 2026');
  });
});
