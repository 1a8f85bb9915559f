import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/deck/helpers.js';

describe('dates in the briefing language', () => {
  it('reads day month year in English, as before', () => {
    expect(formatDate('2026-11-29')).toBe('29 November 2026');
    expect(formatDate('2026-11-29', 'en')).toBe('29 November 2026');
  });

  it('follows the language tag', () => {
    expect(formatDate('2026-11-29', 'en-US')).toBe('November 29, 2026');
    expect(formatDate('2026-01-15', 'ar')).toContain('يناير'); // digits depend on the ICU version
    expect(formatDate('2026-01-15', 'fr')).toBe('15 janvier 2026');
  });
});
