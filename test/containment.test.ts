import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, isReallyInside, realPath } from '../src/files.js';
import { resolveUnder } from '../src/serve/http.js';
import { tempDir } from './helpers.js';

describe('isInside: containment as the paths are written', () => {
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/c/d.md', true],
    ['/a/b', '/a/bc', false], // a sibling sharing the prefix
    ['/a/b', '/a/bc/d.md', false],
    ['/a/b', '/a/b/../c', false],
    ['/a/b', '/a/b/c/../../b/d', true],
    ['/a/b/', '/a/b/c', true], // a trailing separator on the folder
    ['/a/b', '/a', false],
  ])('%s holds %s: %s', (folder, file, inside) => {
    expect(isInside(folder, file)).toBe(inside);
  });
});

describe('isReallyInside and serve: containment after links are followed', () => {
  async function tree() {
    const root = await tempDir('briefdeck-contain-');
    const folder = path.join(root, 'out');
    await mkdir(path.join(folder, 'deck'), { recursive: true });
    await writeFile(path.join(root, 'secret.txt'), 'not for serving');
    await writeFile(path.join(folder, 'deck', 'index.html'), '<p>deck</p>');
    await symlink(path.join(root, 'secret.txt'), path.join(folder, 'deck', 'leak.txt'));
    await symlink(root, path.join(folder, 'up'));
    await symlink(path.join(folder, 'deck'), path.join(folder, 'alias'));
    return { root, folder };
  }

  it('a link inside that leads out is outside; one that stays inside is inside', async () => {
    const { folder } = await tree();
    expect(isReallyInside(folder, path.join(folder, 'deck', 'index.html'))).toBe(true);
    expect(isReallyInside(folder, path.join(folder, 'alias', 'index.html'))).toBe(true);
    expect(isReallyInside(folder, path.join(folder, 'deck', 'leak.txt'))).toBe(false);
    expect(isReallyInside(folder, path.join(folder, 'up', 'secret.txt'))).toBe(false);
    // Not made yet, under a link that leads out: outside too.
    expect(isReallyInside(folder, path.join(folder, 'up', 'new', 'file.md'))).toBe(false);
  });

  it('realPath follows links as far as the path exists', async () => {
    const { root, folder } = await tree();
    expect(realPath(path.join(folder, 'up', 'new', 'file.md'))).toBe(path.join(realPath(root), 'new', 'file.md'));
  });

  it('serve maps no URL to a file outside the output folder: not by .., not through a link', async () => {
    const { folder } = await tree();
    expect(resolveUnder(folder, '/deck/index.html')).toBe(path.join(folder, 'deck', 'index.html'));
    expect(resolveUnder(folder, '/alias/index.html')).toBe(path.join(folder, 'alias', 'index.html'));
    expect(resolveUnder(folder, '/../secret.txt')).toBe(path.join(folder, 'secret.txt')); // .. stops at the root
    expect(resolveUnder(folder, '/deck/..%2f..%2fsecret.txt')).toBe(path.join(folder, 'secret.txt'));
    expect(resolveUnder(folder, '/deck/leak.txt')).toBeUndefined();
    expect(resolveUnder(folder, '/up/secret.txt')).toBeUndefined();
  });
});
