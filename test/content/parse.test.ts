import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing, readBriefing, slugify } from '../../src/content/parse.js';
import { errorOf } from './parse-error.js';
import { FIXTURES, SAMPLE } from '../helpers.js';

const FRONT = '---\ntitle: T\n---\n';
const REQUIRED = '## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n';

describe('parseBriefing: front matter', () => {
  it('reads fields into a typed, defaulted model', async () => {
    const { briefing, warnings } = await readBriefing(path.join(FIXTURES, 'minimal.md'));
    expect(warnings).toEqual([]);
    expect(briefing.slug).toBe('minimal');
    expect(briefing.meta.template).toBeUndefined(); // chosen at render time: --template, then front matter, then config
    expect(briefing.meta).toMatchObject({
      title: 'Minimal briefing',
      date: '2026-01-15',
      author: 'Test Author',
      marking: 'TLP:AMBER',
      lang: 'en',
      keywords: [],
      draft: false,
      options: {},
    });
  });

  it('names the line of a YAML syntax error', () => {
    const error = errorOf('---\ntitle: T\nsubtitle: "unclosed\n---\n' + REQUIRED);
    expect(error.message).toMatch(/^content\/x\.md:3: invalid YAML in front matter: .+ — /);
  });

  it('names the line of a duplicate key', () => {
    const error = errorOf('---\ntitle: A\ndate: 2026-01-01\ntitle: B\n---\n' + REQUIRED);
    expect(error.location?.line).toBe(4);
    expect(error.message).toContain('a key appears twice');
  });

  it('names the line of a field with the wrong type', () => {
    const error = errorOf('---\ntitle: T\nauthor: A\ndate: next tuesday\n---\n' + REQUIRED);
    expect(error.message).toBe(
      'content/x.md:4: front matter: "date" must be a date written YYYY-MM-DD, e.g. 2026-11-29 — write the date as YYYY-MM-DD',
    );
  });

  it('rejects a title given as a list, at its line', () => {
    const error = errorOf('---\ndate: 2026-01-01\ntitle:\n  - a\n  - b\n---\n' + REQUIRED);
    expect(error.location?.line).toBe(3);
    expect(error.what).toContain('"title" should be a string, not an array');
  });

  it('requires a title', () => {
    const error = errorOf('---\nauthor: A\n---\n' + REQUIRED);
    expect(error.what).toBe('front matter: "title" is required');
  });

  it('requires front matter at all', () => {
    expect(errorOf(REQUIRED).message).toMatch(/^content\/x\.md:1: no front matter — /);
  });

  it('warns about unknown fields with a suggestion', () => {
    const { warnings } = parseBriefing('---\ntitle: T\nsubtitel: S\n---\n' + REQUIRED, 'x.md');
    expect(warnings).toEqual([
      { file: 'x.md', line: 3, message: 'unknown front matter field "subtitel" is ignored — did you mean "subtitle"?' },
    ]);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const { briefing } = parseBriefing(`\uFEFF${FRONT}${REQUIRED}`.replace(/\n/g, '\r\n'), 'x.md');
    expect(briefing.meta.title).toBe('T');
    expect(briefing.sections.map((s) => s.kind)).toEqual(['summary', 'implications', 'recommendations']);
  });
});

