// The output stage's file writes, on real temporary folders: atomic replacement, deck folders
// (assets first, HTML last, PDFs of the old HTML removed, unused assets removed) and the output-folder check.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { copyFileAtomic, outputError, stagingFolder, writeFileAtomic } from '../../src/atomic-write.js';
import { checkOutputFolder, moveFile, removeFolder, writeDeck } from '../../src/output/write-deck.js';
import { escapeRegExp, tempDir } from '../helpers.js';

let work: string;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Every file under `dir`, relative, sorted (hidden ones too: a leftover temporary file must show). */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('writeFileAtomic', () => {
  it('makes the folders on the way, replaces an existing file, and leaves no temporary file', async () => {
    const dir = path.join(work, 'atomic');
    const file = path.join(dir, 'a', 'b', 'page.html');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, new TextEncoder().encode('second'));
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await filesIn(dir)).toEqual([path.join('a', 'b', 'page.html')]);
  });

  it('refuses with one OutputError naming the file and what to do when a file stands where a folder is needed', async () => {
    const blocker = path.join(work, 'blocker');
    await writeFile(blocker, 'a file, not a folder');
    const file = path.join(blocker, 'page.html');
    const error = await writeFileAtomic(file, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).exitCode).toBe(4);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^cannot write ${escapeRegExp(file)} \\((ENOTDIR|EEXIST)\\) — a file stands where a folder is needed: remove it or choose another folder with --out$`,
      ),
    );
    expect(await readFile(blocker, 'utf8')).toBe('a file, not a folder');
  });
});

describe('copyFileAtomic', () => {
  it('copies with the source modification time, and leaves an identical copy alone', async () => {
    const dir = path.join(work, 'copy');
    await mkdir(dir, { recursive: true });
    const from = path.join(dir, 'font.woff2');
    const to = path.join(dir, 'out', 'font.woff2');
    await writeFile(from, 'font bytes');
    const then = new Date('2026-01-02T03:04:05Z');
    await utimes(from, then, then);
    await copyFileAtomic(from, to);
    expect(await readFile(to, 'utf8')).toBe('font bytes');
    expect((await stat(to)).mtimeMs).toBe((await stat(from)).mtimeMs);

    // Same size and time: not copied again (the inode stays, so a reader holding it sees no change).
    const before = await stat(to);
    await copyFileAtomic(from, to);
    expect((await stat(to)).ino).toBe(before.ino);

    // A changed source (new size or time) is copied.
    await writeFile(from, 'new font bytes');
    await copyFileAtomic(from, to);
    expect(await readFile(to, 'utf8')).toBe('new font bytes');
    expect(await filesIn(path.join(dir, 'out'))).toEqual(['font.woff2']);
  });
});

describe('copyFileAtomic: compared by content', () => {
  it('leaves alone a copy of a source whose time has nanoseconds (a copy only keeps milliseconds)', async () => {
    const dir = path.join(work, 'copy-ns');
    await mkdir(dir, { recursive: true });
    const from = path.join(dir, 'reveal.js');
    const to = path.join(dir, 'out', 'reveal.js');
    await writeFile(from, 'reveal bytes'); // stamped now, to the nanosecond where the file system keeps them
    await copyFileAtomic(from, to);
    const before = await stat(to);
    await copyFileAtomic(from, to);
    expect((await stat(to)).ino).toBe(before.ino);
  });

  it('copies a source changed to other bytes of the same size with the same time', async () => {
    const dir = path.join(work, 'copy-same-size');
    await mkdir(dir, { recursive: true });
    const from = path.join(dir, 'theme.css');
    const to = path.join(dir, 'out', 'theme.css');
    const then = new Date('2026-01-02T03:04:05Z');
    await writeFile(from, 'a { color: red; }');
    await utimes(from, then, then);
    await copyFileAtomic(from, to);
    await writeFile(from, 'a { color: tan; }');
    await utimes(from, then, then);
    await copyFileAtomic(from, to);
    expect(await readFile(to, 'utf8')).toBe('a { color: tan; }');
  });
});

describe('stagingFolder, moveFile, removeFolder', () => {
  it('stages a deck in a hidden folder beside the target, moves it into place, and removes folders', async () => {
    const dir = path.join(work, 'staging');
    await mkdir(dir, { recursive: true });
    const target = path.join(dir, 'deck');
    const staging = stagingFolder(target);
    expect(path.dirname(staging.dir)).toBe(dir);
    expect(path.basename(staging.dir)).toMatch(/^\.deck\..*\.tmp$/);
    await writeFileAtomic(path.join(staging.dir, 'index.html'), 'staged');
    await moveFile(staging.dir, target);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('staged');
    await staging.remove(); // already moved: nothing left to remove, and no error
    expect(await readdir(dir)).toEqual(['deck']);
    await removeFolder(target);
    expect(existsSync(target)).toBe(false);
  });

  it('says which file could not be moved into place', async () => {
    const missing = path.join(work, 'no-such-staging');
    const to = path.join(work, 'moved');
    await expect(moveFile(missing, to)).rejects.toThrow(/^cannot write .*moved \(ENOENT\) — /);
    await expect(moveFile(missing, to)).rejects.toBeInstanceOf(OutputError);
  });
});

describe('writeDeck', () => {
  it('writes the assets and index.html, removes the PDFs of the HTML it replaces and the assets no longer used', async () => {
    const deck = path.join(work, 'decks', 'brief');
    const logo = path.join(work, 'logo.svg');
    await writeFile(logo, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const first = await writeDeck(deck, '<html>one</html>', [
      { to: 'assets/theme.css', contents: 'body{}' },
      { to: 'assets/img/logo.svg', from: logo },
      { to: 'assets/img/old.png', contents: new Uint8Array([1, 2, 3]) },
    ]);
    expect(first).toBe(path.join(deck, 'index.html'));
    expect(await filesIn(deck)).toEqual(
      ['assets/img/logo.svg', 'assets/img/old.png', 'assets/theme.css', 'index.html'].map((f) => path.normalize(f)),
    );

    // The build printed PDFs of that HTML; another build is writing a hidden file in assets/.
    await writeFile(path.join(deck, 'brief.pdf'), '%PDF- of one');
    await writeFile(path.join(deck, 'brief-handout.PDF'), '%PDF- of one');
    await writeFile(path.join(deck, 'notes.txt'), 'not a print');
    await writeFile(path.join(deck, 'assets', '.theme.css.123.tmp'), 'in progress');

    await writeDeck(deck, '<html>two</html>', [
      { to: 'assets/theme.css', contents: 'body{color:red}' },
      { to: 'assets/img/logo.svg', from: logo },
    ]);
    expect(await readFile(path.join(deck, 'index.html'), 'utf8')).toBe('<html>two</html>');
    expect(await readFile(path.join(deck, 'assets', 'theme.css'), 'utf8')).toBe('body{color:red}');
    expect(await filesIn(deck)).toEqual(
      ['assets/.theme.css.123.tmp', 'assets/img/logo.svg', 'assets/theme.css', 'index.html', 'notes.txt'].map((f) =>
        path.normalize(f),
      ),
    );
  });

  it('names the deck folder itself (with a trailing separator) when it cannot be made', async () => {
    const blocker = path.join(work, 'not-a-folder');
    await writeFile(blocker, 'x');
    const deck = path.join(blocker, 'brief');
    await expect(writeDeck(deck, '<html></html>', [])).rejects.toThrow(
      `cannot write ${deck}${path.sep} (ENOTDIR) — a file stands where a folder is needed: remove it or choose another folder with --out`,
    );
  });
});

describe('checkOutputFolder', () => {
  it('accepts a folder of its own (existing or not) beside the content', async () => {
    const content = path.join(work, 'project', 'content');
    await mkdir(content, { recursive: true });
    await writeFile(path.join(content, 'brief.md'), '# x');
    await expect(checkOutputFolder(path.join(work, 'project', 'output'), [content])).resolves.toBeUndefined();
    await expect(
      checkOutputFolder(path.join(work, 'project', 'output'), [path.join(content, 'brief.md')]),
    ).resolves.toBeUndefined();
    // A content path that does not exist is reported elsewhere (by the reader), not here.
    await expect(
      checkOutputFolder(path.join(work, 'project', 'output'), [path.join(work, 'nope')]),
    ).resolves.toBeUndefined();
  });

  it('refuses an output folder that is, or contains, the content folder (also through a symbolic link)', async () => {
    const project = path.join(work, 'project2');
    const content = path.join(project, 'content');
    await mkdir(content, { recursive: true });
    await writeFile(path.join(content, 'brief.md'), '# x');
    await expect(checkOutputFolder(content, [content])).rejects.toThrow(
      new RegExp(
        `^the output folder ${escapeRegExp(content)} is the content folder .* — decks could overwrite or remove content there: choose a folder of their own with --out, e.g. --out output$`,
      ),
    );
    await expect(checkOutputFolder(project, [path.join(content, 'brief.md')])).rejects.toThrow(
      /^the output folder .* contains the content folder /,
    );
    const link = path.join(work, 'project2-link');
    await symlink(project, link);
    await expect(checkOutputFolder(link, [content])).rejects.toBeInstanceOf(OutputError);
  });

  it('refuses an empty path', async () => {
    await expect(checkOutputFolder('', [])).rejects.toThrow(
      'the output folder is an empty path — name a folder with --out, e.g. --out output',
    );
  });
});

describe('outputError', () => {
  it('gives a hint for each refusal a file system can give, never the raw Node message as the hint', () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: raw node text`), { code });
    const hints = Object.fromEntries(
      ['EACCES', 'EROFS', 'ENOSPC', 'ENOTDIR', 'ENOENT', 'ELOOP', 'ENAMETOOLONG', 'EIO'].map((code) => [
        code,
        outputError(failure(code), '/out/x.html').hint,
      ]),
    );
    expect(hints).toEqual({
      EACCES: 'the folder is not writable: choose another folder with --out or fix its permissions',
      EROFS: 'the file system is read-only: choose another folder with --out',
      ENOSPC: 'the disk is full: free some space or choose another folder with --out',
      ENOTDIR: 'a file stands where a folder is needed: remove it or choose another folder with --out',
      ENOENT:
        'a folder cannot be made there (a special file system such as /proc, or a path that vanished): choose another folder with --out',
      ELOOP: 'a symbolic link on the way loops: fix it or choose another folder with --out',
      ENAMETOOLONG: 'the path is too long: choose another folder with --out with a shorter path',
      EIO: 'the system refused the write: check the disk and the folder, or choose another folder with --out',
    });
    const error = outputError(failure('EROFS'), '/out/x.html', 'pass another --out');
    expect(error.message).toBe('cannot write /out/x.html (EROFS) — the file system is read-only: pass another --out');
    expect(error.cause).toBeInstanceOf(Error);
  });
});
