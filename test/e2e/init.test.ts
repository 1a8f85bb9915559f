// Issue 13, item 4: `briefdeck init` makes a project where `npm install && npm run build` works
// (briefdeck installed from this checkout's packed tarball: it is not on the registry), and
// `briefdeck new` writes a briefing that builds without edits.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, runCli, squash, tempDir } from '../helpers.js';
import { listFiles, npm, npmInstall, npxBriefdeck, packTarball } from '../package.js';

describe('briefdeck init, then npm install && npm run build', () => {
  let dir: string;
  let project: string;

  beforeAll(async () => {
    dir = await tempDir('briefdeck-init-');
    project = path.join(dir, 'briefings');
    const init = await runCli(['init', project]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    // The devDependency init wrote names the registry's briefdeck; this one is the packed checkout.
    await npmInstall(project, ['--save-dev', await packTarball(dir)]);
  }, 600_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the project files', async () => {
    expect(
      await listFiles(project).then((files) =>
        files.filter((file) => !file.startsWith('node_modules/') && file !== 'package-lock.json'),
      ),
    ).toEqual([
      '.github/workflows/briefings.yml',
      '.gitignore',
      'briefdeck.config.yaml',
      'content/iskp-moscow-plot.md',
      'package.json',
      'templates/house/template.json',
      'templates/house/theme.css',
    ]);
    const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts).toEqual({
      build: 'briefdeck build content',
      serve: 'briefdeck serve content',
      draft: 'briefdeck draft',
    });
    expect(Object.keys(pkg.devDependencies)).toEqual(['briefdeck']);
    expect(await readFile(path.join(project, '.gitignore'), 'utf8')).toContain('output/');
    expect(await readFile(path.join(project, 'templates', 'house', 'theme.css'), 'utf8')).toContain(
      '--title-bg: #0f2742;',
    );
  });

  it('npm run build prints the example with the house template', async () => {
    const build = await npm(project, ['run', '-s', 'build']);
    expect(build.stderr).toBe('');
    expect(squash(pdfText(path.join(project, 'output', 'iskp-moscow-plot', 'iskp-moscow-plot.pdf')))).toContain(
      'ISKP plot disrupted in Moscow',
    );
    // The config's `template: house` applied: the house colours are in the deck's stylesheet.
    const deck = path.join(project, 'output', 'iskp-moscow-plot');
    const css = (
      await Promise.all(
        (
          await listFiles(deck)
        )
          .filter((file) => file.endsWith('.css'))
          .map((file) => readFile(path.join(deck, file), 'utf8')),
      )
    ).join('\n');
    expect(css).toContain('House colours, added after the default template');
  }, 300_000); // a build in a fresh project; slow when the suite runs many at once

  it('npx briefdeck new writes a briefing that builds without edits', async () => {
    const created = await npxBriefdeck(project, [
      'new',
      'Sanctions: what comes next?',
      '--marking',
      'tlp:amber',
      '--template',
      'dark',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const file = path.join(project, 'content', 'sanctions-what-comes-next.md');
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: "Sanctions: what comes next\?"\ndate: "\d{4}-\d\d-\d\d"\n/);
    expect(text).toContain('marking: "TLP:AMBER"\n');
    expect(text).toContain('template: "dark"\n');
    for (const section of ['## Summary', '## Implications', '## Recommendations']) expect(text).toContain(section);

    const build = await npxBriefdeck(project, ['build', 'content/sanctions-what-comes-next.md', '--strict']);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const pdf = squash(
      pdfText(path.join(project, 'output', 'sanctions-what-comes-next', 'sanctions-what-comes-next.pdf')),
    );
    expect(pdf).toContain('Sanctions: what comes next?');
    expect(pdf).toContain('TLP:AMBER');
    expect(pdf).toContain('What should be done, by whom and by when');
  }, 300_000); // a build in a fresh project; slow when the suite runs many at once
});

describe('briefdeck init into a folder that is not empty', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('briefdeck-init-');
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses without --force, writing nothing', async () => {
    const project = path.join(dir, 'existing');
    await mkdir(project);
    await npm(project, ['init', '-y']);
    const before = await readFile(path.join(project, 'package.json'), 'utf8');
    const result = await runCli(['init', project]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${project}: the folder is not empty — run init in a new or empty folder, or add --force to add the project files to it (files already there are kept; package.json gets the scripts and devDependency it lacks)`,
    ]);
    expect(await listFiles(project)).toEqual(['package.json']);
    expect(await readFile(path.join(project, 'package.json'), 'utf8')).toBe(before);
  });

  it("with --force adds the files, keeps the user's, and adds scripts and the devDependency to package.json", async () => {
    const project = path.join(dir, 'forced');
    await mkdir(project);
    await npm(project, ['init', '-y']);
    await npm(project, ['pkg', 'set', 'scripts.build=make']);
    const result = await runCli(['init', project, '--force']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as {
      name: string;
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('forced');
    expect(pkg.scripts.build).toBe('make'); // the user's script is kept
    expect(pkg.scripts.serve).toBe('briefdeck serve content');
    expect(pkg.devDependencies.briefdeck).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(await listFiles(project)).toContain('templates/house/theme.css');
  });
});
