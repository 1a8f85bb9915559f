import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { parseBriefing } from '../../src/content/parse.js';
import { contrastRatio, formatRatio, parseColour } from '../../src/deck/contrast.js';
import { ejectTemplate } from '../../src/deck/eject.js';
import { renderBriefing } from '../../src/deck/render.js';
import { TemplateRegistry } from '../../src/deck/template/registry.js';
import { TemplateError } from '../../src/errors.js';
import { ROOT, tempDir } from '../helpers.js';

const EXAMPLES = path.join(ROOT, 'examples', 'templates');
const BODY = '## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n';

let work: string;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Renders a briefing whose front matter is `frontMatter` and returns the contrast problems, as the build gets them. */
async function problemsOf(
  frontMatter: string,
  context: { template?: string; templates?: string[]; cwd?: string } = {},
) {
  const { briefing } = parseBriefing(`---\ntitle: T\n${frontMatter}---\n${BODY}`, 'x.md');
  const config = context.cwd ? await loadConfig(context.cwd) : undefined;
  const rendered = await renderBriefing(briefing, {
    registry: new TemplateRegistry([EXAMPLES, ...(context.templates ?? [])]),
    template: context.template,
    config,
  });
  return rendered.contrast.map((p) => ({
    ...p,
    message: `${p.location.file}${p.location.line ? `:${p.location.line}` : ''}: ${p.what} — ${p.hint}`,
  }));
}

async function userTemplate(name: string, manifest: object): Promise<string> {
  const dir = path.join(work, `templates-${name}`, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'template.json'), JSON.stringify({ name, extends: 'default', ...manifest }));
  return path.dirname(dir);
}

describe('WCAG 2 contrast ratio', () => {
  it('matches the reference values', () => {
    const ratio = (a: string, b: string) => contrastRatio(parseColour(a)!, parseColour(b)!);
    expect(ratio('#000000', '#ffffff')).toBe(21);
    expect(ratio('#ffffff', '#ffffff')).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    expect(formatRatio(ratio('#767676', '#ffffff'))).toBe('4.54:1');
    expect(ratio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(formatRatio(ratio('#777777', '#ffffff'))).toBe('4.47:1'); // 4.478: shown cut, not rounded up
    expect(ratio('#1f4e79', '#16243a')).toBeCloseTo(1.799, 3);
  });

  it('composites translucent text over its background', () => {
    expect(contrastRatio(parseColour('rgba(0, 0, 0, 0.5)')!, parseColour('#ffffff')!)).toBeCloseTo(
      contrastRatio(parseColour('#808080')!, parseColour('#ffffff')!),
      1,
    );
  });

  it('reads the colour forms of CSS hex and rgb(), and nothing else', () => {
    expect(parseColour('#abc')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc, a: 1 });
    expect(parseColour('#AABBCC')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc, a: 1 });
    expect(parseColour('#abcd')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc, a: 0xdd / 255 });
    expect(parseColour('#aabbcc80')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc, a: 0x80 / 255 });
    expect(parseColour('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseColour('rgba(1 2 3 / 50%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseColour('rgba(1, 2, 3, 0.25)')).toEqual({ r: 1, g: 2, b: 3, a: 0.25 });
    for (const bad of ['red', '#ab', '#abcde', 'rgb(256, 0, 0)', 'rgb(1, 2)', 'rgba(1, 2, 3, 2)', ''])
      expect(parseColour(bad), bad).toBeUndefined();
  });
});

