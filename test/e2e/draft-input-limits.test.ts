import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, tempDir } from '../helpers.js';

// The CLI runs from dist/ (compiled by `npm test`'s pretest, or `npm run -s compile`).
const SENTENCES: [string, string, string, string, string] = [
  'Rural councils close libraries to save money, yet the savings are small next to the services lost.',
  'Libraries lend laptops, host job clubs and offer the only free heated room on many streets.',
  'The council should publish a full assessment of each closure before any decision is taken.',
  'Volunteers can keep a library open for a while, but rarely for long.',
  'When a library closes, footfall on the whole street falls within a year.',
];
describe('binary and oversized input, through the CLI', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir('briefdeck-hygiene-');
  });

  it('refuses 8 KB of random bytes without NUL (not UTF-8, garbage as Windows-1252): one line, exit 1, nothing written', async () => {
    const bytes = randomBytes(8192).map((b) => (b === 0 ? 1 : b));
    await writeFile(path.join(cwd, 'random.txt'), bytes);
    const result = await runCli(['draft', 'random.txt', '-o', 'out.md'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^random\.txt: the article is not text: \d+% of its characters are control codes \(is it binary\?\) — give a text, markdown or HTML file/,
      ),
    ]);
    const stdin = spawnSync(process.execPath, [CLI, 'draft', '-', '-o', 'out.md'], {
      cwd,
      input: bytes,
      encoding: 'utf8',
    });
    expect(stdin.status).toBe(1);
    expect(stdin.stderr).toMatch(/^stdin: the article is not text/);
  });

  it('keeps a real Windows-1252 page working', async () => {
    const text = `Les Réseaux d’Eau\n\n${SENTENCES.join(' ')} Café, déjà, “quoted” — fine.\n`;
    const latin = Buffer.from(
      [...text].map((c) => ({ '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97 })[c] ?? c.charCodeAt(0)),
    );
    await writeFile(path.join(cwd, 'latin.txt'), latin);
    const result = await runCli(['draft', 'latin.txt', '-o', 'latin.md'], { cwd });
    expect(result.code).toBe(0);
  });

  it('refuses an article over 5 MB with the limit named; shows progress on stderr for one over 1 MB', async () => {
    const paragraph = `${SENTENCES.join(' ')}\n\n`;
    await writeFile(path.join(cwd, 'huge.txt'), paragraph.repeat(Math.ceil((5.2 * 1024 * 1024) / paragraph.length)));
    const huge = await runCli(['draft', 'huge.txt', '-o', 'huge.md'], { cwd });
    expect(huge.code).toBe(1);
    expect(huge.stderr.trim().split('\n')).toEqual([
      'huge.txt: the article is 5.2 MB, over the 5 MB that briefdeck draft reads — draft a part of it: cut the text at a heading into files under 5 MB',
    ]);

    await writeFile(
      path.join(cwd, 'long.txt'),
      `Patch the Pumps\n\n${paragraph.repeat(Math.ceil((1.1 * 1024 * 1024) / paragraph.length))}`,
    );
    const long = await runCli(['draft', 'long.txt', '-o', 'long.md'], { cwd });
    expect(long.code).toBe(0);
    expect(long.stderr).toMatch(
      /^drafting long\.txt: reading… [\d,]+ paragraphs… sentences… [\d,]+… ranking… choosing… done$/m,
    );

    const short = await runCli(['draft', 'latin.txt', '-o', 'short.md', '--force'], { cwd });
    expect(short.stderr).not.toMatch(/drafting/);
  });
});
