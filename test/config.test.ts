// loadConfig on real project folders: which file it finds, what it resolves, and its errors (one line, at the key's line).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { BriefdeckError } from '../src/errors.js';
import { escapeRegExp, tempDir } from './helpers.js';

let work: string;
let count = 0;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A fresh project folder holding `files`. */
async function project(files: Record<string, string | Buffer>): Promise<string> {
  const dir = path.join(work, `project-${++count}`);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** The one-line message loadConfig rejects with. */
const errorOf = (cwd: string, explicit?: string) =>
  loadConfig(cwd, explicit).then(
    () => {
      throw new Error('expected the config to be refused');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(BriefdeckError);
      expect((error as BriefdeckError).exitCode).toBe(1);
      return (error as Error).message;
    },
  );

describe('loadConfig', () => {
  it('without a config file: no template, no template folders, no options', async () => {
    expect(await loadConfig(await project({}))).toEqual({ templates: [] });
  });

  it('reads briefdeck.config.yaml: template at its line, folders resolved against the config file, options by key', async () => {
    const cwd = await project({
      'briefdeck.config.yaml':
        '# house style\ntemplate: house\ntemplates: [templates, ../shared]\noptions:\n  size: "4:3"\n',
    });
    const config = await loadConfig(cwd);
    expect(config.file).toBe(path.join(cwd, 'briefdeck.config.yaml'));
    expect(config.template).toEqual({ name: 'house', line: 2 });
    expect(config.templates).toEqual([path.join(cwd, 'templates'), path.join(work, 'shared')]);
    expect(config.options?.values).toEqual({ size: '4:3' });
    expect(config.options?.file).toBe('briefdeck.config.yaml');
    expect(config.options?.lineOf('size')).toBe(5);
  });

  it('takes .yaml before .yml before .json, reads JSON as YAML, and skips a byte-order mark', async () => {
    const all = await project({
      'briefdeck.config.json': '{"template": "from-json"}',
      'briefdeck.config.yml': 'template: from-yml\n',
      'briefdeck.config.yaml': '\uFEFFtemplate: from-yaml\n',
    });
    expect((await loadConfig(all)).template?.name).toBe('from-yaml');
    const json = await project({ 'briefdeck.config.json': '{"template": "from-json", "templates": "t"}' });
    expect(await loadConfig(json)).toMatchObject({
      template: { name: 'from-json' },
      templates: [path.join(json, 't')],
    });
  });

  it('an explicit --config path wins, and its folders are relative to it, not to the working directory', async () => {
    const cwd = await project({ 'briefdeck.config.yaml': 'template: ignored\n' });
    await mkdir(path.join(cwd, 'conf'));
    await writeFile(path.join(cwd, 'conf', 'other.yaml'), 'template: chosen\ntemplates: tpl\n');
    const config = await loadConfig(cwd, path.join(cwd, 'conf', 'other.yaml'));
    expect(config).toMatchObject({ template: { name: 'chosen' }, templates: [path.join(cwd, 'conf', 'tpl')] });
  });

  it('an empty config file is no settings', async () => {
    const cwd = await project({ 'briefdeck.config.yaml': '' });
    expect(await loadConfig(cwd)).toEqual({ file: path.join(cwd, 'briefdeck.config.yaml'), templates: [] });
  });

  it('refuses an unknown field or a wrong type at its line, naming the config fields', async () => {
    expect(await errorOf(await project({ 'briefdeck.config.yaml': 'template: house\ntheme: dark\n' }))).toBe(
      'briefdeck.config.yaml:2: config: "theme" is not a config field — config fields are template, templates, options, formats, paper, scale, labels and digits',
    );
    expect(await errorOf(await project({ 'briefdeck.config.yaml': 'template: house\ntemplates: 3\n' }))).toMatch(
      /^briefdeck\.config\.yaml:2: config: "templates" .+ — config fields are template, templates, options, formats, paper, scale, labels and digits$/,
    );
    expect(await errorOf(await project({ 'briefdeck.config.yaml': 'template: ""\n' }))).toMatch(
      /^briefdeck\.config\.yaml:1: config: "template" .+ — /,
    );
  });

  it('reads formats (a list, or one name), paper and scale', async () => {
    const cwd = await project({
      'briefdeck.config.yaml': 'formats: [pdf, pptx, contact-sheet]\npaper: letter\nscale: 2\n',
    });
    expect(await loadConfig(cwd)).toMatchObject({
      formats: ['pdf', 'pptx', 'contact-sheet'],
      paper: 'letter',
      scale: 2,
    });
    expect((await loadConfig(await project({ 'briefdeck.config.yaml': 'formats: pptx\n' }))).formats).toEqual(['pptx']);
    expect((await loadConfig(await project({ 'briefdeck.config.yaml': 'formats: []\n' }))).formats).toEqual([]);
  });

  it('refuses a format it does not know at its line, the hint listing the format names', async () => {
    const hint =
      'formats are pdf, handout, pptx, png, thumbnails, contact-sheet, script, single-file (e.g. formats: [pdf, pptx])';
    expect(
      await errorOf(await project({ 'briefdeck.config.yaml': 'template: house\nformats:\n  - pdf\n  - pptz\n' })),
    ).toMatch(new RegExp(`^briefdeck\\.config\\.yaml:4: config: "formats\\.1" .*"pptx".* — ${escapeRegExp(hint)}$`));
    expect(await errorOf(await project({ 'briefdeck.config.yaml': 'formats: pdf,pptx\n' }))).toMatch(
      new RegExp(`^briefdeck\\.config\\.yaml:1: config: "formats" .* — ${escapeRegExp(hint)}$`),
    );
  });

  it('refuses a paper or scale out of range at its line, the hint saying what it takes', async () => {
    expect(await errorOf(await project({ 'briefdeck.config.yaml': 'formats: [handout]\npaper: A3\n' }))).toMatch(
      /^briefdeck\.config\.yaml:2: config: "paper" .+ — paper \(of the handout and the contact sheet\) is a4 or letter$/,
    );
    for (const scale of ['0.5', '5', 'big'])
      expect(
        await errorOf(await project({ 'briefdeck.config.yaml': `formats: [png]\nscale: ${scale}\n` })),
        scale,
      ).toMatch(
        /^briefdeck\.config\.yaml:2: config: "scale" .+ — scale \(of the PNG slides\) is a number from 1 to 4 times the deck size, e\.g\. scale: 2$/,
      );
  });

  it('refuses a config that is not a map, or not text', async () => {
    expect(await errorOf(await project({ 'briefdeck.config.yaml': '- a\n- b\n' }))).toMatch(
      /^briefdeck\.config\.yaml(:1)?: /,
    );
    expect(
      await errorOf(
        await project({ 'briefdeck.config.yaml': Buffer.from([0x74, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x0a]) }),
      ),
    ).toMatch(/^briefdeck\.config\.yaml(:\d+)?: .* — .*UTF-8/);
  });

  it('names a --config path that cannot be read', async () => {
    const cwd = await project({});
    expect(await errorOf(cwd, path.join(cwd, 'missing.yaml'))).toBe(
      'missing.yaml: cannot read the config file — check the --config path',
    );
  });
});
