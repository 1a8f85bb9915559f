// The bytes npm run bench reports for each format (bench/written.mjs), from a --json report and the files it names.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenBytes } from '../../bench/written.mjs';
import { tempDir } from '../helpers.js';

describe('bench written bytes', () => {
  it('counts every file an output names once, a folder with its files, and its own bytes only when it names none', async () => {
    const work = await tempDir();
    const deck = path.join(work, 'deck');
    await mkdir(path.join(deck, 'slides'), { recursive: true });
    const files: Record<string, number> = {
      'index.html': 10,
      'deck.pdf': 20,
      'slides/01.png': 5,
      'slides/02.png': 7,
      'deck-contact.pdf': 3,
      'deck-contact.png': 4,
    };
    for (const [name, size] of Object.entries(files)) await writeFile(path.join(deck, name), 'x'.repeat(size));
    const at = (name: string) => path.join(deck, name);
    const report = {
      decks: [
        {
          file: 'deck.md',
          slug: 'deck',
          slides: 2,
          html: at('index.html'),
          pdf: { file: at('deck.pdf'), pages: 2, bytes: 20 },
          png: { folder: at('slides'), files: [at('slides/01.png'), at('slides/02.png')], count: '2 slides' },
          contactSheet: { file: at('deck-contact.pdf'), png: 'deck-contact.png', pages: 1 },
          script: { file: at('gone.md'), bytes: 99 },
        },
      ],
    };
    expect(await writtenBytes(report)).toEqual({
      folder: 49,
      pdf: 20,
      outputs: { png: 12, contactSheet: 7, script: 99 },
    });
    await rm(work, { recursive: true, force: true });
  });
});
