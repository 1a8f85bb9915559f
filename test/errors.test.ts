import { describe, expect, it } from 'vitest';
import * as errors from '../src/errors.js';
import {
  BriefdeckError,
  batchExitCode,
  ContentError,
  EXIT_CODES,
  formatMessage,
  formatWarning,
  OutputError,
  PdfError,
  printable,
} from '../src/errors.js';

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

describe('exit codes: one table', () => {
  const classes = Object.entries(errors).filter(
    (entry): entry is [string, typeof BriefdeckError] =>
      typeof entry[1] === 'function' && (entry[1] === BriefdeckError || entry[1].prototype instanceof BriefdeckError),
  );

  it('every error class exits with the code of the row that names it, and is named in one row', () => {
    expect(classes.length).toBeGreaterThan(8);
    for (const [name, ErrorClass] of classes) {
      const error = new ErrorClass('what', 'hint');
      expect(error.name).toBe(name);
      const rows = Object.values(EXIT_CODES).filter((row) => row.errors.split(', ').includes(name));
      // The base class is the input row's fallback, not a class a stage throws.
      expect(
        rows.map((row) => row.code),
        name,
      ).toEqual(name === 'BriefdeckError' ? [] : [error.exitCode]);
    }
  });

  it('codes are distinct', () => {
    const codes = Object.values(EXIT_CODES).map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the exit code of a batch', () => {
  const content = new ContentError('bad front matter', 'fix it');
  const output = new OutputError('cannot write', 'free some space');
  const pdf = new PdfError('the PDF failed', 'retry');

  it('is the worst failure, whatever the order: output (4) over content (1) over PDF (3)', () => {
    const orders = [
      [content, output],
      [output, content],
    ];
    for (const order of orders) expect(batchExitCode(order)).toBe(4);
    expect(batchExitCode([pdf, content])).toBe(1);
    expect(batchExitCode([content, pdf])).toBe(1);
    expect(batchExitCode([pdf, content, output])).toBe(4);
    expect(batchExitCode([pdf, pdf])).toBe(3);
  });

  it('is 0 with no errors', () => {
    expect(batchExitCode([])).toBe(0);
  });
});
