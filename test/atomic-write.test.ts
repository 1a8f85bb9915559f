import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeNewFile } from '../src/atomic-write.js';
import { DraftError } from '../src/errors.js';
import { writeOnce } from '../src/output/write-once.js';
import { tempDir } from './helpers.js';

describe('the atomic writer', () => {
  it('writes a new file only where none is, and leaves no temporary file', async () => {
    const dir = await tempDir('briefdeck-atomic-');
    const file = path.join(dir, 'sub', 'new.md');
    expect(await writeNewFile(file, 'first')).toBe(true);
    expect(await writeNewFile(file, 'second')).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('first');
    expect(await readdir(path.dirname(file))).toEqual(['new.md']);
  });

  it('replaces a file whole, and a failed write leaves it and no temporary file', async () => {
    const dir = await tempDir('briefdeck-atomic-');
    const file = path.join(dir, 'deck.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    await mkdir(path.join(dir, 'blocker'));
    await expect(writeFileAtomic(path.join(dir, 'blocker'), 'x')).rejects.toThrow(/^cannot write .*blocker \(EISDIR\)/);
    expect((await readdir(dir)).sort()).toEqual(['blocker', 'deck.json']);
  });

  it('two drafts written to one new file at once: one is written, the other is told the file exists', async () => {
    const dir = await tempDir('briefdeck-atomic-');
    const file = path.join(dir, 'draft.md');
    const results = await Promise.allSettled(
      ['a', 'b'].map((text) => writeOnce(file, text, 'draft.md', { force: false, as: DraftError })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected')!;
    expect(String(refused.reason)).toMatch(/^DraftError: draft\.md: already exists — pass --force/);
    expect(['a', 'b']).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['draft.md']);
  });
});
