// Bad YAML, dates, encodings, links and names, through the CLI as users run it (dist/bin/main.js), in
// the style of bad-input.test.ts: ONE line `<file>:<line>: <what> — <hint>`, exit 1, the earlier good deck
// of the same briefing byte-identical; or a correct deck with the warning it should give (issue 11).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, escapeRegExp } from '../helpers.js';

// FM() is 5 lines (---, title, date, author, ---) when `extra` is empty; `extra` comes after `author:`, from line 5.
const FM = (extra = '', date = '2026-01-15') =>
  `---\ntitle: Probe briefing\ndate: ${date}\nauthor: Test Author\n${extra}---\n`;
const BODY =
  '\n## Summary\n\nThe bottom line.\n\n- First point.\n\n## Implications\n\n- An implication.\n\n## Recommendations\n\n1. Do this.\n';
const GOOD = FM() + BODY;
/** The body with `markdown` as a paragraph of the Summary, on line 11 (after FM()). */
const withSummary = (markdown: string) =>
  FM() + `\n## Summary\n\nBottom line.\n\n${markdown}\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n`;
const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  '',
].join('\n');
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const DATE_HINT = ' — write the date as YYYY-MM-DD$';
const TAG_HINT = ' — remove the tag \\(!!name or !name\\): briefdeck reads plain YAML values';

interface ErrorCase {
  name: string;
  file: string;
  content: string | Buffer;
  line: number;
  error: RegExp;
}

const errorCases: ErrorCase[] = [
  // --- item 5: impossible dates were shown as other dates (2026-02-30 as "2 March 2026").
  {
    name: 'date 2026-02-30',
    file: 'feb-30.md',
    content: FM('', '2026-02-30') + BODY,
    line: 3,
    error: new RegExp(`^front matter: "date" is not a real date: February 2026 has 28 days${DATE_HINT}`),
  },
  {
    name: 'date 2027-02-29 (not a leap year)',
    file: 'feb-29-2027.md',
    content: FM('', '2027-02-29') + BODY,
    line: 3,
    error: new RegExp(`^front matter: "date" is not a real date: February 2027 has 28 days${DATE_HINT}`),
  },
  {
    name: 'date 2026-13-01',
    file: 'month-13.md',
    content: FM('', '2026-13-01') + BODY,
    line: 3,
    error: new RegExp(
      `^front matter: "date" is not a real date: there is no month 13: months are 01 to 12${DATE_HINT}`,
    ),
  },
  {
    name: 'date 0000-01-01',
    file: 'year-0.md',
    content: FM('', '0000-01-01') + BODY,
    line: 3,
    error: new RegExp(`^front matter: "date" is not a real date: there is no year 0000${'.*'}${DATE_HINT}`),
  },
  {
    name: 'source date 2026-04-31',
    file: 'source-date.md',
    content: FM('source:\n  title: S\n  date: 2026-04-31\n') + BODY,
    line: 7,
    error: new RegExp(`^front matter: "source\\.date" is not a real date: April 2026 has 30 days${DATE_HINT}`),
  },
  {
    name: 'date !!timestamp 2026-02-30 (a Date rolled over to 2 March)',
    file: 'timestamp.md',
    content: FM('', '!!timestamp 2026-02-30') + BODY,
    line: 3,
    error: new RegExp(`^invalid YAML in front matter: the tag !!timestamp is not supported${TAG_HINT}`),
  },
  // --- item 17: dates of the wrong type lost the YYYY-MM-DD wording ("invalid input").
  {
    name: 'date as a list',
    file: 'date-list.md',
    content: FM('', '[2026-11-29]') + BODY,
    line: 3,
    error: new RegExp(
      `^front matter: "date" must be a date written YYYY-MM-DD, e\\.g\\. 2026-11-29, not a list \\(remove the \\[ \\]\\)${DATE_HINT}`,
    ),
  },
  {
    name: 'date as a number',
    file: 'date-number.md',
    content: FM('', '20261129') + BODY,
    line: 3,
    error: new RegExp(
      `^front matter: "date" must be a date written YYYY-MM-DD, e\\.g\\. 2026-11-29, not the number 20261129 \\(write the dashes\\)${DATE_HINT}`,
    ),
  },

  // --- item 14: aliases gave "internal error" (exit 70).
  {
    name: 'YAML alias bomb',
    file: 'alias-bomb.md',
    content: FM(ALIAS_BOMB) + BODY,
    line: 7,
    error:
      /^invalid YAML in front matter: the aliases expand to more than 100 copies \(an alias bomb\?\) — write the values out instead of aliases/,
  },
  {
    name: 'YAML alias to no anchor',
    file: 'alias-unresolved.md',
    content: FM('subtitle: *nope\n') + BODY,
    line: 5,
    error:
      /^invalid YAML in front matter: the alias \*nope names no anchor before it — set the anchor first \(`key: &nope value`\)/,
  },

  // --- item 17: messages that said the wrong thing.
  {
    name: 'deeply nested flow collections',
    file: 'deep.md',
    content: FM(`deep: ${'['.repeat(2000)}${']'.repeat(2000)}\n`) + BODY,
    line: 5,
    error: /^invalid YAML in front matter: lists or maps are nested too deeply — a few levels are enough/,
  },
  {
    name: '%YAML 1.1 directive',
    file: 'yaml-directive.md',
    content: `---\n%YAML 1.1\ntitle: T\n---\n${BODY}`,
    line: 2,
    error:
      /^front matter: the YAML directive `%YAML 1\.1` is not supported — remove the line: briefdeck reads YAML 1\.2, with no directives$/,
  },
  {
    name: 'NUL written "\\0" in a YAML string',
    file: 'nul-escape.md',
    content: FM('subtitle: "a\\0b"\n') + BODY,
    line: 5,
    error:
      /^front matter: a NUL character \(written \\0 or \\x00\) in a value — remove it: text cannot hold NUL characters$/,
  },
  {
    name: 'NUL written "\\x00" in the title',
    file: 'nul-hex.md',
    content: `---\ntitle: "a\\x00b"\n---\n${BODY}`,
    line: 2,
    error: /^front matter: a NUL character /,
  },
  {
    name: '!!js/function tag',
    file: 'js-function.md',
    content: FM('subtitle: !!js/function "function () { return 1 }"\n') + BODY,
    line: 5,
    error: new RegExp(`^invalid YAML in front matter: the tag !!js/function is not supported${TAG_HINT}`),
  },
  {
    name: 'a list as a key (yaml printed a Node warning)',
    file: 'complex-key.md',
    content: FM('? [a, b]\n: c\n') + BODY,
    line: 5,
    error: /^front matter: a key must be plain text, not a list, map or alias — write `name: value`/,
  },
  {
    name: 'a 300-letter slug (ENAMETOOLONG, exit 4)',
    file: 'long-slug.md',
    content: FM(`slug: ${'a'.repeat(300)}\n`) + BODY,
    line: 5,
    error: /^front matter: "slug" is 300 characters long: at most 80 — /,
  },
  {
    name: 'UTF-16 LE with a BOM (was "binary")',
    file: 'utf16-bom.md',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(GOOD)]),
    line: 1,
    error: /^the file is UTF-16 text, not UTF-8 — save it as UTF-8 \(most editors: "Save with encoding" → UTF-8; /,
  },
  {
    name: 'UTF-16 LE without a BOM',
    file: 'utf16-le.md',
    content: utf16le(GOOD),
    line: 1,
    error: /^the file is UTF-16 text, not UTF-8 — save it as UTF-8/,
  },
  {
    name: 'UTF-16 BE with a BOM',
    file: 'utf16-be.md',
    content: utf16be('\uFEFF' + GOOD),
    line: 1,
    error: /^the file is UTF-16 text, not UTF-8 — save it as UTF-8/,
  },
];