describe('option colours are checked against what the template draws them on', () => {
  it('passes every template with its default colours', async () => {
    for (const template of ['default', 'dark', 'print', 'house'])
      expect(await problemsOf('', { template }), template).toEqual([]);
  });

  it('names the option, its line, the ratio, what is drawn, and the nearest passing colour (issue 11, item 8)', async () => {
    const problems = await problemsOf('options:\n  footer: Ours\n  accent: "#1f4e79"\n', { template: 'dark' });
    expect(problems.map((p) => p.message)).toEqual([
      'x.md:5: option "accent" #1f4e79 on the dark template\'s background #16243a has contrast 1.79:1, below WCAG AA 4.5:1 for text (bottom-line label; also too low for kickers, recommendation numbers) — choose a lighter colour, e.g. #708ea9',
    ]);
    // The suggestion passes, and the step before it on the way to white (of 255) does not.
    expect(await problemsOf('options:\n  accent: "#708ea9"\n', { template: 'dark' })).toEqual([]);
    const towardWhite = (step: number) =>
      '#' +
      [0x1f, 0x4e, 0x79]
        .map((c) =>
          Math.round(c + ((255 - c) * step) / 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('');
    const step = Array.from({ length: 256 }, (_, i) => i).find((i) => towardWhite(i) === '#708ea9')!;
    expect(step).toBeGreaterThan(0);
    expect(await problemsOf(`options:\n  accent: "${towardWhite(step - 1)}"\n`, { template: 'dark' })).toHaveLength(1);
  });

  it('on a light template suggests a darker colour, and #rgb values are checked too', async () => {
    const [problem] = await problemsOf('options:\n  accent: "#f90"\n');
    expect(problem!.message).toMatch(
      /^x\.md:4: option "accent" #f90 on the default template's background #f3f5f9 has contrast 1\.\d\d:1, below WCAG AA 4\.5:1 for text \(bottom-line label; also too low for kickers\) — choose a darker colour, e\.g\. #[0-9a-f]{6}$/,
    );
    const suggested = /e\.g\. (#[0-9a-f]{6})$/.exec(problem!.message)![1]!;
    expect(contrastRatio(parseColour(suggested)!, parseColour('#f3f5f9')!)).toBeGreaterThanOrEqual(4.5);
  });

  it('a pair below 3:1 only fails large text: only the pairs that fail are listed', async () => {
    // 4.0:1 on #16243a passes the large kickers and numbers (3:1) and fails the 17px bottom-line label.
    const [problem] = await problemsOf('options:\n  accent: "#6b8bad"\n', { template: 'dark' });
    expect(problem!.what).toMatch(/has contrast 4\.\d\d:1, below WCAG AA 4\.5:1 for text \(bottom-line label\)$/);
  });

  it('reports a value from the config at the config file and line; front matter wins over it', async () => {
    const project = path.join(work, 'project');
    await mkdir(project, { recursive: true });
    await writeFile(
      path.join(project, 'briefdeck.config.yaml'),
      'template: dark\noptions:\n  footer: Ours\n  accent: "#333333"\n',
    );
    const [fromConfig] = await problemsOf('', { cwd: project });
    expect(fromConfig!.message).toMatch(
      /^briefdeck\.config\.yaml:4: option "accent" #333333 on the dark template's background #16243a has contrast 1\.\d\d:1/,
    );
    expect(await problemsOf('options:\n  accent: "#f2a65a"\n', { cwd: project })).toEqual([]);
    const [fromFrontMatter] = await problemsOf('options:\n  accent: "#000000"\n', { cwd: project });
    expect(fromFrontMatter!.location).toEqual({ file: 'x.md', line: 4 });
  });

  it("children inherit their parent's pairs (house), or replace them with their own", async () => {
    const [house] = await problemsOf('options:\n  accent: "#ffcc00"\n', { template: 'house' });
    expect(house!.what).toMatch(/^option "accent" #ffcc00 on the house template's background #f3f5f9/);
    const dir = await userTemplate('bright', { contrast: [{ text: 'accent', on: '#000000', where: 'kickers' }] });
    expect(await problemsOf('options:\n  accent: "#ffcc00"\n', { template: 'bright', templates: [dir] })).toEqual([]);
    expect(
      (await problemsOf('options:\n  accent: "#333333"\n', { template: 'bright', templates: [dir] }))[0]!.what,
    ).toMatch(/on the bright template's background #000000 has contrast 1\.\d\d:1/);
  });

  it('checks an option used as a background, and pairs of two options, blamed on the one set last', async () => {
    const dir = await userTemplate('panel', {
      options: { panel: { type: 'color', default: '#ffffff' }, ink: { type: 'color', default: '#000000' } },
      contrast: [
        { text: '#ffffff', on: 'panel', size: 'large', where: 'panel titles' },
        { text: 'ink', on: 'panel', where: 'panel text' },
      ],
    });
    const templates = [dir];
    // #949494 is the lightest grey with 3:1 under white (3.03:1; #959595 has 2.99:1).
    expect(
      (await problemsOf('options:\n  panel: "#eeeeee"\n', { template: 'panel', templates })).map((p) => p.message),
    ).toEqual([
      'x.md:4: option "panel" #eeeeee under the panel template\'s text #ffffff has contrast 1.16:1, below WCAG AA 3:1 for large text (panel titles) — choose a darker colour, e.g. #949494',
    ]);
    // Darker, the panel fails the black ink instead; the suggestion must pass both of the panel's pairs.
    const [dark] = await problemsOf('options:\n  panel: "#303030"\n', { template: 'panel', templates });
    expect(dark!.what).toBe(
      'option "panel" #303030 under option "ink" #000000 has contrast 1.59:1, below WCAG AA 4.5:1 for text (panel text)',
    );
    const suggested = /^choose a lighter colour, e\.g\. (#[0-9a-f]{6})$/.exec(dark!.hint)![1]!;
    expect(await problemsOf(`options:\n  panel: "${suggested}"\n`, { template: 'panel', templates })).toEqual([]);
    // Both set in front matter: the text colour is blamed.
    const [ink] = await problemsOf('options:\n  ink: "#333333"\n  panel: "#777777"\n', {
      template: 'panel',
      templates,
    });
    expect(ink!.message).toMatch(
      /^x\.md:4: option "ink" #333333 on option "panel" #777777 has contrast 2\.\d\d:1, below WCAG AA 4\.5:1 for text \(panel text\) — choose a darker colour, e\.g\. #[0-9a-f]{6}$/,
    );
    // Ink from the config, panel from front matter: the panel is blamed; with that ink no panel passes both pairs.
    const project = path.join(work, 'panel-project');
    await mkdir(project, { recursive: true });
    await writeFile(path.join(project, 'briefdeck.config.yaml'), 'options:\n  ink: "#333333"\n');
    const [panel] = await problemsOf('options:\n  panel: "#777777"\n', { template: 'panel', templates, cwd: project });
    expect(panel!.message).toMatch(
      /^x\.md:4: option "panel" #777777 under option "ink" #333333 has contrast 2\.\d\d:1, below WCAG AA 4\.5:1 for text \(panel text\) — no colour passes all of its pairs while option "ink" stays #333333: change it too$/,
    );
  });

  it('reports a failing default at the template.json that the template is loaded from', async () => {
    const dir = await userTemplate('pale', { options: { accent: { type: 'color', default: '#eeeeee' } } });
    const [problem] = await problemsOf('', { template: 'pale', templates: [dir] });
    expect(problem!.location).toEqual({ file: path.join(dir, 'pale', 'template.json') });
    expect(problem!.what).toMatch(/^option "accent" #eeeeee on the pale template's background #f3f5f9/);
  });

  it('eject keeps the pairs', async () => {
    const ejected = path.join(work, 'ejected-dark');
    await ejectTemplate(new TemplateRegistry(), 'dark', ejected);
    const manifest = JSON.parse(await readFile(path.join(ejected, 'template.json'), 'utf8'));
    expect(manifest.contrast).toEqual((await new TemplateRegistry().load('dark')).manifest.contrast);
    expect(
      await problemsOf('options:\n  accent: "#1f4e79"\n', { template: 'ejected-dark', templates: [ejected] }),
    ).toHaveLength(1);
  });
});

describe('contrast declarations in template.json', () => {
  // The schema's own errors (size, where, not a list) also name the line (the JSON here is one line).
  const cases: Array<[string, object, RegExp, number?]> = [
    [
      'an unknown name',
      { contrast: [{ text: 'acent', on: '#ffffff', where: 'x' }] },
      /"contrast\.0\.text" "acent" is neither an option of this template nor a colour — name a colour option, or write #rrggbb/,
    ],
    [
      'an option that is not a colour',
      { contrast: [{ text: 'accent', on: 'footer', where: 'x' }] },
      /"contrast\.0\.on" names option "footer", which is not a colour — use one of: accent, or a colour like #ffffff/,
    ],
    [
      'a translucent background',
      { contrast: [{ text: 'accent', on: '#ffffff80', where: 'x' }] },
      /"contrast\.0\.on" "#ffffff80" is translucent — give the opaque colour the text is actually drawn on/,
    ],
    [
      'two fixed colours',
      { contrast: [{ text: '#000000', on: '#ffffff', where: 'x' }] },
      /"contrast\.0\.on" and "text" are both fixed colours — a pair checks a colour option/,
    ],
    [
      'an option on itself',
      { contrast: [{ text: 'accent', on: 'accent', where: 'x' }] },
      /"contrast\.0\.on" is "accent", the same option as "text"/,
    ],
    [
      'an unknown size',
      { contrast: [{ text: 'accent', on: '#ffffff', size: 'huge', where: 'x' }] },
      /"contrast\.0\.size" invalid option: expected one of "normal"\|"large"/,
      1,
    ],
    [
      'no where',
      { contrast: [{ text: 'accent', on: '#ffffff' }] },
      /"contrast\.0\.where" invalid input: expected string, received undefined/,
      1,
    ],
    ['not a list', { contrast: { text: 'accent' } }, /"contrast" invalid input: expected array, received object/, 1],
    [
      'a misspelt key (was ignored: the pair was checked at normal size)',
      { contrast: [{ text: 'accent', on: '#ffffff', where: 'x', sise: 'large' }] },
      /"contrast\.0" unrecognized key: "sise"/,
      1,
    ],
  ];
  it.each(cases)('%s is an error naming the template.json', async (name, manifest, message, line) => {
    const dir = await userTemplate(`bad-${name.replace(/\W+/g, '-')}`, manifest);
    const error = await new TemplateRegistry([dir]).load(`bad-${name.replace(/\W+/g, '-')}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).location).toEqual({
      file: path.join(dir, `bad-${name.replace(/\W+/g, '-')}`, 'template.json'),
      ...(line ? { line } : {}),
    });
    expect((error as TemplateError).message).toMatch(message);
  });
});
