import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { ContentError } from '../../src/errors.js';

// The Summary's markdown starts on line 8 (front matter: lines 1-3; "## Summary" on line 5).
const briefing = (summary: string) =>
  `---\ntitle: T\n---\n\n## Summary\n\nB.\n${summary}\n\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n`;
const list = (depth: number, between = '') =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}${between}`).join('\n');

function nestingError(summary: string): string | undefined {
  try {
    parseBriefing(briefing(summary), 'x.md');
    return undefined;
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
}

describe('nesting limits (content/limits.ts), counted before marked parses', () => {
  it('allows 20 levels of list and stops at the line of the 21st', () => {
    expect(nestingError(`\n${list(20)}`)).toBeUndefined();
    expect(nestingError(`\n${list(25)}`)).toMatch(
      /^x\.md:29: block quotes and lists nested 21 deep \(the limit is 20\) — /,
    );
  });

  it('is not fooled by lazy continuation lines, which do not close a list item', () => {
    expect(nestingError(`\n${list(25, '\nlazy')}`)).toMatch(/^x\.md:\d+: block quotes and lists nested 21 deep/);
  });

  it('counts a quote and the lists inside it together', () => {
    const quoted = Array.from({ length: 21 }, (_, i) => `> ${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    expect(nestingError(`\n${quoted}`)).toMatch(/^x\.md:28: block quotes and lists nested 21 deep/); // one quote and the 20th list level
  });

  it('does not add up lists that follow one another, or list markers inside code', () => {
    expect(nestingError(`\n${list(15)}\n\nA paragraph.\n\n${list(15)}`)).toBeUndefined();
    expect(nestingError(`\n\`\`\`\n${list(40)}\n\`\`\``)).toBeUndefined();
    expect(nestingError(`\n<!--\n${'>'.repeat(100)}\n-->`)).toBeUndefined();
  });
});