// ---------------------------------------------------------------------------------------------------
let root: string;
let n = 0;
/** A fresh folder with the content file in `src/` and an empty output folder `out/`. */
async function workspace(file: string, content: string | Buffer) {
  const dir = path.join(root, String(++n));
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const source = path.join(dir, 'src', file);
  await writeFile(source, content);
  return { dir, source, out: path.join(dir, 'out') };
}
const build = (source: string, out: string, cwd?: string) =>
  runCli(['build', source, '--out', out, '--no-pdf'], { cwd });

beforeAll(async () => {
  root = await tempDir('briefdeck-bad-yaml-');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Builds GOOD, then `bad` over it; checks the one error line and that the deck is unchanged; returns the line's `<what> — <hint>`. */
async function badBuild(
  file: string,
  bad: string | Buffer,
  line: number,
  options: { setup?: (dir: string) => Promise<unknown>; errorFile?: (dir: string, source: string) => string } = {},
) {
  const { dir, source, out } = await workspace(file, GOOD);
  const good = await build(source, out, dir);
  expect(good.code, good.stderr).toBe(0);
  const deck = path.join(out, path.basename(file, '.md'), 'index.html');
  const before = await readFile(deck);
  await options.setup?.(dir);
  await writeFile(source, bad);
  const run = await build(source, out, dir);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).not.toMatch(/^\s+at |internal error|\(node:\d+\)/m);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  const where = options.errorFile?.(dir, source) ?? source;
  const m = new RegExp(`^${escapeRegExp(where)}:${line}: (.+ — .+)$`).exec(lines[0]!);
  expect(m, lines[0]).not.toBeNull();
  expect((await readFile(deck)).equals(before)).toBe(true);
  return m![1]!;
}

describe(`bad YAML, dates and encodings: one error line, exit 1, the earlier deck untouched (${errorCases.length} cases)`, () => {
  for (const c of errorCases) {
    it(c.name, async () => {
      expect(await badBuild(c.file, c.content, c.line)).toMatch(c.error);
    });
  }
});

describe('the config file (briefdeck.config.yaml): its own errors, at its lines', () => {
  const configCase = (name: string, config: string | Buffer, line: number, error: RegExp) =>
    it(name, async () => {
      const what = await badBuild('configured.md', GOOD, line, {
        setup: (dir) => writeFile(path.join(dir, 'briefdeck.config.yaml'), config),
        errorFile: () => 'briefdeck.config.yaml', // shown relative to the working directory
      });
      expect(what).toMatch(error);
    });
  configCase(
    'alias bomb (was internal error, exit 70)',
    `template: default\n${ALIAS_BOMB}`,
    4,
    /^invalid YAML in config: the aliases expand to more than 100 copies/,
  );
  configCase(
    'alias to no anchor (was internal error, exit 70)',
    'template: *nope\n',
    1,
    /^invalid YAML in config: the alias \*nope names no anchor before it — /,
  );
  configCase(
    '%YAML 1.1 directive (YAML 1.1 reads yes as true)',
    '%YAML 1.1\n---\ntemplate: default\n',
    1,
    /^config: the YAML directive `%YAML 1\.1` is not supported — /,
  );
  configCase(
    'UTF-16 (was read as text with NULs)',
    utf16le('template: default\n'),
    1,
    /^the file is UTF-16 text, not UTF-8 — save it as UTF-8/,
  );
  configCase(
    'two unknown keys: both named, at the first (only the first was named)',
    'template: default\ntempalte: x\noptoins: {}\n',
    2,
    /^config: "tempalte", "optoins" are not config fields — config fields are template, templates, options, formats, paper, scale, labels and digits$/,
  );
  configCase(
    'a list of template folders with a number in it: the item is named',
    'templates:\n  - mine\n  - 3\n',
    3,
    /^config: "templates\.1" should be a string, not a number — /,
  );
  configCase(
    'an unknown tag',
    'options: !!set { a }\n',
    1,
    /^invalid YAML in config: the tag !!set is not supported — /,
  );

  it('a --config path that cannot be read names the path as its location', async () => {
    const { dir, source, out } = await workspace('cfg-missing.md', GOOD);
    const run = await runCli(['build', source, '--out', out, '--no-pdf', '--config', 'missing.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd()).toBe('missing.yaml: cannot read the config file — check the --config path');
  });
});

describe('unusual but valid input', () => {
  it('a leap day builds, shown as that day', async () => {
    const { source, out } = await workspace('leap-day.md', FM('', '2028-02-29') + BODY);
    const run = await build(source, out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(await readFile(path.join(out, 'leap-day', 'index.html'), 'utf8')).toContain('29 February 2028');
  });

  it('a long file name gives a slug of at most 80 characters', async () => {
    const name = `${'very-long-name-'.repeat(16)}end.md`; // 243 characters
    const { source, out } = await workspace(name, GOOD);
    const run = await build(source, out);
    expect(run.code, run.stderr).toBe(0);
    const slug = 'very-long-name-'.repeat(16).slice(0, 80).replace(/-+$/, '');
    expect(await readFile(path.join(out, slug, 'index.html'), 'utf8')).toContain('Probe briefing');
  });

  // A control character before a scheme was taken for a path "outside the folder" (exit 1); javascript:,
  // vbscript: and data: links in any case were dropped without a word. Each is now named unsafe, at its
  // line; the deck keeps the link text without the link, as the sanitizer leaves it.
  it.each([
    ['&#1;javascript:alert(1)/../../../x', 'javascript'],
    ['&#x1f;javascript:alert(1)', 'javascript'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['data:text/html,hi', 'data'],
  ])('link %s: a warning naming it an unsafe %s: link', async (href, scheme) => {
    const { source, out } = await workspace(`unsafe-${++n}.md`, withSummary(`See [the page](${href}).`));
    const run = await build(source, out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trimEnd()).toMatch(
      new RegExp(
        `^${escapeRegExp(source)}:11: warning: link ".+" is an unsafe ${scheme}: link \\(it could run a script\\): the deck keeps its text without the link — link to a web \\(http/https\\) or mailto address, or a #slide anchor$`,
      ),
    );
    expect(await readFile(path.join(out, path.basename(source, '.md'), 'index.html'), 'utf8')).toContain(
      '<p>See <a>the page</a>.</p>',
    );
  });
});

describe('control characters in what briefdeck prints are escaped (item 17)', () => {
  it('a file named with ESC [2J and a newline: one error line, the name escaped', async () => {
    const { source, out } = await workspace('clear\x1b[2J\nscreen.md', FM('', '2026-02-30') + BODY);
    const run = await build(source, out);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/); // nothing but the final newline
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${path.dirname(source)}/clear\\u001b[2J\\nscreen.md:3: front matter: "date" is not a real date: February 2026 has 28 days — write the date as YYYY-MM-DD`,
    ]);
  });

  it('a warning for a front-matter key with ESC, CR, LF and a bidi override: one line, escaped', async () => {
    const { source, out } = await workspace('odd-key.md', FM('"x\\ny\\rz\\u202e": 1\n') + BODY);
    const run = await build(source, out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${source}:5: warning: unknown front matter field "x\\ny\\rz\\u202e" is ignored`,
    ]);
  });
});
