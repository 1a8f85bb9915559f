// A corpus of bad and unusual content files run through the CLI as users run it (dist/bin/main.js).
// Each case states its outcome: either ONE error line `<file>:<line>: <what> — <hint>` with exit 1 and
// the earlier good deck of the same briefing left byte-identical ("nothing lost"), or a correct deck.
// A known bug would be kept as `it.fails` (field `bug`) with a comment saying what is wrong; none is open now.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, escapeRegExp, expectOneErrorLine, runCli, tempDir } from '../helpers.js';

// ---------------------------------------------------------------------------------------------------
// Building blocks. FM() is 5 lines (---, title, date, author, ---); the body starts on line 6.
const FM = (extra = '', title = 'Probe briefing') =>
  `---\ntitle: ${title}\ndate: 2026-01-15\nauthor: Test Author\n${extra}---\n`;
const SUMMARY = '## Summary\n\nThe bottom line.\n\n- First point.\n';
const IMPL = '## Implications\n\n- An implication.\n';
const RECS = '## Recommendations\n\n1. Do this.\n2. Also this.\n';
const BODY = `\n${SUMMARY}\n${IMPL}\n${RECS}`;
/** The good briefing: Summary at line 7, Implications at 13, Recommendations at 17, last line 20. */
const GOOD = FM() + BODY;
const withSummary = (markdown: string) => FM() + `\n## Summary\n\nBottom line.\n\n${markdown}\n\n${IMPL}\n${RECS}`;
const recommendations = (n: number) =>
  `## Recommendations\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. Recommendation number ${i + 1}.`).join('\n')}\n`;
const nestedList = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1} item`).join('\n');
const LONG_BULLET = `${'Long bullet text '.repeat(176)}ends here.`; // 3,002 characters
const RTL_CJK_TITLE = 'تهدید داعش خراسان 中文标题 🚨';
const BULLETS_INTL = ['د افغانستان امنیت ګواښ', 'التهديد في أفغانستان', '日本語の箇条書き 🎉', '中文要点 🇦🇫'];
/** Pseudo-random bytes with NULs: a "binary file named .md". */
const binary = () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
/** ~5.3 MB: a valid briefing with a huge Background section. */
const fiveMegabytes = () => GOOD + '\n## Background\n\n' + 'Lorem ipsum dolor sit amet. '.repeat(190_000) + '\n';

// ---------------------------------------------------------------------------------------------------
type Content = string | Buffer | (() => string | Buffer);

interface ErrorCase {
  name: string;
  file: string;
  content: Content;
  /** Line in the error; null when the error has no line (the form is then `<file>: <what> — <hint>`). */
  line: number | null;
  /** The `<what> — <hint>` part. */
  error: RegExp;
  /** Set when the case shows a known bug: the test is `it.fails` and this says what is wrong. */
  bug?: string;
  /** Makes other files next to the content file (in its folder `dir`) before the bad build. */
  files?: (dir: string) => Promise<unknown>;
}

interface DeckCase {
  name: string;
  file: string;
  content: Content;
  /** Expected slug (output folder); default: the file name without `.md`. */
  slug?: string;
  /** One warning line on stderr (`<file>:<line>: warning: …`); without it stderr must be empty. */
  warning?: { line: number; text: RegExp };
  /** Extra checks on the deck's index.html. */
  html?: (html: string) => void;
  bug?: string;
}

