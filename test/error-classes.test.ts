// The error classes users meet as one line and an exit code (printing is in test/errors.test.ts).
import { describe, expect, it } from 'vitest';
import { BriefdeckError, ContentError, OutputError, PdfError, TemplateError } from '../src/errors.js';

describe('error classes', () => {
  it('each stage has its class, all of them BriefdeckErrors, with the exit code the README documents', () => {
    const made = [ContentError, TemplateError, OutputError, PdfError, BriefdeckError].map((Class) => {
      const error = new Class('what', 'hint');
      expect(error).toBeInstanceOf(BriefdeckError);
      expect(error).toBeInstanceOf(Error);
      return [error.name, error.exitCode];
    });
    expect(Object.fromEntries(made)).toEqual({
      ContentError: 1,
      TemplateError: 1,
      OutputError: 4,
      PdfError: 3,
      BriefdeckError: 1,
    });
  });

  it('the message is `file:line: what — hint`, with the parts it has', () => {
    expect(new ContentError('no summary', 'add ## Summary', { file: 'a.md', line: 7 }).message).toBe(
      'a.md:7: no summary — add ## Summary',
    );
    expect(new ContentError('empty file', 'write a briefing', { file: 'a.md' }).message).toBe(
      'a.md: empty file — write a briefing',
    );
    expect(new PdfError('no browser', 'install chromium').message).toBe('no browser — install chromium');
    expect(new OutputError('cannot write x', '').message).toBe('cannot write x');
  });

  it('keeps what, hint, location and the cause apart for the CLI and --debug', () => {
    const cause = new Error('EACCES: raw');
    const error = new OutputError('cannot write out/x', 'fix its permissions', { file: 'out/x' }, { cause });
    expect({ what: error.what, hint: error.hint, location: error.location, cause: error.cause }).toEqual({
      what: 'cannot write out/x',
      hint: 'fix its permissions',
      location: { file: 'out/x' },
      cause,
    });
  });
});
