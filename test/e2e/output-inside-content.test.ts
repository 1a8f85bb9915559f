// `briefdeck build . --script` with the output folder inside the content folder: the second build must not
// take the speaker scripts the first one wrote (<slug>/<slug>-script.md) for briefings.
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli, SAMPLE, tempDir } from '../helpers.js';

it('a folder build passes over the deck folders of an output folder inside it', async () => {
  const dir = await tempDir();
  try {
    await copyFile(SAMPLE, path.join(dir, 'brief.md'));
    for (const round of [1, 2]) {
      // --force: the second build writes its deck again (not up to date), so "1 deck" counts what it found.
      const run = await runCli(['build', '.', '--script', '--no-pdf', '--force'], { cwd: dir });
      expect(run.stderr, `build ${round}`).toBe('');
      expect(run.code, `build ${round}`).toBe(0);
      expect(run.stdout, `build ${round}`).toMatch(/^1 deck\b/m);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
