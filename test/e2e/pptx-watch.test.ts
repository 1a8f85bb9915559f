import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE, startCli, tempDir } from '../helpers.js';
import { readPptx, slideParts } from '../pptx/package-reader.js';

/** The text of the PPTX's first slide (the title slide). */
async function titleSlide(file: string): Promise<string> {
  const parts = await readPptx(await readFile(file));
  return parts.text.get(slideParts(parts)[0]!) ?? '';
}

describe('briefdeck build --watch --pptx', () => {
  it('rewrites the .pptx on each save, and the rebuild line says so', async () => {
    const work = await tempDir('briefdeck-watch-pptx-');
    await mkdir(path.join(work, 'content'));
    const file = path.join(work, 'content', 'brief.md');
    const sample = await readFile(SAMPLE, 'utf8');
    await writeFile(file, sample);
    const pptx = path.join(work, 'output', 'brief', 'brief.pptx');
    const run = startCli(['build', 'content', '--watch', '--pptx', '--no-pdf'], {}, work);
    try {
      await run.waitFor(/^watching content \(Ctrl-C to stop\)$/m);
      expect(run.output()).toMatch(/^pptx {4}output\/brief\/brief\.pptx \(10 slides, /m);

      await writeFile(file, sample.replace(/^title: .*$/m, 'title: Rebuilt While Watching'));
      await run.waitFor(/^built {3}brief \(10 slides, pptx 10 slides\) in \d+ ms$/m);
      expect(await titleSlide(pptx)).toContain('Rebuilt While Watching');
      expect(run.output()).not.toMatch(/internal error|^\s+at /m);
    } finally {
      run.child.kill('SIGKILL');
      await rm(work, { recursive: true, force: true });
    }
  });
});