const errorCases: ErrorCase[] = [
  // --- the file as a whole
  {
    name: 'empty file',
    file: 'empty.md',
    content: '',
    line: 1,
    error: /^no front matter — start the file with a `---` line/,
  },
  { name: 'whitespace only', file: 'whitespace.md', content: '\n\n   \n\t\n', line: 1, error: /^no front matter — / },
  {
    name: 'only front matter',
    file: 'only-fm.md',
    content: FM(),
    line: 6,
    error: /^missing the required section "## Summary" — add it/,
  },
  { name: 'no front matter', file: 'no-fm.md', content: BODY, line: 1, error: /^no front matter — / },
  {
    name: 'front matter not closed',
    file: 'unclosed-fm.md',
    content: `---\ntitle: T\ndate: 2026-01-15\n${BODY}`,
    line: 1,
    error: /^front matter is not closed — end it with a `---` line/,
  },
  {
    name: 'empty front matter',
    file: 'empty-fm.md',
    content: `---\n---\n${BODY}`,
    line: 1,
    error: /^front matter is empty — add at least `title: …`$/,
  },
  {
    name: 'front matter is a plain string',
    file: 'fm-scalar.md',
    content: `---\njust a string\n---\n${BODY}`,
    line: 2,
    error: /^front matter must be `key: value` lines — /,
  },
  // NUL at line 7 (FM is 5 lines, then a blank line).
  {
    name: 'NUL bytes',
    file: 'nul.md',
    content: FM() + '\nabc\0def\n' + BODY,
    line: 7,
    error: /^the file contains NUL bytes \(is it binary\?\) — content files are UTF-8 markdown text$/,
  },
  {
    name: 'binary file named .md',
    file: 'binary.md',
    content: binary,
    line: 1,
    error: /^the file contains NUL bytes \(is it binary\?\) — /,
  },
  // The bad bytes are on line 7 (FM is 5 lines, then a blank line), as in the NUL case.
  {
    name: 'invalid UTF-8 bytes',
    file: 'invalid-utf8.md',
    content: Buffer.concat([Buffer.from(FM() + '\n'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), Buffer.from(BODY)]),
    line: 7,
    error: /^the file is not valid UTF-8 — save it as UTF-8/,
  },

  // --- malformed YAML
  {
    name: 'YAML: unclosed quote',
    file: 'unclosed-quote.md',
    content: `---\ntitle: "Unclosed\ndate: 2026-01-15\n---\n${BODY}`,
    line: 3,
    error: /^invalid YAML in front matter: missing closing "quote — check the quotes/,
  },
  {
    name: 'YAML: tabs as indentation',
    file: 'tabs.md',
    content: `---\ntitle: T\nsource:\n\ttitle: X\n---\n${BODY}`,
    line: 4,
    error: /^invalid YAML in front matter: tabs are not allowed as indentation — indent with spaces/,
  },
  {
    name: 'YAML: duplicate keys',
    file: 'duplicate-keys.md',
    content: `---\ntitle: A\ndate: 2026-01-15\ntitle: B\n---\n${BODY}`,
    line: 4,
    error: /^invalid YAML in front matter: a key appears twice — keep one of the two lines$/,
  },

  // --- wrong types and values
  {
    name: 'date as a word',
    file: 'date-word.md',
    content: `---\ntitle: T\ndate: yesterday\n---\n${BODY}`,
    line: 3,
    error: /^front matter: "date" must be a date written YYYY-MM-DD.* — write the date as YYYY-MM-DD$/,
  },
  {
    name: 'title as a list',
    file: 'title-list.md',
    content: `---\ntitle:\n  - a\n  - b\n---\n${BODY}`,
    line: 2,
    error: /^front matter: "title" should be a string, not an array — /,
  },
  {
    name: 'title missing',
    file: 'no-title.md',
    content: `---\ndate: 2026-01-15\n---\n${BODY}`,
    line: 2,
    error: /^front matter: "title" is required — /,
  },
  {
    name: 'TLP:WHITE marking',
    file: 'tlp-white.md',
    content: FM('marking: TLP:WHITE\n') + BODY,
    line: 5,
    error: /^front matter: "marking" must be TLP:CLEAR, not TLP:WHITE.* — use one of TLP:CLEAR, /,
  },
  {
    name: 'bad reveal: value',
    file: 'reveal-value.md',
    content: FM('reveal:\n  transition: spin\n') + BODY,
    line: 6,
    error: /^front matter: "reveal\.transition" invalid option: .* — reveal\.js settings allowed here: transition, /,
  },
  {
    name: 'bad reveal: key (layout)',
    file: 'reveal-key.md',
    content: FM('reveal:\n  width: 100\n') + BODY,
    line: 6,
    error: /^front matter: "reveal\.width" is not a reveal\.js setting .* — reveal\.js settings allowed here: /,
  },
  {
    name: 'two bad reveal: keys, both named (only the first was)',
    file: 'reveal-keys.md',
    content: FM('reveal:\n  width: 100\n  height: 50\n') + BODY,
    line: 6,
    error: /^front matter: "reveal\.width", "reveal\.height" are not reveal\.js settings briefdeck passes on — /,
  },
  {
    name: 'malformed language tag',
    file: 'bad-lang.md',
    content: FM('lang: en-US-US\n') + BODY,
    line: 5,
    error:
      /^front matter: "lang" must be a language tag such as en, en-GB or fa-AF — write a BCP 47 language tag, e\.g\. /,
  },
  {
    name: 'unknown template',
    file: 'unknown-template.md',
    content: FM('template: nope\n') + BODY,
    line: 5,
    error: /^unknown template "nope" — use one of: dark, default, print$/,
  },
  {
    name: 'unknown template option',
    file: 'unknown-option.md',
    content: FM('options:\n  colour: red\n') + BODY,
    line: 6,
    error: /^unknown option "colour" for template "default" — allowed options: accent, logo, footer, size$/,
  },

  // --- sections. A missing section is reported at the line of the last section heading (by design in
  // src/content/parse.ts checkSections), so the lines below are those headings.
  {
    name: 'missing Summary',
    file: 'no-summary.md',
    content: FM() + `\n${IMPL}\n${RECS}`,
    line: 11,
    error: /^missing the required section "## Summary" — add it \(accepted headings: Summary, Bottom line, /,
  },
  {
    name: 'empty Summary',
    file: 'empty-summary.md',
    content: FM() + `\n## Summary\n\n${IMPL}\n${RECS}`,
    line: 7,
    error: /^the "Summary" section is empty — write at least one paragraph or bullet$/,
  },
  {
    name: 'missing Implications',
    file: 'no-implications.md',
    content: FM() + `\n${SUMMARY}\n${RECS}`,
    line: 13,
    error: /^missing the required section "## Implications" — add it/,
  },
  {
    name: 'empty Implications',
    file: 'empty-implications.md',
    content: FM() + `\n${SUMMARY}\n## Implications\n\n${RECS}`,
    line: 13,
    error: /^the "Implications" section is empty — /,
  },
  {
    name: 'missing Recommendations',
    file: 'no-recommendations.md',
    content: FM() + `\n${SUMMARY}\n${IMPL}`,
    line: 13,
    error: /^missing the required section "## Recommendations" — add it/,
  },
  {
    name: 'empty Recommendations',
    file: 'empty-recommendations.md',
    content: FM() + `\n${SUMMARY}\n${IMPL}\n## Recommendations\n`,
    line: 17,
    error: /^the "Recommendations" section is empty — list the recommendations as/,
  },
  {
    name: 'duplicate Summary section',
    file: 'duplicate-section.md',
    content: GOOD + '\n## Summary\n\nAgain.\n',
    line: 22,
    error: /^a second summary section \("Summary"\) — merge it into "Summary" at line 7$/,
  },
  {
    name: 'text before the first ## heading',
    file: 'text-before.md',
    content: FM() + '\nStray intro text.\n' + BODY,
    line: 7,
    error: /^text before the first `##` section would not appear on any slide — /,
  },
  {
    name: 'heading with no text',
    file: 'empty-heading.md',
    content: GOOD + '\n## \n\nText.\n',
    line: 22,
    error: /^a `##` heading has no text — name the section/,
  },
  {
    name: 'quote section without a blockquote',
    file: 'quote-no-blockquote.md',
    content: GOOD + '\n## Quote\n\nJust text.\n',
    line: 22,
    error: /^the quote section has no blockquote — write the quotation as `> text`/,
  },

  // --- images and links (content/media.ts). withSummary() puts the markdown on line 11.
  {
    name: 'image: local file that does not exist',
    file: 'image-missing.md',
    content: withSummary('![chart](images/missing.png)'),
    line: 11,
    error:
      /^image "images\/missing\.png" not found — the path is relative to the folder of .*image-missing\.md: check it, or save the image there$/,
  },
  {
    name: 'image: ../../etc/passwd',
    file: 'image-passwd.md',
    content: withSummary('![x](../../etc/passwd)'),
    line: 11,
    error:
      /^image "\.\.\/\.\.\/etc\/passwd" is outside the folder of .*image-passwd\.md — content may only use files in its own folder or below it/,
  },
  {
    name: 'image: remote URL',
    file: 'image-remote.md',
    content: withSummary('![x](https://example.com/a.png)'),
    line: 11,
    error:
      /^remote image "https:\/\/example\.com\/a\.png" is not allowed — decks work offline: save the image next to the briefing/,
  },
  {
    name: 'image: absolute path',
    file: 'image-absolute.md',
    content: withSummary(`![x](${path.join(FIXTURES, 'images', 'chart.png')})`),
    line: 11,
    error: /^image ".*chart\.png" is an absolute path — use a path relative to the folder of /,
  },
  {
    name: 'image: symlink that leads out of the folder',
    file: 'image-symlink.md',
    content: withSummary('Text first.\n\n- A point ![x](escape.png)'),
    files: (dir) => symlink(path.join(FIXTURES, 'images', 'chart.png'), path.join(dir, 'escape.png')),
    line: 13,
    error:
      /^image "escape\.png" is a link to a file outside the folder of .* — content may only use files in its own folder/,
  },
  {
    name: 'image: data: URL',
    file: 'image-data.md',
    content: withSummary('![x](data:image/png;base64,iVBORw0KGgo=)'),
    line: 11,
    error: /^image "data:image\/png;base64,iVBORw0KGgo=": data: URLs are not allowed — decks work offline/,
  },
  {
    name: 'image: a text file renamed .png',
    file: 'image-not-png.md',
    content: withSummary('![x](notes.png)'),
    files: (dir) => writeFile(path.join(dir, 'notes.png'), 'not an image\n'),
    line: 11,
    error: /^image "notes\.png" is not a PNG file \(its bytes are not an image\) — save it as a real PNG image$/,
  },
  {
    name: 'image: a folder',
    file: 'image-folder.md',
    content: withSummary('![x](images)'),
    files: (dir) => mkdir(path.join(dir, 'images')),
    line: 11,
    error: /^image "images" is a folder, not an image file — name the image file itself/,
  },
  {
    name: 'image: raw HTML <img> with a remote src',
    file: 'image-raw-html.md',
    content: withSummary('<img src="https://example.com/a.png" alt="x">'),
    line: 11,
    error: /^raw HTML <img> is not supported — write the image in markdown, !\[description\]\(images\/file\.png\)/,
  },
  {
    name: 'link: relative path out of the folder',
    file: 'link-outside.md',
    content: withSummary('See [the file](../../secret.txt).'),
    line: 11,
    error:
      /^link "\.\.\/\.\.\/secret\.txt" points outside the folder of .*link-outside\.md — link to a web \(http\/https\) or mailto address, or a #slide anchor; /,
  },
  {
    name: 'link: ../ written as character references',
    file: 'link-entities.md',
    content: withSummary('See [the file](&#46;&#46;/&#46;&#46;/secret.txt).'),
    line: 11,
    error: /^link "&#46;&#46;\/&#46;&#46;\/secret\.txt" points outside the folder of /,
  },
  {
    name: 'link: a local file the deck would not carry',
    file: 'link-local.md',
    content: withSummary('See [the notes](notes.txt).'),
    line: 11,
    error: /^link "notes\.txt" points to a local file, which the deck does not carry — link to a web /,
  },
];

const deckCases: DeckCase[] = [
  {
    name: 'unknown front-matter field: warning with "did you mean"',
    file: 'unknown-field.md',
    content: FM('autor: X\n') + BODY,
    warning: { line: 5, text: /^unknown front matter field "autor" is ignored — did you mean "author"\?$/ },
  },
  {
    name: 'draft: true with empty recommendations: warning',
    file: 'draft-empty.md',
    content: FM('draft: true\n') + `\n${SUMMARY}\n${IMPL}\n## Recommendations\n`,
    warning: { line: 18, text: /^the "Recommendations" section is empty \(allowed while `draft: true`\)$/ },
  },
  {
    name: 'UTF-8 BOM',
    file: 'bom.md',
    content: '\uFEFF' + GOOD,
    html: (h) => {
      expect(h).toContain('<title>Probe briefing</title>');
      expect(h).not.toContain('\uFEFF');
    },
  },
  {
    name: 'CRLF line endings',
    file: 'crlf.md',
    content: GOOD.replace(/\n/g, '\r\n'),
    html: (h) => expect(h).toContain('Also this.'),
  },
  // Observed: a 5.3 MB file builds (about 1.5 s) into a deck with the whole text.
  {
    name: '5 MB file',
    file: 'five-mb.md',
    content: fiveMegabytes,
    html: (h) => expect(h.split('Lorem ipsum dolor sit amet.').length - 1).toBe(190_000),
  },
  {
    name: '500 recommendations: 100 recommendation slides',
    file: 'five-hundred.md',
    content: FM() + `\n${SUMMARY}\n${IMPL}\n${recommendations(500)}`,
    html: (h) => {
      const titles = new Set(h.match(/Recommendations \(\d+\/\d+\)/g));
      expect(titles.size).toBe(100);
      expect(titles).toContain('Recommendations (100/100)');
      expect(h).toContain('Recommendation number 500.');
    },
  },
  {
    name: '3,000-character bullet',
    file: 'long-bullet.md',
    content: withSummary(`- ${LONG_BULLET}`),
    html: (h) => expect(h).toContain(LONG_BULLET),
  },
  {
    name: 'list nested 10 levels deep',
    file: 'nested.md',
    content: withSummary(nestedList),
    html: (h) => {
      for (let i = 1; i <= 10; i++) expect(h).toContain(`level ${i} item`);
      expect(h.match(/<ul>/g)).toHaveLength(9); // levels 2..10 (level 1 is <ul class="bullets">)
    },
  },
  {
    name: 'RTL (Arabic, Pashto, Dari), CJK and emoji in title and bullets',
    file: 'international.md',
    content:
      FM('', RTL_CJK_TITLE) +
      `\n## Summary\n\nالخلاصة: 要点.\n\n${BULLETS_INTL.map((b) => `- ${b}`).join('\n')}\n\n${IMPL}\n${RECS}`,
    html: (h) => {
      expect(h).toContain(`<title>${RTL_CJK_TITLE}</title>`);
      for (const bullet of BULLETS_INTL) expect(h).toContain(bullet);
    },
  },
  {
    name: 'file name with spaces and non-ASCII characters: ASCII kebab-case slug',
    file: 'Ünïcödé Brief 2026 é.md',
    slug: 'unicode-brief-2026-e',
    content: GOOD,
  },
  {
    name: 'links: web, mail and anchor links stay',
    file: 'links-ok.md',
    content: withSummary('[w](https://example.com) [m](mailto:a@example.com) [a](#top)'),
    html: (h) =>
      expect(h).toContain(
        '<a href="https://example.com">w</a> <a href="mailto:a@example.com">m</a> <a href="#top">a</a>',
      ),
  },
  // Control characters (BEL, ESC, BS) are dropped, raw or written as YAML escapes: they are HTML parse
  // errors, and ESC sequences reach terminals that cat/grep the deck.
  {
    name: 'control characters in the title (YAML escapes)',
    file: 'control-escaped.md',
    content: FM('', '"Bad\\u0007title\\u001b[31m"') + BODY,
    html: (h) => {
      expect(h).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      expect(h).toContain('<title>Badtitle[31m</title>');
    },
  },
  {
    name: 'control characters in the title (raw bytes)',
    file: 'control-raw.md',
    content: FM('', 'Bad\u0007ti\u0008tle') + BODY,
    html: (h) => {
      expect(h).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      expect(h).toContain('<title>Badtitle</title>');
    },
  },
];

// ---------------------------------------------------------------------------------------------------
const slugOf = (file: string) => file.replace(/\.md$/, '');
const bytes = (content: Content) => (typeof content === 'function' ? content() : content);

let root: string;
let n = 0;
/** A fresh folder with the content file in `src/` and an empty output folder `out/`. */
async function workspace(file: string, content: Content) {
  const dir = path.join(root, String(++n));
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const source = path.join(dir, 'src', file);
  await writeFile(source, bytes(content));
  return { source, out: path.join(dir, 'out') };
}
const build = (source: string | string[], out: string, ...extra: string[]) =>
  runCli(['build', ...(Array.isArray(source) ? source : [source]), '--out', out, '--no-pdf', ...extra]);

beforeAll(async () => {
  root = await tempDir('briefdeck-bad-input-');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe(`bad input: one error line, exit 1, the earlier deck untouched (${errorCases.length} cases)`, () => {
  for (const c of errorCases) {
    (c.bug ? it.fails : it)(c.name, async () => {
      // First the good version of the same briefing (same file name, so same slug) ...
      const { source, out } = await workspace(c.file, GOOD);
      const good = await build(source, out);
      expect(good.code, good.stderr).toBe(0);
      const deck = path.join(out, slugOf(c.file), 'index.html');
      const before = await readFile(deck);
      // ... then the bad one over it.
      await c.files?.(path.dirname(source));
      await writeFile(source, bytes(c.content));
      const bad = await build(source, out);
      expectOneErrorLine(bad, source, c.line, c.error);
      // Nothing lost.
      expect((await readFile(deck)).equals(before)).toBe(true);
    });
  }
});

describe(`unusual input: a correct deck, exit 0 (${deckCases.length} cases)`, () => {
  for (const c of deckCases) {
    (c.bug ? it.fails : it)(c.name, async () => {
      const { source, out } = await workspace(c.file, c.content);
      const run = await build(source, out);
      expect(run.code, run.stderr).toBe(0);
      if (c.warning) {
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        const m = new RegExp(`^${escapeRegExp(source)}:${c.warning.line}: warning: (.+)$`).exec(run.stderr.trimEnd());
        expect(m, run.stderr).not.toBeNull();
        expect(m![1]).toMatch(c.warning.text);
      } else {
        expect(run.stderr).toBe('');
      }
      const slug = c.slug ?? slugOf(c.file);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const html = await readFile(path.join(out, slug, 'index.html'), 'utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      c.html?.(html);
    });
  }
});

describe('two briefings with the same slug in one build', () => {
  it('is one error naming both files; the first deck is built', async () => {
    const first = await workspace('same.md', GOOD.replace('Probe briefing', 'First briefing'));
    const second = await workspace('same.md', GOOD.replace('Probe briefing', 'Second briefing'));
    const run = await build([first.source, second.source], first.out);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${second.source}:1: the slug "same" is already used by ${first.source} — rename one file or set a different \`slug:\` in its front matter`,
    ]);
    const html = await readFile(path.join(first.out, 'same', 'index.html'), 'utf8');
    expect(html).toContain('First briefing');
    expect(html).not.toContain('Second briefing');
  });

  it('a clash caused by `slug:` in the front matter names the line of `slug:`', async () => {
    const first = await workspace('same.md', GOOD);
    const second = await workspace('other.md', FM('slug: same\n') + BODY);
    const run = await build([first.source, second.source], first.out);
    expect(run.stderr.trimEnd()).toMatch(
      new RegExp(`^${escapeRegExp(second.source)}:5: the slug "same" is already used by `),
    );
  });
});
