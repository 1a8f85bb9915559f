import { describe, expect, it } from 'vitest';
import { BriefdeckError, formatMessage, formatWarning, printable } from '../src/errors.js';

describe('printable', () => {
  it('writes control characters out as escapes, so a message is one line that cannot drive the terminal', () => {
    expect(printable('a\x1b[2Jb\nc\rd\te\x00f\x7fg\x9bh')).toBe('a\\u001b[2Jb\\nc\\rd\\te\\u0000f\\u007fg\\u009bh');
    // Bidi overrides and isolates (Trojan Source), and the Unicode line separators.
    expect(printable('x\u202ey\u2066z\u2028w\u200f')).toBe('x\\u202ey\\u2066z\\u2028w\\u200f');
  });
  it('leaves ordinary text of any script alone', () => {
    const text = 'تهدید داعش — 中文 🚨 "quoted" C:\\path';
    expect(printable(text)).toBe(text);
  });
});

describe('every message is printable', () => {
  it('formatMessage escapes the file name, the message and the hint', () => {
    expect(formatMessage('bad\nthing', 'do\x1b[31m this', { file: 'a\x1b[2J\nb.md', line: 3 })).toBe(
      'a\\u001b[2J\\nb.md:3: bad\\nthing — do\\u001b[31m this',
    );
    expect(new BriefdeckError('x', 'y', { file: 'n\r.md' }).message).toBe('n\\r.md: x — y');
  });
  it('formatWarning too', () => {
    expect(
      formatWarning({ file: 'a\nb.md', line: 2, message: 'unknown front matter field "k\x1b[2J" is ignored' }),
    ).toBe('a\\nb.md:2: warning: unknown front matter field "k\\u001b[2J" is ignored');
  });
});
