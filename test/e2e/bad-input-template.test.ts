// Bad image options, template manifests and template fields, run through the CLI as users run it
// (dist/bin/main.js), in the style of bad-input.test.ts: ONE error line `<file>:<line>: <what> — <hint>`,
// exit 1, and the earlier good deck of the same briefing left byte-identical.
import { spawnSync } from 'node:child_process';
import { mkdir, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli, tempDir, escapeRegExp } from '../helpers.js';

// FM() is 5 lines (---, title, date, author, ---) with `extra` lines before the closing ---.
const FM = (extra = '') => `---\ntitle: Probe briefing\ndate: 2026-01-15\nauthor: Test Author\n${extra}---\n`;
const BODY =
  '\n## Summary\n\nThe bottom line.\n\n- First point.\n\n## Implications\n\n- An implication.\n\n## Recommendations\n\n1. Do this.\n';
const GOOD = FM() + BODY;
/** Front matter that sets one option: `options:` on line 5, the option on line 6. */
const withOption = (key: string, value: string) => FM(`options:\n  ${key}: ${value}\n`) + BODY;
const PNG = () => readFile(path.join(FIXTURES, 'images', 'chart.png'));
const SVG = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${inner}</svg>`;

/** A user template `brand` in <case>/templates/brand (extends default), with its template.json written from `manifest`. */
async function brandTemplate(
  dir: string,
  manifest: object | string,
  files: Record<string, string | Buffer> = {},
): Promise<string> {
  const folder = path.join(dir, 'templates', 'brand');
  await mkdir(path.join(folder, 'partials'), { recursive: true });
  await writeFile(
    path.join(folder, 'template.json'),
    typeof manifest === 'string'
      ? manifest
      : `${JSON.stringify({ name: 'brand', extends: 'default', ...manifest }, null, 2)}\n`,
  );
  for (const [name, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), data);
  }
  return folder;
}
const BRAND = ['--templates', 'templates', '--template', 'brand'];

interface ErrorCase {
  name: string;
  /** The briefing src/probe.md of the bad build (the good one before it is GOOD). */
  content: string;
  /** Makes files in the case folder (which holds src/) before the bad build. */
  files?: (dir: string) => Promise<unknown>;
  /** More arguments for the bad build (run in the case folder). */
  args?: string[];
  /** The file the error names, relative to the case folder, and its line. */
  file: string;
  line: number;
  /** The `<what> — <hint>` part. */
  error: RegExp;
}

const errorCases: ErrorCase[] = [
  // --- item 9: image options get the checks content images get (content/media.ts checkImage)
  {
    name: 'front matter: a logo that is a symlink to /etc/passwd',
    content: withOption('logo', 'logo.png'),
    files: (dir) => symlink('/etc/passwd', path.join(dir, 'src', 'logo.png')),
    file: 'src/probe.md',
    line: 6,
    error:
      /^option "logo": image "logo\.png" is a link to a file outside the folder of .*probe\.md — content may only use files in its own folder or below it/,
  },
  {
    name: 'config: a logo that is a symlink to /etc/shadow',
    content: GOOD,
    files: async (dir) => {
      await writeFile(path.join(dir, 'briefdeck.config.yaml'), 'template: default\noptions:\n  logo: shadow.png\n');
      await symlink('/etc/shadow', path.join(dir, 'shadow.png'));
    },
    file: 'briefdeck.config.yaml',
    line: 3,
    error:
      /^option "logo": image "shadow\.png" is a link to a file outside the folder of briefdeck\.config\.yaml — content may only use files/,
  },
  {
    name: 'a logo SVG with a <script> (it would run when opened by its URL)',
    content: withOption('logo', 'logo.svg'),
    files: (dir) => writeFile(path.join(dir, 'src', 'logo.svg'), SVG('<script>alert(1)</script>')),
    file: 'src/probe.md',
    line: 6,
    error:
      /^option "logo": image "logo\.svg" is not a plain drawing: it contains a <script> element — export it again as a plain SVG/,
  },
  {
    name: 'a text file named logo.png',
    content: withOption('logo', 'logo.png'),
    files: (dir) => writeFile(path.join(dir, 'src', 'logo.png'), 'not an image\n'),
    file: 'src/probe.md',
    line: 6,
    error:
      /^option "logo": image "logo\.png" is not a PNG file \(its bytes are not an image\) — save it as a real PNG image$/,
  },
  {
    name: 'a logo that is a folder',
    content: withOption('logo', 'logo.png'),
    files: (dir) => mkdir(path.join(dir, 'src', 'logo.png')),
    file: 'src/probe.md',
    line: 6,
    error:
      /^option "logo": image "logo\.png" is a folder, not an image file — name the image file itself, e\.g\. images\/chart\.png$/,
  },
  {
    name: 'a logo that is a FIFO (reading it would hang the build)',
    content: withOption('logo', 'logo.png'),
    files: async (dir) => expect(spawnSync('mkfifo', [path.join(dir, 'src', 'logo.png')]).status).toBe(0),
    file: 'src/probe.md',
    line: 6,
    error: /^option "logo": image "logo\.png" is not a regular file — use a PNG, JPEG, GIF, WebP or SVG file$/,
  },
  {
    name: 'a 40 MB logo (a sparse file: PNG signature, then zeros)',
    content: withOption('logo', 'logo.png'),
    files: async (dir) => {
      const file = await open(path.join(dir, 'src', 'logo.png'), 'w');
      await file.write((await PNG()).subarray(0, 8));
      await file.truncate(40 * 2 ** 20);
      await file.close();
    },
    file: 'src/probe.md',
    line: 6,
    error: /^option "logo": image "logo\.png" is 40 MB, more than a deck can carry \(32 MB\) — save it smaller/,
  },
  {
    name: 'sibling: a 40 MB content image (the same check; it was read whole into memory)',
    content:
      FM() +
      '\n## Summary\n\nThe bottom line.\n\n![chart](chart.png)\n\n## Implications\n\n- An implication.\n\n## Recommendations\n\n1. Do this.\n',
    files: async (dir) => {
      const file = await open(path.join(dir, 'src', 'chart.png'), 'w');
      await file.write((await PNG()).subarray(0, 8));
      await file.truncate(40 * 2 ** 20);
      await file.close();
    },
    file: 'src/probe.md',
    line: 11,
    error: /^image "chart\.png" is 40 MB, more than a deck can carry \(32 MB\) — save it smaller/,
  },
  {
    name: 'another image option of a user template (a symlink to /etc/passwd)',
    content: withOption('watermark', 'mark.png'),
    files: async (dir) => {
      await brandTemplate(dir, { options: { watermark: { type: 'image' } } });
      await symlink('/etc/passwd', path.join(dir, 'src', 'mark.png'));
    },
    args: BRAND,
    file: 'src/probe.md',
    line: 6,
    error: /^option "watermark": image "mark\.png" is a link to a file outside the folder of /,
  },
  // A user template's own default image: relative to its template.json, and inside its folder.
  {
    name: "a user template's default logo that is a symlink to /etc/passwd",
    content: GOOD,
    files: async (dir) => {
      const folder = await brandTemplate(dir, { options: { logo: { type: 'image', default: 'logo.png' } } });
      await symlink('/etc/passwd', path.join(folder, 'logo.png'));
    },
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^option "logo": image "logo\.png" is a link to a file outside the folder of .*template\.json — /,
  },
  {
    name: "a user template's default logo outside its folder (../)",
    content: GOOD,
    files: async (dir) => {
      await brandTemplate(dir, { options: { logo: { type: 'image', default: '../logo.png' } } });
      await writeFile(path.join(dir, 'templates', 'logo.png'), await PNG());
    },
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^option "logo": image "\.\.\/logo\.png" is outside the folder of .*template\.json — /,
  },
  {
    name: "a user template's default logo that is a text file named .svg",
    content: GOOD,
    files: (dir) =>
      brandTemplate(
        dir,
        { options: { logo: { type: 'image', default: 'assets/logo.svg' } } },
        { 'assets/logo.svg': 'hello\n' },
      ),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^option "logo": image "assets\/logo\.svg" is not an SVG file \(its bytes are not an image\) — /,
  },

  // --- item 20: every option default in template.json is checked against its type, at its line
  {
    name: 'template.json: a colour default that is not a hex colour',
    content: GOOD,
    files: (dir) => brandTemplate(dir, { options: { accent: { type: 'color', default: 'red' } } }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^template\.json: the default of option "accent" must be a hex colour like #1f4e79 — got "red"$/,
  },
  {
    name: 'template.json: an enum default that is not one of its values',
    content: GOOD,
    files: (dir) =>
      brandTemplate(dir, { options: { size: { type: 'enum', values: ['16:9', '4:3'], default: '21:9' } } }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 11,
    error: /^template\.json: the default of option "size" must be one of "16:9", "4:3" — got "21:9"$/,
  },
  {
    name: 'template.json: a number default written as a string',
    content: GOOD,
    files: (dir) => brandTemplate(dir, { options: { columns: { type: 'number', default: '2' } } }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error:
      /^template\.json: "options\.columns\.default" invalid input: expected number, received string — see templates\/README\.md/,
  },
  {
    name: 'template.json: a boolean default written as a string',
    content: GOOD,
    files: (dir) => brandTemplate(dir, { options: { confidential: { type: 'boolean', default: 'yes' } } }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^template\.json: "options\.confidential\.default" invalid input: expected boolean, received string — /,
  },
  {
    name: 'template.json: a misspelt key in an option ("defualt" was ignored)',
    content: GOOD,
    files: (dir) => brandTemplate(dir, { options: { accent: { type: 'color', defualt: '#123456' } } }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^template\.json: "options\.accent" unrecognized key: "defualt" — see templates\/README\.md/,
  },
  {
    name: 'template.json: two misspelt keys in an option are both named (only the first was)',
    content: GOOD,
    files: (dir) =>
      brandTemplate(dir, { options: { accent: { type: 'color', defualt: '#123456', descripton: 'Accent' } } }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^template\.json: "options\.accent" unrecognized keys: "defualt", "descripton" — see templates\/README\.md/,
  },

  // --- item 20: every field a template prints is one the data has (deck/fields.ts), checked at its line
  {
    name: 'layout: a misspelt field {{meta.titel}}',
    content: GOOD,
    files: async (dir) => {
      const layout = await readFile(path.join(ROOT, 'templates', 'default', 'layout.hbs'), 'utf8');
      expect(layout.split('\n')[8]).toBe('<title>{{meta.title}}</title>');
      await brandTemplate(
        dir,
        {},
        { 'layout.hbs': layout.replace('<title>{{meta.title}}</title>', '<title>{{meta.titel}}</title>') },
      );
    },
    args: BRAND,
    file: 'templates/brand/layout.hbs',
    line: 9,
    error: /^unknown field "meta\.titel" — did you mean "meta\.title"\?$/,
  },
  {
    name: 'partial: a misspelt field {{@root.meta.titel}}',
    content: GOOD,
    files: (dir) =>
      brandTemplate(
        dir,
        {},
        { 'partials/title.hbs': '<div class="title">\n  <h1>{{@root.meta.titel}}</h1>\n</div>\n' },
      ),
    args: BRAND,
    file: 'templates/brand/partials/title.hbs',
    line: 2,
    error: /^unknown field "@root\.meta\.titel" — did you mean "@root\.meta\.title"\?$/,
  },
  {
    name: 'partial: {{meta.title}}, where `this` is the slide',
    content: GOOD,
    files: (dir) => brandTemplate(dir, {}, { 'partials/title.hbs': '<h1>{{meta.title}}</h1>\n' }),
    args: BRAND,
    file: 'templates/brand/partials/title.hbs',
    line: 1,
    error:
      /^unknown field "meta\.title" — here `this` is a slide; the deck's fields are under @root: write "@root\.meta\.title"$/,
  },
  {
    name: 'partial: {{assets.template}} (was an empty src: a silent broken image)',
    content: GOOD,
    files: (dir) =>
      brandTemplate(
        dir,
        {},
        {
          'partials/title.hbs': '{{> heading}}\n<img src="{{assets.template}}/logo.svg" alt="">\n',
          'assets/logo.svg': SVG('<rect/>'),
        },
      ),
    args: BRAND,
    file: 'templates/brand/partials/title.hbs',
    line: 2,
    error:
      /^unknown field "assets\.template" — here `this` is a slide; the deck's fields are under @root: write "@root\.assets\.template"$/,
  },
  {
    name: 'partial: a misspelt field of a list item, inside {{#each}}',
    content: GOOD,
    files: (dir) =>
      brandTemplate(
        dir,
        {},
        { 'partials/summary.hbs': '{{> heading}}\n<ul>\n{{#each items}}\n  <li>{{{htlm}}}</li>\n{{/each}}\n</ul>\n' },
      ),
    args: BRAND,
    file: 'templates/brand/partials/summary.hbs',
    line: 4,
    error: /^unknown field "htlm" — did you mean "html"\?$/,
  },
  {
    name: 'partial: an option the template does not declare',
    content: GOOD,
    files: (dir) =>
      brandTemplate(
        dir,
        {},
        { 'partials/footer.hbs': '<footer style="color: {{@root.options.acent}}">{{number}}</footer>\n' },
      ),
    args: BRAND,
    file: 'templates/brand/partials/footer.hbs',
    line: 1,
    error: /^unknown field "@root\.options\.acent" — did you mean "@root\.options\.accent"\?$/,
  },
  {
    name: "partial: a misspelt field in a partial's hash",
    content: GOOD,
    files: async (dir) => {
      const layout = await readFile(path.join(ROOT, 'templates', 'default', 'layout.hbs'), 'utf8');
      await brandTemplate(
        dir,
        {},
        { 'layout.hbs': layout.replace('{{> marking marking=@root.marking}}', '{{> marking marking=@root.markng}}') },
      );
    },
    args: BRAND,
    file: 'templates/brand/layout.hbs',
    line: 20,
    error: /^unknown field "@root\.markng" — did you mean "@root\.marking"\?$/,
  },

  // --- issue 12: HTML fields are named …Html; {{{ }}} only for them, {{ }} for plain text
  {
    name: 'layout written for the old names: {{{notes}}} (now notesHtml)',
    content: GOOD,
    files: async (dir) => {
      const layout = await readFile(path.join(ROOT, 'templates', 'default', 'layout.hbs'), 'utf8');
      const line = '{{#if notesHtml}}<aside class="notes">{{{notesHtml}}}</aside>{{/if}}';
      expect(layout.split('\n')[24]).toBe(`      ${line}`);
      await brandTemplate(
        dir,
        {},
        { 'layout.hbs': layout.replace(line, '{{#if notes}}<aside class="notes">{{{notes}}}</aside>{{/if}}') },
      );
    },
    args: BRAND,
    file: 'templates/brand/layout.hbs',
    line: 25,
    error: /^field "notes" is now "notesHtml" — it holds HTML: print it with \{\{\{notesHtml\}\}\}$/,
  },
  {
    name: 'partial written for the old names: {{{title}}} in the heading',
    content: GOOD,
    files: (dir) => brandTemplate(dir, {}, { 'partials/heading.hbs': '<header>\n  <h2>{{{title}}}</h2>\n</header>\n' }),
    args: BRAND,
    file: 'templates/brand/partials/heading.hbs',
    line: 2,
    error: /^field "title" is now "titleHtml" — it holds HTML: print it with \{\{\{titleHtml\}\}\}$/,
  },
  {
    name: "partial written for the old names: a quote's {{{quote.attribution}}}",
    content: GOOD,
    files: (dir) =>
      brandTemplate(
        dir,
        {},
        { 'partials/quote.hbs': '<blockquote>{{{quote.html}}}</blockquote>\n<p>{{{quote.attribution}}}</p>\n' },
      ),
    args: BRAND,
    file: 'templates/brand/partials/quote.hbs',
    line: 2,
    error:
      /^field "quote\.attribution" is now "quote\.attributionHtml" — it holds HTML: print it with \{\{\{quote\.attributionHtml\}\}\}$/,
  },
  {
    name: 'partial: a plain-text field printed with {{{ }}} (a "<" in the title would become markup)',
    content: GOOD,
    files: (dir) => brandTemplate(dir, {}, { 'partials/title.hbs': '<h1>{{{@root.meta.title}}}</h1>\n' }),
    args: BRAND,
    file: 'templates/brand/partials/title.hbs',
    line: 1,
    error:
      /^"@root\.meta\.title" is plain text, printed with \{\{\{ \}\}\} — write \{\{@root\.meta\.title\}\}: \{\{\{ \}\}\} would turn a "<" in it into markup/,
  },
  {
    name: 'partial: an HTML field printed with {{ }} (its tags would show as text)',
    content: GOOD,
    files: (dir) =>
      brandTemplate(dir, {}, { 'partials/heading.hbs': '<header>\n  <h2>{{titleHtml}}</h2>\n</header>\n' }),
    args: BRAND,
    file: 'templates/brand/partials/heading.hbs',
    line: 2,
    error:
      /^"titleHtml" holds HTML, printed with \{\{ \}\} — write \{\{\{titleHtml\}\}\}: \{\{ \}\} would show its tags as text$/,
  },
  // --- issue 16: template.json `markings` (banner colours by marking), checked when the template loads
  {
    name: 'template.json: a marking colour that is not a hex colour',
    content: GOOD,
    files: (dir) => brandTemplate(dir, { markings: [{ match: 'OFFICIAL', background: 'navy', text: '#ffffff' }] }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 7,
    error: /^template\.json: "markings\.0\.background" must be a colour like #c8102e \(#rrggbb or #rgb\) — /,
  },
  {
    name: 'template.json: a marking whose text and background fail WCAG AA',
    content: GOOD,
    files: (dir) => brandTemplate(dir, { markings: [{ match: 'OFFICIAL', background: '#ffffff', text: '#888888' }] }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 8,
    error:
      /^template\.json: "markings\.0" text #888888 on #ffffff has contrast 3\.54:1, below WCAG AA 4\.5:1 for banner text \("OFFICIAL"\) — choose a darker text colour, e\.g\. #/,
  },
  {
    name: 'template.json: a marking entry for a TLP label',
    content: GOOD,
    files: (dir) => brandTemplate(dir, { markings: [{ match: 'TLP:RED', background: '#000000', text: '#ffffff' }] }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 6,
    error: /^template\.json: "markings\.0\.match" must not be a TLP label: TLP labels keep FIRST's colours — /,
  },
  {
    name: 'template.json: two marking entries for one marking',
    content: GOOD,
    files: (dir) =>
      brandTemplate(dir, {
        markings: [
          { match: 'OFFICIAL', background: '#000000', text: '#ffffff' },
          { match: 'OFFICIAL', background: '#1d3a6b', text: '#ffffff' },
        ],
      }),
    args: BRAND,
    file: 'templates/brand/template.json',
    line: 11,
    error: /^template\.json: "markings\.1\.match" "OFFICIAL" is listed twice — keep one entry for each marking/,
  },
];

let root: string;
let n = 0;

async function workspace() {
  const dir = path.join(root, String(++n));
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const source = path.join(dir, 'src', 'probe.md');
  await writeFile(source, GOOD);
  return { dir, source };
}
const build = (dir: string, ...extra: string[]) =>
  runCli(['build', 'src/probe.md', '--out', 'out', '--no-pdf', ...extra], { cwd: dir });

beforeAll(async () => {
  root = await tempDir('briefdeck-bad-template-');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe(`bad image options and manifests: one error line, exit 1, the earlier deck untouched (${errorCases.length} cases)`, () => {
  for (const c of errorCases) {
    it(c.name, async () => {
      const { dir, source } = await workspace();
      const good = await build(dir);
      expect(good.code, good.stderr).toBe(0);
      const deck = path.join(dir, 'out', 'probe', 'index.html');
      const before = await readFile(deck);
      await c.files?.(dir);
      await writeFile(source, c.content);
      const bad = await build(dir, ...(c.args ?? []));
      expect(bad.code, bad.stderr).toBe(1);
      expect(bad.stderr).not.toMatch(/^\s+at /m);
      const lines = bad.stderr.trimEnd().split('\n');
      expect(lines, bad.stderr).toHaveLength(1);
      const m = new RegExp(`^(?:${escapeRegExp(dir)}/)?${escapeRegExp(c.file)}:${c.line}: (.+ — .+)$`).exec(lines[0]!);
      expect(m, lines[0]).not.toBeNull();
      expect(m![1]).toMatch(c.error);
      expect((await readFile(deck)).equals(before)).toBe(true);
      await expect(readFile(path.join(dir, 'out', 'probe', 'assets', 'media', 'logo.png'))).rejects.toThrow(/ENOENT/);
    });
  }
});

describe('good image options', () => {
  it("a user template's default logo (in its folder) is checked, copied from the bytes read, and shown", async () => {
    const { dir } = await workspace();
    const logo = SVG('<rect width="10" height="10" fill="#123"/>');
    await brandTemplate(
      dir,
      { options: { logo: { type: 'image', default: 'assets/brand.svg' } } },
      { 'assets/brand.svg': logo },
    );
    const run = await build(dir, ...BRAND);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'probe', 'index.html'), 'utf8');
    expect(html).toContain('<img class="title__logo" src="assets/media/logo.svg" alt="">');
    expect(await readFile(path.join(dir, 'out', 'probe', 'assets', 'media', 'logo.svg'), 'utf8')).toBe(logo);
  });

  it("a briefing's logo wins over the template's default", async () => {
    const { dir, source } = await workspace();
    await brandTemplate(
      dir,
      { options: { logo: { type: 'image', default: 'brand.svg' } } },
      { 'brand.svg': SVG('<rect width="1" height="1"/>') },
    );
    await writeFile(path.join(dir, 'src', 'own.png'), await PNG());
    await writeFile(source, withOption('logo', 'own.png'));
    const run = await build(dir, ...BRAND);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'probe', 'index.html'), 'utf8');
    expect(html).toContain('src="assets/media/logo.png"');
    expect(html).not.toContain('assets/media/logo.svg');
    expect((await readFile(path.join(dir, 'out', 'probe', 'assets', 'media', 'logo.png'))).equals(await PNG())).toBe(
      true,
    );
  });

  it('ejecting a template with a default logo copies the logo too, and the copy builds the same deck', async () => {
    const { dir } = await workspace();
    await brandTemplate(
      dir,
      { options: { logo: { type: 'image', default: 'brand.svg' } } },
      { 'brand.svg': SVG('<circle r="3"/>') },
    );
    const eject = await runCli(['template', 'eject', 'brand', 'ejected/copy', '--templates', 'templates'], {
      cwd: dir,
    });
    expect(eject.code, eject.stderr).toBe(0);
    const original = await build(dir, ...BRAND);
    expect(original.code, original.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'probe', 'index.html'));
    const copy = await runCli(
      ['build', 'src/probe.md', '--out', 'out-copy', '--no-pdf', '--templates', 'ejected', '--template', 'copy'],
      { cwd: dir },
    );
    expect(copy.code, copy.stderr).toBe(0);
    expect((await readFile(path.join(dir, 'out-copy', 'probe', 'index.html'))).equals(html)).toBe(true);
    expect(await readFile(path.join(dir, 'out-copy', 'probe', 'assets', 'media', 'logo.svg'), 'utf8')).toContain(
      '<circle r="3"/>',
    );
  });
});

describe('template fields that exist', () => {
  it("{{@root.assets.template}} in a partial and {{assets.template}} in the layout both give the template's assets folder", async () => {
    const { dir } = await workspace();
    const layout = await readFile(path.join(ROOT, 'templates', 'default', 'layout.hbs'), 'utf8');
    await brandTemplate(
      dir,
      {},
      {
        'layout.hbs': layout.replace('</head>', '<link rel="icon" href="{{assets.template}}/mark.svg">\n</head>'),
        'partials/title.hbs':
          '<img class="brand-mark" src="{{@root.assets.template}}/mark.svg" alt="">\n<h1>{{@root.meta.title}}</h1>\n',
        'assets/mark.svg': SVG('<circle r="4"/>'),
      },
    );
    const run = await build(dir, ...BRAND);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const html = await readFile(path.join(dir, 'out', 'probe', 'index.html'), 'utf8');
    expect(html).toContain('<link rel="icon" href="assets/template/mark.svg">');
    expect(html).toContain('<img class="brand-mark" src="assets/template/mark.svg" alt="">');
    expect(html).toContain('<h1>Probe briefing</h1>');
    expect(await readFile(path.join(dir, 'out', 'probe', 'assets', 'template', 'mark.svg'), 'utf8')).toContain(
      '<circle r="4"/>',
    );
  });
});
