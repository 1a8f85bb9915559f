import { copyFile, mkdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { isNumericText } from '../../src/content/tables.js';
import { ContentError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers.js';

let root: string;
let file: string;

beforeAll(async () => {
  root = await realpath(await tempDir('briefdeck-figures-'));
  await mkdir(path.join(root, 'images'), { recursive: true });
  await copyFile(path.join(FIXTURES, 'images', 'chart.png'), path.join(root, 'images', 'chart.png'));
  file = path.join(root, 'b.md');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A briefing whose one implication is `body` (its first line is line 10 of the file). */
function briefing(body: string) {
  const text = `---\ntitle: T\n---\n## Summary\n\nB.\n\n## Implications\n\n${body}\n\n## Recommendations\n\n1. R.\n`;
  return parseBriefing(text, file).briefing;
}

const implication = (body: string) => briefing(body).sections[1]!;

function errorOf(body: string): ContentError {
  try {
    briefing(body);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('numeric table columns', () => {
  it('reads numbers, percentages, amounts and ranges in any digits as numeric, words as not', () => {
    for (const text of ['34', '-1,240', '25.4%', '$1,240,000', '€ 3.5bn', '4–6', '1 200', '(300)', '٣٤', '12k'])
      expect(isNumericText(text), text).toBe(true);
    for (const text of ['North', 'Q1', 'n/a', '34 people', '2025-01-01 to 2025-03-01', ''])
      expect(isNumericText(text), text).toBe(false);
  });

  it('marks the cells of a column whose every non-empty body cell is numeric, header included', () => {
    const html = implication(
      '| Crossing | Incidents | Share | Note |\n|---|---|---|---|\n| North | 34 | 25% | busy |\n| South |  | 2.5% | 3 |',
    ).lead;
    expect(html).toContain('<th>Crossing</th>');
    expect(html).toContain('<th class="num">Incidents</th>');
    expect(html).toContain('<td class="num">34</td>');
    expect(html).toContain('<td class="num"></td>');
    expect(html).toContain('<td class="num">25%</td>');
    expect(html).toContain('<td>busy</td>');
    expect(html).not.toContain('<td class="num">3</td>');
  });

  it("keeps the markdown's own alignment, on numeric columns too", () => {
    const html = implication('| A | B | C |\n|:--|:-:|--:|\n| 1 | x | y |').lead;
    expect(html).toContain('<td class="num" align="left">1</td>');
    expect(html).toContain('<td align="center">x</td>');
    expect(html).toContain('<td align="right">y</td>');
  });
});

describe('figures', () => {
  it('shows an image alone in its paragraph as a figure, its title the caption, with credit and width', () => {
    const html = implication(
      'Text before.\n\n![A chart](images/chart.png "Attacks per quarter"){width=60% credit="Ministry of Defence"}',
    ).lead;
    expect(html).toMatch(
      /^<p>Text before\.<\/p>\s*<figure class="figure figure--beside" style="width:60%"><img src="assets\/media\/[0-9a-f]{8}-chart\.png" alt="A chart" title="Attacks per quarter" \/?><figcaption><span class="figure__caption">Attacks per quarter<\/span> <span class="figure__credit">Ministry of Defence<\/span><\/figcaption><\/figure>$/,
    );
  });

  it('places one figure beside other text (a list counts), alone when it is all, in the flow when there are two', () => {
    expect(implication('![A](images/chart.png)\n\n- A point.').lead).toContain('figure figure--beside');
    expect(implication('![A](images/chart.png "C")').lead).toContain('<figure class="figure figure--alone">');
    const two = implication('![A](images/chart.png)\n\n![B](images/chart.png)').lead;
    expect(two.match(/figure figure--inline/g)).toHaveLength(2);
  });

  it('escapes caption and credit and takes a quoted credit with \\" in it', () => {
    const html = implication('![A](images/chart.png "<b>x</b>"){credit="The \\"Post\\" & Co"}').lead;
    expect(html).toContain('<span class="figure__caption">&lt;b&gt;x&lt;/b&gt;</span>');
    expect(html).toContain('<span class="figure__credit">The "Post" &amp; Co</span>');
  });

  it('leaves an image inside a sentence an image', () => {
    const html = implication('See ![A](images/chart.png) here.').lead;
    expect(html).not.toContain('<figure');
    expect(html).toContain('<img');
  });

  it('refuses bad attributes at their line, with a hint', () => {
    const cases: [string, RegExp][] = [
      [
        '![A](images/chart.png){width=200%}',
        /image width "200%" is not a percentage from 10% to 100% — write it as width=60%/,
      ],
      ['![A](images/chart.png){width=wide}', /image width "wide"/],
      ['![A](images/chart.png){height=50%}', /unknown image attribute "height" — an image takes width and credit/],
      ['![A](images/chart.png){credit=""}', /an image credit is empty/],
      ['![A](images/chart.png){width=50% credit="unclosed}', /cannot read the image attributes/],
      ['See ![A](images/chart.png){width=50%} here.', /image attributes apply only to an image on its own line/],
    ];
    for (const [body, message] of cases) {
      const error = errorOf(`Intro.\n\n${body}`);
      expect(error.message, body).toMatch(message);
      expect(error.location, body).toEqual({ file, line: 12 });
    }
  });
});
