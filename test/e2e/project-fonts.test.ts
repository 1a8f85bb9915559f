// Issue 13, item 3: a template in the user's project that lists a font package finds it in the
// user's node_modules (looked up from the template's folder, then the working directory, then
// briefdeck's own), and a missing one says to install it in the project. The font packages here
// are made up (@fontsource/briefdeck-test-*), so only the user's node_modules can hold them.
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, SAMPLE, tempDir } from '../helpers.js';

const REAL_WOFF2 = path.join(
  ROOT,
  'node_modules',
  '@fontsource',
  'source-sans-3',
  'files',
  'source-sans-3-latin-400-normal.woff2',
);

/** A @fontsource-shaped package with one latin face of weight 400, under `root`/node_modules. */
async function fakeFontPackage(root: string, name: string, family: string): Promise<void> {
  const dir = path.join(root, 'node_modules', '@fontsource', name);
  await mkdir(path.join(dir, 'files'), { recursive: true });
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: `@fontsource/${name}`, version: '1.0.0', main: 'index.css' }),
  );
  const css = `@font-face {\n  font-family: '${family}';\n  font-style: normal;\n  font-display: swap;\n  font-weight: 400;\n  src: url(./files/${name}-latin-400-normal.woff2) format('woff2');\n  unicode-range: U+0000-00FF;\n}\n`;
  await writeFile(path.join(dir, 'index.css'), css);
  await writeFile(path.join(dir, '400.css'), css);
  await cp(REAL_WOFF2, path.join(dir, 'files', `${name}-latin-400-normal.woff2`));
}

/** A template `house` extending default whose only font is `fontPackage`. */
async function houseTemplate(templatesDir: string, fontPackage: string, family: string): Promise<void> {
  const dir = path.join(templatesDir, 'house');
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'template.json'),
    JSON.stringify({ name: 'house', extends: 'default', fonts: [{ package: fontPackage, weights: [400] }] }, null, 2),
  );
  await writeFile(
    path.join(dir, 'theme.css'),
    `.reveal { --font-body: '${family}', sans-serif; font-family: '${family}', sans-serif; }\n`,
  );
}

describe('font packages of a user template', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('briefdeck-project-fonts-');
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('come from the project (the working directory)', async () => {
    const project = path.join(dir, 'project');
    await fakeFontPackage(project, 'briefdeck-test-plex', 'Plex Test');
    await houseTemplate(path.join(project, 'templates'), '@fontsource/briefdeck-test-plex', 'Plex Test');
    const result = await runCli(
      ['build', SAMPLE, '--no-pdf', '--templates', 'templates', '--template', 'house', '--out', 'output'],
      { cwd: project },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const fonts = path.join(project, 'output', 'iskp-moscow-plot', 'assets', 'fonts');
    expect(await readdir(fonts)).toContain('briefdeck-test-plex-latin-400-normal.woff2');
    expect(await readFile(path.join(fonts, 'fonts.css'), 'utf8')).toContain("font-family: 'Plex Test'");
  });

  it('come from beside the template when the build runs elsewhere', async () => {
    const shared = path.join(dir, 'shared-templates');
    await fakeFontPackage(shared, 'briefdeck-test-house', 'House Test');
    await houseTemplate(shared, '@fontsource/briefdeck-test-house', 'House Test');
    const elsewhere = path.join(dir, 'elsewhere');
    await mkdir(elsewhere);
    const result = await runCli(
      ['build', SAMPLE, '--no-pdf', '--templates', shared, '--template', 'house', '--out', 'output'],
      { cwd: elsewhere },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readdir(path.join(elsewhere, 'output', 'iskp-moscow-plot', 'assets', 'fonts'))).toContain(
      'briefdeck-test-house-latin-400-normal.woff2',
    );
  });

  it('that is installed nowhere is one error line saying to install it in the project', async () => {
    const project = path.join(dir, 'missing');
    await houseTemplate(path.join(project, 'templates'), '@fontsource/briefdeck-test-absent', 'Absent Test');
    // An earlier good deck of the same briefing, which the failing build must leave as it was.
    expect((await runCli(['build', SAMPLE, '--no-pdf', '--out', 'output'], { cwd: project })).code).toBe(0);
    const deck = path.join(project, 'output', 'iskp-moscow-plot', 'index.html');
    const before = await readFile(deck);
    const result = await runCli(
      ['build', SAMPLE, '--no-pdf', '--templates', 'templates', '--template', 'house', '--out', 'output'],
      { cwd: project },
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      `${path.join(project, 'templates', 'house', 'template.json')}: font package @fontsource/briefdeck-test-absent is not installed — install it in your project: npm install @fontsource/briefdeck-test-absent (looked from the template's folder, from ${project} and in briefdeck's own packages)`,
    );
    expect(lines).toHaveLength(1);
    expect(await readFile(deck)).toEqual(before);
  });
  it('a damaged script font package in the project is one line naming its folder and how to reinstall it', async () => {
    // Script fonts are optional peers that users add to their own project: the hint is for that project.
    const project = path.join(dir, 'damaged');
    const thai = path.join(project, 'node_modules', '@fontsource', 'noto-sans-thai');
    await mkdir(thai, { recursive: true });
    await writeFile(
      path.join(thai, 'package.json'),
      JSON.stringify({ name: '@fontsource/noto-sans-thai', version: '5.3.0', main: 'index.css' }),
    );
    await writeFile(path.join(thai, 'index.css'), ''); // no 400.css or 700.css: an interrupted install
    await writeFile(
      path.join(project, 'thai.md'),
      (await readFile(SAMPLE, 'utf8')).replace('## Summary\n', '## Summary\n\n- สถานการณ์\n'),
    );
    const result = await runCli(['build', 'thai.md', '--no-pdf', '--out', 'output'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `the font package @fontsource/noto-sans-thai in ${thai} is damaged — reinstall it in that project: npm install @fontsource/noto-sans-thai`,
    ]);
  });
});
