import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lex } from '../../src/content/markdown.js';
import { walkWithLines } from '../../src/content/token-lines.js';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { ContentError } from '../../src/errors.js';
import { FIXTURES, ROOT, SAMPLE } from '../helpers.js';

const FRONT = '---\ntitle: T\n---\n';
const REST = '## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n';

/** The briefing with `summary` as its Summary section, which starts on line 7. */
const briefing = (summary: string) => `${FRONT}\n## Summary\n\n${summary}\n\n${REST}`;

/** In the fixtures folder, where images/chart.png is. */
const FILE = path.join(FIXTURES, 'x.md');

function lineOfError(text: string): number | undefined {
  try {
    parseBriefing(text, FILE);
  } catch (error) {
    if (error instanceof ContentError) return error.location?.line;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('line numbers: each token its own line, also where its text occurs twice', () => {
  it('a bad link is named at its line, not where the same text appeared first (in code)', () => {
    const text = briefing(
      'Written `[the file](../secret.txt)` in code it is no link.\n\n- Bottom line.\n- See [the file](../secret.txt).',
    );
    expect(text.split('\n')[9]).toBe('- See [the file](../secret.txt).');
    expect(lineOfError(text)).toBe(10);
  });

  it('a bad image in a second list item, the first holding the same text as code', () => {
    const text = briefing(
      '- Chart ![chart](images/chart.png), written `![chart](../chart.png)` in code.\n- Chart ![chart](../chart.png)',
    );
    expect(text.split('\n')[7]).toBe('- Chart ![chart](../chart.png)');
    expect(lineOfError(text)).toBe(8);
  });

  it('a bad link further down a raw HTML block is named at its own line, not at the first <a>', () => {
    const text = briefing('<p><a href="https://example.org/">fine</a>\nand <a href="../secret.txt">not</a></p>');
    expect(text.split('\n')[7]).toBe('and <a href="../secret.txt">not</a></p>');
    expect(lineOfError(text)).toBe(8);
  });

  it('an empty item of a nested list whose first item repeats its parent: warned at its own line', () => {
    const text = briefing('- Alpha\n  - Alpha\n  - <span></span>');
    expect(text.split('\n')[8]).toBe('  - <span></span>');
    const { warnings } = parseBriefing(text, FILE);
    expect(warnings.map((warning) => warning.line)).toEqual([9]);
  });
});

describe('walkWithLines', () => {
  it('puts every link, image and code span of the sample briefing and the README on the line it starts on', () => {
    let checked = 0;
    for (const file of [SAMPLE, path.join(ROOT, 'README.md'), path.join(ROOT, 'templates', 'README.md')]) {
      const source = readFileSync(file, 'utf8');
      const lines = source.split('\n');
      walkWithLines(lex(source), 1, (token, line) => {
        if (!['link', 'image', 'codespan'].includes(token.type)) return;
        checked++;
        // In a table cell marked unescapes `\|` before the cell is lexed.
        expect(lines[line - 1]!.replaceAll('\\|', '|'), `${file}:${line}`).toContain(token.raw.split('\n')[0]);
      });
    }
    expect(checked).toBeGreaterThan(500);
  });
});
