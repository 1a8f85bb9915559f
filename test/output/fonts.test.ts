import { describe, expect, it } from 'vitest';
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
