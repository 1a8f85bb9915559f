// Bad and unusual markdown through the CLI (dist/bin/main.js), in the style of bad-input.test.ts:
// nesting and size past the limits, an unclosed code fence, empty items, HTML comments, a
// `## Bottom line` heading, a summary longer than one slide. Each case states its outcome: ONE error
// line `<file>:<line>: <what> — <hint>` with exit 1 and the earlier good deck byte-identical, or a
// correct deck (with its warnings, each `<file>:<line>: warning: …`).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeRegExp, expectOneErrorLine, runCli, tempDir } from '../helpers.js';

// FM() is 5 lines (---, title, date, author, ---); the body starts on line 6.
const FM = () => '---\ntitle: Probe briefing\ndate: 2026-01-15\nauthor: Test Author\n---\n';
const IMPL = '## Implications\n\n- An implication.\n';
const RECS = '## Recommendations\n\n1. Do this.\n2. Also this.\n';
const GOOD = FM() + `\n## Summary\n\nThe bottom line.\n\n- First point.\n\n${IMPL}\n${RECS}`;
/** The markdown starts on line 11. */
const withSummary = (markdown: string) => FM() + `\n## Summary\n\nBottom line.\n\n${markdown}\n\n${IMPL}\n${RECS}`;
/** A list nested `depth` deep, two spaces a level: level n is on line 10 + n. */
const nestedList = (depth: number, indent = '  ') =>
  Array.from({ length: depth }, (_, i) => `${indent.repeat(i)}- level ${i + 1}`).join('\n');
const LIMIT = 20; // src/content/limits.ts

interface ErrorCase {
  name: string;
  content: string | (() => string);
  /** null: the error names the file only. */
  line: number | null;
  error: RegExp;
}

