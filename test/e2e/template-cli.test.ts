// The template commands and template errors through the CLI (the library side is in test/deck/template.test.ts).
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, SAMPLE, tempDir } from '../helpers.js';

let work: string;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('errors in user templates name the template file and line', () => {
  it('through the CLI: one line, exit 1, nothing written', async () => {
    const dir = path.join(work, 'broken', 'clisyntax');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'template.json'), JSON.stringify({ name: 'clisyntax', extends: 'default' }));
    await writeFile(path.join(dir, 'layout.hbs'), '<html>\n{{#each slides}}\n</html>\n');
    const out = path.join(work, 'cli-out');
    const run = await runCli([
      'build',
      SAMPLE,
      '--out',
      out,
      '--no-pdf',
      '--templates',
      dir,
      '--template',
      'clisyntax',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${path.join(dir, 'layout.hbs')}:`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('briefdeck template list', () => {
  it('shows every template with its options', async () => {
    const run = await runCli(['template', 'list', '--templates', path.join(FIXTURES, 'templates')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^brand \(extends default\) — Test fixture/m);
    expect(run.stdout).toMatch(/^dark \(extends default\) — .* \[built-in\]$/m);
    expect(run.stdout).toMatch(/^ {4}size: one of "16:9", "4:3" = "16:9"/m);
    expect(run.stdout).toMatch(/^ {4}logo: a path to an image file {2}Logo/m);
  });
});
