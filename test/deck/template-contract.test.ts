import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SLIDE } from '../../src/deck/fields.js';
import { ROOT } from '../helpers.js';

/*
 * templates/README.md is the contract a template author works from: it must
 * name every slide field with its kind, and every id, class and data- attribute
 * that briefdeck's scripts and printer look for in a deck (so an author knows
 * what not to remove from a layout). These tests read the code for them.
 */
describe('templates/README.md lists what templates receive and what the runtime relies on', () => {
  let readme: string;
  /** The code that reads a built deck: the deck's scripts, the PDF printer, the server's live reload. */
  let code: string;

  beforeAll(async () => {
    readme = await readFile(path.join(ROOT, 'templates', 'README.md'), 'utf8');
    const files = [
      ...(await readdir(path.join(ROOT, 'runtime'))).map((name) => path.join('runtime', name)),
      ...(await readdir(path.join(ROOT, 'src', 'pdf'))).map((name) => path.join('src', 'pdf', name)),
      path.join('src', 'serve', 'index.ts'),
    ];
    code = (await Promise.all(files.map((file) => readFile(path.join(ROOT, file), 'utf8')))).join('\n');
  });

  it('every slide field, HTML ones marked HTML and named …Html (or html)', () => {
    if (typeof SLIDE !== 'object' || !('object' in SLIDE)) throw new Error('SLIDE is not an object shape');
    for (const [field, shape] of Object.entries(SLIDE.object)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
      expect(row, `no row for slide field "${field}"`).toBeDefined();
      expect(/Html$|^html$/.test(field), field).toBe(shape === 'html');
      const kind = row!.split('|')[2]!.trim();
      if (shape === 'html') expect(kind, row).toMatch(/^HTML/);
      if (shape === 'value') expect(kind, row).not.toMatch(/HTML/);
    }
  });

  it('every id, class and data- attribute the code looks for', () => {
    const hooks = new Set<string>();
    for (const [, id] of code.matchAll(/getElementById\('([\w-]+)'\)/g)) hooks.add(id!);
    for (const [, attribute] of code.matchAll(/\b(data-[a-z-]+)/g)) hooks.add(attribute!);
    for (const [, selector] of code.matchAll(/(?:querySelector(?:All)?(?:<\w+>)?|closest)\('([^']+)'\)/g))
      for (const [, name] of selector!.matchAll(/\.([\w-]+)/g)) hooks.add(name!);
    expect(hooks).toContain('briefdeck-config');
    expect(hooks).toContain('slide__frame');
    expect(hooks).toContain('data-briefdeck-box');
    const missing = [...hooks].filter((hook) => !readme.includes(hook));
    expect(missing).toEqual([]);
  });
});