describe('parseBriefing: sections', () => {
  it('classifies headings, including aliases', () => {
    const text = `${FRONT}## BLUF\n\nB.\n\n## So what\n\n- I.\n\n## Recommended actions\n\n1. R.\n\n## Background\n\nContext.\n\n## Timeline\n\nT.\n`;
    const { briefing } = parseBriefing(text, 'x.md');
    expect(briefing.sections.map((s) => s.kind)).toEqual([
      'summary',
      'implications',
      'recommendations',
      'background',
      'generic',
    ]);
  });

  it('names a missing required section', () => {
    const error = errorOf(`${FRONT}## Summary\n\nB.\n\n## Implications\n\n- I.\n`);
    expect(error.what).toBe('missing the required section "## Recommendations"');
  });

  it('rejects empty recommendations at the heading line', () => {
    const error = errorOf(`${FRONT}## Summary\n\nB.\n\n## Implications\n\n- I.\n\n## Recommendations\n\nNone yet.\n`);
    expect(error.location?.line).toBe(12);
    expect(error.what).toContain('is empty');
  });

  it('rejects a second summary section, pointing at it', () => {
    const error = errorOf(
      `${FRONT}## Summary\n\nA.\n\n## Executive summary\n\nB.\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n`,
    );
    expect(error.location?.line).toBe(8);
    expect(error.hint).toContain('line 4');
  });

  it('refuses text before the first section instead of dropping it', () => {
    const error = errorOf(`${FRONT}Stray paragraph.\n\n${REQUIRED}`);
    expect(error.location?.line).toBe(4);
  });

  it('ignores ## inside fenced code', () => {
    const { briefing } = parseBriefing(
      `${FRONT}## Summary\n\n\`\`\`\n## not a heading\n\`\`\`\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n`,
      'x.md',
    );
    expect(briefing.sections).toHaveLength(3);
    expect(briefing.sections[0]!.lead).toContain('## not a heading');
  });

  it('splits lead, list and notes; notes run from `Note:` to the end of the section', () => {
    const { briefing } = parseBriefing(
      `${FRONT}## Summary\n\nBottom line.\n\n- A\n- B\n\nNote: Say this.\n\nAnd this.\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n`,
      'x.md',
    );
    const summary = briefing.sections[0]!;
    expect(summary.lead).toBe('<p>Bottom line.</p>');
    expect(summary.items.map((i) => i.html)).toEqual(['A', 'B']);
    expect(summary.notes).toEqual(['Say this.', '<p>And this.</p>']);
  });

  it('keeps notes written inside a list item with that item', () => {
    const { briefing } = parseBriefing(
      `${FRONT}${REQUIRED.replace('1. Act.', '1. Act.\n\n   Note: Why we act.\n2. Wait.')}`,
      'x.md',
    );
    const recs = briefing.sections[2]!;
    expect(recs.items.map((i) => [i.html, i.notes])).toEqual([
      ['Act.', ['Why we act.']],
      ['Wait.', []],
    ]);
  });

  it('gives implications one sub-section per ### heading', () => {
    const { briefing } = parseBriefing(
      `${FRONT}## Summary\n\nB.\n\n## Implications\n\n### For *Russia*\n\nText.\n\n### For others\n\n- X\n\n## Recommendations\n\n1. R.\n`,
      'x.md',
    );
    expect(briefing.sections[1]!.subsections.map((s) => s.title)).toEqual(['For <em>Russia</em>', 'For others']);
  });

  it('reads a quote and its attribution', () => {
    const { briefing } = parseBriefing(
      `${FRONT}${REQUIRED}\n## Quote\n\n> Words worth saying.\n>\n> — A. Person\n`,
      'x.md',
    );
    expect(briefing.sections[3]!.quote).toEqual({ html: '<p>Words worth saying.</p>', attribution: 'A. Person' });
  });

  it('strips scripts, event handlers and javascript: links from markdown', () => {
    // (Raw <img> is refused before sanitizing: see media.test.ts.)
    const hostile =
      '## Summary\n\n<script>alert(1)</script><svg onload=alert(1)> [x](javascript:alert(1)) <b onclick="alert(1)">bold</b>\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n';
    const { briefing } = parseBriefing(FRONT + hostile, 'x.md');
    const html = briefing.sections[0]!.lead;
    expect(html).not.toMatch(/<script|onerror|onclick|href="javascript|<img/i);
    expect(html).toContain('<b>bold</b>');
  });
});

describe('the sample briefing', () => {
  it('has the sections the issue asks for, with notes on every content section', async () => {
    const { briefing, warnings } = parseBriefing(await readFile(SAMPLE, 'utf8'), 'content/iskp-moscow-plot.md');
    expect(warnings).toEqual([]);
    const kinds = briefing.sections.map((s) => s.kind);
    expect(kinds).toEqual(['summary', 'implications', 'recommendations', 'quote', 'sources']);
    const implications = briefing.sections[1]!.subsections.map((s) => s.title);
    expect(implications).toEqual([
      'For Russia',
      "For the Taliban's credibility",
      'For counterterrorism cooperation',
      "ISKP's transnational reach",
    ]);
    expect(briefing.sections[2]!.items).toHaveLength(10);
    expect(briefing.sections[2]!.lead).toMatch(/source author/);
    expect(briefing.meta.source?.credit).toMatch(/RIA Novosti/);
  });
});

describe('slugify', () => {
  it('makes file-safe ASCII slugs', () => {
    expect(slugify('Moscow Plot – Évaluation 2026')).toBe('moscow-plot-evaluation-2026');
    expect(slugify('Вход')).toBeUndefined();
  });
});

describe('draft briefings', () => {
  it('allow an empty required section with a warning, and carry the draft flag', () => {
    const text =
      '---\ntitle: T\ndraft: true\n---\n## Summary\n\nB.\n\n## Implications\n\n- I.\n\n## Recommendations\n\n';
    const { briefing, warnings } = parseBriefing(text, 'd.md');
    expect(briefing.meta.draft).toBe(true);
    expect(warnings).toEqual([
      { file: 'd.md', line: 13, message: 'the "Recommendations" section is empty (allowed while `draft: true`)' },
    ]);
  });
});