const errorCases: ErrorCase[] = [
  // Was: "internal error: Maximum call stack size exceeded" (exit 70).
  {
    name: 'a 2 KB line of 2,000 `>`',
    content: withSummary(`${'>'.repeat(2000)} deep`),
    line: 11,
    error:
      /^block quotes and lists nested 21 deep \(the limit is 20\) — a slide can show a few levels at most: flatten the list or quote$/,
  },
  {
    name: '`> > > …` with spaces, 500 deep',
    content: withSummary(`${'> '.repeat(500)}deep`),
    line: 11,
    error: /^block quotes and lists nested 21 deep \(the limit is 20\) — /,
  },
  // Was: 32 s and 1.4 GB (1,500 deep), a V8 out-of-memory abort (3,000 deep). Level 21 is on line 31.
  {
    name: 'a list nested 1,500 deep',
    content: () => withSummary(nestedList(1500)),
    line: 31,
    error: /^block quotes and lists nested 21 deep \(the limit is 20\) — /,
  },
  {
    name: 'a list nested 3,000 deep with tabs',
    content: () => withSummary(nestedList(3000, '\t')),
    line: 31,
    error: /^block quotes and lists nested 21 deep \(the limit is 20\) — /,
  },
  // With two spaces a level, 3,000 levels are 8.6 MB of indentation: the size limit comes first.
  {
    name: 'a list nested 3,000 deep with spaces',
    content: () => withSummary(nestedList(3000)),
    line: null,
    error: /^the file is 8\.6 MB \(the limit is 6 MB\) — /,
  },
  {
    name: '`- - - …` on one line, 1,000 deep',
    content: withSummary(`${'- '.repeat(1000)}x`),
    line: 11,
    error: /^block quotes and lists nested 21 deep \(the limit is 20\) — /,
  },
  {
    name: 'quotes and lists mixed, `> - > - …`',
    content: withSummary(`${'> - '.repeat(300)}x`),
    line: 11,
    error: /^block quotes and lists nested 21 deep \(the limit is 20\) — /,
  },
  // Emphasis: marked overflowed its stack from about 3,000 levels.
  {
    name: 'a run of 3,000 `*` around a word',
    content: withSummary(`${'*'.repeat(3000)}x${'*'.repeat(3000)}`),
    line: 11,
    error:
      /^emphasis nested 3000 deep \(the limit is 20\) — close each `\*`, `_` or `~` emphasis before opening another/,
  },
  {
    name: 'emphasis opened 3,000 times',
    content: withSummary(`${'*a '.repeat(3000)}x${' a*'.repeat(3000)}`),
    line: 11,
    error: /^emphasis nested 21 deep \(the limit is 20\) — /,
  },
  {
    name: 'strong emphasis opened 3,000 times across lines',
    content: withSummary(`${'**a\n'.repeat(3000)}x`),
    line: 21,
    error: /^emphasis nested 22 deep \(the limit is 20\) — /,
  },
  {
    name: 'strikethrough opened 3,000 times',
    content: withSummary(`${'~~a '.repeat(3000)}x`),
    line: 11,
    error: /^emphasis nested 22 deep \(the limit is 20\) — /,
  },
  // Size: a single 8 MB paragraph overflowed the stack inside one of marked's regular expressions.
  {
    name: 'a file over 6 MB',
    content: () => GOOD + '\n## Background\n\n' + 'Lorem ipsum dolor sit amet. '.repeat(250_000) + '\n',
    line: null,
    error: /^the file is 6\.7 MB \(the limit is 6 MB\) — a briefing is a few pages/,
  },
  {
    name: 'an 8 MB single paragraph',
    content: () => GOOD + '\n## Background\n\n' + 'Lorem ipsum dolor sit amet. '.repeat(300_000) + '\n',
    line: null,
    error: /^the file is 8 MB \(the limit is 6 MB\) — /,
  },
  // Was: `missing the required section "## Recommendations"` at the last heading.
  {
    name: 'a code fence that is never closed',
    content: FM() + `\n## Summary\n\nBottom line.\n\n\`\`\`\ncode\n\n${IMPL}\n${RECS}`,
    line: 11,
    error:
      /^a code fence opened here is never closed — end the code with a line of the same fence \(e\.g\. ```\): until then every later line, headings included, is taken as code$/,
  },
  {
    name: 'a fence closed only by a shorter one, or one with an info string',
    content: FM() + `\n## Summary\n\nBottom line.\n\n~~~~\n~~~\n~~~~ js\n\n${IMPL}\n${RECS}`,
    line: 11,
    error: /^a code fence opened here is never closed — /,
  },
  // HTML comments: the line numbers of later errors stay right. The image is on line 17.
  {
    name: 'an error after a comment that spans lines',
    content: withSummary('<!--\n## Hidden\n\nHidden text.\n-->\n\n![x](missing.png)'),
    line: 17,
    error: /^image "missing\.png" not found — /,
  },
  {
    name: 'a commented-out section does not count',
    content: FM() + `\n## Summary\n\nBottom line.\n\n${IMPL}\n<!--\n${RECS}-->\n`,
    line: 11,
    error: /^missing the required section "## Recommendations" — /,
  },
  // All recommendations empty: dropped with a warning each, so the section is empty.
  {
    name: 'recommendations that are all empty',
    content: FM() + `\n## Summary\n\nB.\n\n${IMPL}\n## Recommendations\n\n1. <script>x</script>\n2. \n`,
    line: 15,
    error: /^the "Recommendations" section is empty — /,
  },
];

interface DeckCase {
  name: string;
  content: string | (() => string);
  /** The warning lines on stderr, `<line>: <message>` (without the file name), in order; none when absent. */
  warnings?: [number, RegExp][];
  html: (html: string) => void;
  /** A longer test timeout (ms) for a big deck on a busy machine. */
  timeout?: number;
}

const EMPTY_ITEM =
  /^this list item is empty \(nothing is left once HTML is removed\) and is left out — write its text, or delete the line$/;
const EMPTY_NOTE =
  /^this speaker note is empty \(nothing is left once HTML is removed\) and is left out — write the note after `Note:`, or delete it$/;
/** The slides of one kind, as HTML (each from its `<section>` to the next). */
const slidesOf = (html: string, kind: string) =>
  html.split('<section').filter((s) => s.startsWith(` class="slide slide--${kind}"`));

const deckCases: DeckCase[] = [
  {
    name: 'empty bullets (only HTML, only spaces, only `-`) are left out with a warning at each line',
    content: withSummary('- Kept one.\n- <script>alert(1)</script>\n- &nbsp;\n- -\n- <span></span>\n- Kept two.'),
    warnings: [
      [12, EMPTY_ITEM],
      [13, EMPTY_ITEM],
      [14, EMPTY_ITEM],
      [15, EMPTY_ITEM],
    ],
    html: (h) => {
      expect(h).toMatch(
        /<ul class="bullets">\s*<li dir="auto">Kept one\.<\/li>\s*<li dir="auto">Kept two\.<\/li>\s*<\/ul>/,
      );
      expect(h).not.toMatch(/<li[^>]*>\s*<\/li>/);
    },
  },
  {
    name: 'an empty recommendation is left out, and the others are numbered without it',
    content:
      FM() +
      `\n## Summary\n\nB.\n\n${IMPL}\n## Recommendations\n\n1. First.\n2. <iframe src="x"></iframe>\n3. Third.\n`,
    warnings: [[18, EMPTY_ITEM]],
    html: (h) => {
      expect(h).toMatch(/<span class="numbered__n">1<\/span><div class="numbered__text">First\.<\/div>/);
      expect(h).toMatch(/<span class="numbered__n">2<\/span><div class="numbered__text">Third\.<\/div>/);
      expect(h).not.toContain('numbered__n">3<');
    },
  },
  {
    name: 'an empty bullet inside a bullet is left out too',
    content: withSummary('- Outer.\n  - Inner kept.\n  - <b></b>'),
    warnings: [[13, EMPTY_ITEM]],
    html: (h) => expect(h).toMatch(/Outer\.\s*<ul>\s*<li>Inner kept\.<\/li>\s*<\/ul>/),
  },
  {
    name: 'an empty speaker note is left out with a warning',
    content: withSummary('- A point.\n\nNote: <script>x</script>'),
    warnings: [[13, EMPTY_NOTE]],
    html: (h) => expect(h).not.toMatch(/<aside class="notes">\s*<p>\s*<\/p>/),
  },
  {
    name: '`Note:` followed by a list is not an empty note',
    content: withSummary('- A point.\n\nNote:\n\n- Say this.'),
    html: (h) => expect(h).toMatch(/<aside class="notes">[\s\S]*Say this\.[\s\S]*<\/aside>/),
  },
  {
    name: 'a section commented out with <!-- … --> is on no slide, and no `-->` is left',
    content: GOOD + '\n<!--\n## Background\n\nNot ready yet.\n-->\n\n## Timeline\n\n- Day one.\n',
    html: (h) => {
      expect(h).not.toContain('Not ready yet');
      expect(h).not.toContain('--&gt;');
      expect(h).not.toContain('Background');
      expect(h).toContain('Day one.');
    },
  },
  {
    name: 'a comment before the first section is not stray text',
    content: FM() + '\n<!--\nTo do: add a quote.\n-->\n' + GOOD.slice(FM().length),
    html: (h) => expect(h).not.toContain('To do'),
  },
  {
    name: 'a `## heading` inside a fenced code block (with an info string) is code, not a section',
    content: withSummary('```md\n## Not a section\n```'),
    html: (h) => expect(h).toMatch(/<pre><code[^>]*>## Not a section\n<\/code><\/pre>/),
  },
  {
    name: 'a list nested 20 deep (the limit) builds',
    content: withSummary(nestedList(LIMIT)),
    html: (h) => expect(h).toContain(`level ${LIMIT}`),
  },
  {
    name: 'ordinary emphasis, snake_case and arithmetic are not nesting',
    content: withSummary(`${'**Bold** and *italic* and ~~struck~~ and snake_case_name and 2*3*4 '.repeat(30)}end`),
    html: (h) => expect(h.match(/<strong>Bold<\/strong>/g)).toHaveLength(30),
  },
  // Siblings that marked handles: kept working (no internal error, no limit hit).
  {
    name: '50,000 `[` brackets',
    content: withSummary(`${'['.repeat(50_000)}x`),
    html: (h) => expect(h).toContain(`${'['.repeat(100)}x`),
  },
  {
    name: 'a 5 MB single line',
    content: () => withSummary(`- ${'word '.repeat(1_000_000)}`),
    html: (h) => expect(h.split('word ').length).toBeGreaterThanOrEqual(1_000_000),
  },
  {
    name: '100,000 bullets: 20,000 slides',
    content: () => withSummary(Array.from({ length: 100_000 }, (_, i) => `- Bullet ${i + 1}.`).join('\n')),
    html: (h) => {
      expect(h).toContain('Bullet 100000.');
      expect(h).toContain('Summary <span class="slide__part">(20000/20000)</span>');
    },
    timeout: 180_000,
  },
  {
    name: 'a summary with more bullets than a slide holds: the bottom line opens the first slide, once',
    content: withSummary(Array.from({ length: 7 }, (_, i) => `- Point ${i + 1}.`).join('\n')),
    html: (h) => {
      const summary = slidesOf(h, 'summary');
      expect(summary).toHaveLength(2);
      expect(summary[0]).toMatch(
        /<div class="bottom-line"><p class="bottom-line__label">Bottom line<\/p><p>Bottom line\.<\/p><\/div>/,
      );
      expect(summary[1]).not.toContain('bottom-line');
    },
  },
  {
    name: '`## Bottom line` as the heading: no second "Bottom line" label under it',
    content: FM() + `\n## Bottom line\n\nISKP is weaker.\n\n- A point.\n\n${IMPL}\n${RECS}`,
    html: (h) => {
      expect(h).toMatch(/<h2 class="slide__title">Bottom line<\/h2>/);
      expect(h).toContain('<div class="bottom-line"><p>ISKP is weaker.</p></div>');
      expect(h).not.toContain('bottom-line__label');
    },
  },
  {
    name: "a quote section's text besides the quotation is shown with it (it was on no slide)",
    content:
      GOOD + '\n## Quote\n\nWhat the minister said.\n\n> We will respond.\n>\n> — The minister\n\nShe said it twice.\n',
    html: (h) => {
      const [quote] = slidesOf(h, 'quote');
      expect(quote).toContain('<figcaption class="quote__attribution">The minister</figcaption>');
      expect(quote).toMatch(
        /<div class="quote__context"><p>What the minister said\.<\/p>\s*<p>She said it twice\.<\/p><\/div>/,
      );
    },
  },
  {
    name: '`## BLUF` as the heading: no "Bottom line" label either',
    content: FM() + `\n## BLUF\n\nISKP is weaker.\n\n- A point.\n\n${IMPL}\n${RECS}`,
    html: (h) => {
      expect(h).toContain('<div class="bottom-line"><p>ISKP is weaker.</p></div>');
      expect(h).not.toContain('bottom-line__label');
    },
  },
];

// ---------------------------------------------------------------------------------------------------
const text = (content: string | (() => string)) => (typeof content === 'function' ? content() : content);

let root: string;
let n = 0;
async function workspace(content: string) {
  const dir = path.join(root, String(++n));
  await mkdir(dir, { recursive: true });
  const source = path.join(dir, 'probe.md');
  await writeFile(source, content);
  return { source, out: path.join(dir, 'out') };
}
const build = (source: string, out: string) => runCli(['build', source, '--out', out, '--no-pdf']);

beforeAll(async () => {
  root = await tempDir('briefdeck-bad-content-');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe(`bad content: one error line, exit 1, the earlier deck untouched (${errorCases.length} cases)`, () => {
  for (const c of errorCases) {
    it(c.name, async () => {
      const { source, out } = await workspace(GOOD);
      const good = await build(source, out);
      expect(good.code, good.stderr).toBe(0);
      const deck = path.join(out, 'probe', 'index.html');
      const before = await readFile(deck);
      await writeFile(source, text(c.content));
      const bad = await build(source, out);
      expectOneErrorLine(bad, source, c.line, c.error);
      expect((await readFile(deck)).equals(before)).toBe(true);
    });
  }
});

describe(`unusual content: a correct deck, exit 0 (${deckCases.length} cases)`, () => {
  for (const c of deckCases) {
    it(
      c.name,
      async () => {
        const { source, out } = await workspace(text(c.content));
        const run = await build(source, out);
        expect(run.code, run.stderr).toBe(0);
        const warnings = run.stderr.trimEnd() ? run.stderr.trimEnd().split('\n') : [];
        expect(warnings, run.stderr).toHaveLength(c.warnings?.length ?? 0);
        c.warnings?.forEach(([line, message], i) => {
          const m = new RegExp(`^${escapeRegExp(source)}:${line}: warning: (.+)$`).exec(warnings[i]!);
          expect(m, warnings[i]).not.toBeNull();
          expect(m![1]).toMatch(message);
        });
        c.html(await readFile(path.join(out, 'probe', 'index.html'), 'utf8'));
      },
      c.timeout,
    );
  }
});
