import { describe, expect, it } from 'vitest';
import { impossibleDate } from '../../src/content/dates.js';
import { parseBriefing } from '../../src/content/parse.js';
import { ContentError } from '../../src/errors.js';

const REQUIRED = '## Summary\n\nB.\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n';

describe('impossibleDate', () => {
  it('accepts real days, leap days in leap years', () => {
    for (const iso of [
      '2026-01-31',
      '2026-02-28',
      '2028-02-29',
      '2000-02-29',
      '2026-04-30',
      '2026-12-31',
      '0001-01-01',
      '9999-12-31',
    ])
      expect(impossibleDate(iso), iso).toBeUndefined();
  });
  it('says why a date is not a real day', () => {
    expect(impossibleDate('2026-02-30')).toBe('February 2026 has 28 days');
    expect(impossibleDate('2027-02-29')).toBe('February 2027 has 28 days');
    expect(impossibleDate('1900-02-29')).toBe('February 1900 has 28 days'); // century, not a leap year
    expect(impossibleDate('2026-04-31')).toBe('April 2026 has 30 days');
    expect(impossibleDate('2026-01-00')).toBe('January 2026 has 31 days');
    expect(impossibleDate('2026-13-01')).toBe('there is no month 13: months are 01 to 12');
    expect(impossibleDate('2026-00-10')).toBe('there is no month 00: months are 01 to 12');
    expect(impossibleDate('0000-01-01')).toBe('there is no year 0000 (1 BC is followed by AD 1)');
  });
});

describe('front matter dates', () => {
  const errorOf = (frontMatter: string): ContentError => {
    try {
      parseBriefing(`---\ntitle: T\n${frontMatter}---\n${REQUIRED}`, 'x.md');
    } catch (error) {
      if (error instanceof ContentError) return error;
      throw error;
    }
    throw new Error('no error');
  };

  it('refuses an impossible date at its line, with the YYYY-MM-DD hint', () => {
    expect(errorOf('date: 2026-02-30\n').message).toBe(
      'x.md:3: front matter: "date" is not a real date: February 2026 has 28 days — write the date as YYYY-MM-DD',
    );
  });
  it('refuses one in source.date too, with the date hint (not the hint for `source`)', () => {
    expect(errorOf('source:\n  title: S\n  date: 2027-02-29\n').message).toBe(
      'x.md:5: front matter: "source.date" is not a real date: February 2027 has 28 days — write the date as YYYY-MM-DD',
    );
    expect(errorOf('source:\n  title: S\n  date: 29 Nov\n').message).toBe(
      'x.md:5: front matter: "source.date" must be a date written YYYY-MM-DD, e.g. 2026-11-29 — write the date as YYYY-MM-DD',
    );
  });
  it('keeps the YYYY-MM-DD wording for a date written as a list or a number', () => {
    expect(errorOf('date: [2026-11-29]\n').message).toBe(
      'x.md:3: front matter: "date" must be a date written YYYY-MM-DD, e.g. 2026-11-29, not a list (remove the [ ]) — write the date as YYYY-MM-DD',
    );
    expect(errorOf('date: 20261129\n').message).toBe(
      'x.md:3: front matter: "date" must be a date written YYYY-MM-DD, e.g. 2026-11-29, not the number 20261129 (write the dashes) — write the date as YYYY-MM-DD',
    );
  });
  it('accepts a leap day', () => {
    expect(parseBriefing(`---\ntitle: T\ndate: 2028-02-29\n---\n${REQUIRED}`, 'x.md').briefing.meta.date).toBe(
      '2028-02-29',
    );
  });
});
