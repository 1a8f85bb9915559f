// Content that runs over several slides, read back from the PDF with pdftotext, for every built-in
// template and the worked example template: the bottom line (it was on no slide once the summary's
// bullets needed two), the lead of continued implications and recommendations, the text after a list;
// letter-spaced labels as searchable words (they read "B OT TO M L I N E"); `--handout <path>`.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, runCli, squash, tempDir } from '../helpers.js';

const points = (label: string, n: number) =>
  Array.from({ length: n }, (_, i) => `- ${label} point ${i + 1}.`).join('\n');
const BRIEFING = `---
title: Paginated probe
date: 2026-01-15
organization: Tajik Affairs
marking: TLP:AMBER
---

## Summary

Russia disrupted the plot before it reached Moscow.

${points('Summary', 7)}

## Implications

The implications, in short.

${points('Implication', 7)}

## Recommendations

The author's recommendations.

${Array.from({ length: 7 }, (_, i) => `${i + 1}. Recommendation ${i + 1}.`).join('\n')}

A closing remark after the list.

## Wave of attacks

### Timeline

- Day one.
`;

// Pages: 1 title, 2–3 summary, 4–5 implications, 6–7 recommendations, 8 the timeline (kicker "WAVE OF ATTACKS").
const TEMPLATES: Array<{ name: string; templates?: string }> = [
  { name: 'default' },
  { name: 'dark' },
  { name: 'print' },
  { name: 'house', templates: 'examples/templates' },
];

let work: string;
let source: string;
beforeAll(async () => {
  work = await tempDir('briefdeck-pdf-content-');
  source = path.join(work, 'paginated.md');
  await writeFile(source, BRIEFING);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe.each(TEMPLATES)('a briefing longer than its slides, template $name', ({ name, templates }) => {
  let pdf: string;
  let handout: string;
  const page = (n: number) => squash(pdfText(pdf, n));
  beforeAll(async () => {
    const out = path.join(work, name);
    // `--handout <path>`: the path is a path, not the handout's size (it was a usage error, exit 2).
    const run = await runCli([
      'build',
      '--handout',
      source,
      '--out',
      out,
      '--template',
      name,
      ...(templates ? ['--templates', templates] : []),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    pdf = path.join(out, 'paginated', 'paginated.pdf');
    handout = path.join(out, 'paginated', 'paginated-handout.pdf');
  });

  it('puts the bottom line on the first summary slide, under its label, and not on the second', () => {
    expect(pdfInfo(pdf).Pages).toBe('8');
    expect(page(2)).toContain(
      'Summary (1/2) BOTTOM LINE Russia disrupted the plot before it reached Moscow. Summary point 1.',
    );
    expect(page(3)).toContain('Summary point 7.');
    expect(page(3)).not.toContain('Russia disrupted');
    expect(squash(pdfText(handout))).toContain('Russia disrupted the plot before it reached Moscow.');
    expect(pdfInfo(handout)['Page size']).toMatch(/ \(A4\)$/);
  });

  it('shows the lead of continued implications and recommendations on each of their slides, and the text after the list on the last', () => {
    for (const n of [4, 5]) expect(page(n)).toContain('The implications, in short.');
    for (const n of [6, 7]) expect(page(n)).toContain("The author's recommendations.");
    expect(page(7)).toContain('A closing remark after the list.');
  });

  it('reads every letter-spaced label back as words', () => {
    expect(page(1)).toContain('BRIEFING · TAJIK AFFAIRS');
    expect(page(2)).toContain('BOTTOM LINE');
    expect(page(8)).toContain('WAVE OF ATTACKS');
    for (let n = 1; n <= 8; n++) expect(page(n)).toContain('TLP:AMBER');
  });
});

describe('--handout takes a size only when it is one', () => {
  it('`--handout letter <path>`: Letter paper for that briefing', async () => {
    const out = path.join(work, 'letter');
    const run = await runCli(['build', '--handout', 'letter', source, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(pdfInfo(path.join(out, 'paginated', 'paginated-handout.pdf'))['Page size']).toMatch(/^612 x 792 pts/);
  });
});
