// build --watch rebuilds every format the build was asked for (the same buildFiles as build), on each save.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText, SAMPLE, squash, startCli, tempDir } from '../helpers.js';
import { readPptx, slideParts } from '../pptx/package-reader.js';

describe('briefdeck build --watch with formats', () => {
  it('rewrites the PDF, the handout and the PowerPoint file on each save, and the rebuild line names each', async () => {
    const work = await tempDir('briefdeck-watch-formats-');
    await mkdir(path.join(work, 'content'));
    const file = path.join(work, 'content', 'brief.md');
    const sample = await readFile(SAMPLE, 'utf8');
    await writeFile(file, sample);
    // The handout from the config's formats, the PowerPoint file from the flag.
    await writeFile(path.join(work, 'briefdeck.config.yaml'), 'formats: [pdf, handout]\n');
    const deck = path.join(work, 'output', 'brief');
    const run = startCli(['build', 'content', '--watch', '--pptx'], {}, work);
    try {
      await run.waitFor(/^watching content \(Ctrl-C to stop\)$/m);
      await writeFile(file, sample.replace(/^title: .*$/m, 'title: Rebuilt While Watching'));
      await run.waitFor(/^built {3}brief \(10 slides, PDF 10 pages, handout \d+ pages, pptx 10 slides\) in \d+ ms$/m);
      expect(squash(pdfText(path.join(deck, 'brief.pdf'), 1))).toContain('Rebuilt While Watching');
      expect(squash(pdfText(path.join(deck, 'brief-handout.pdf'), 1))).toContain('Rebuilt While Watching');
      const pptx = await readPptx(await readFile(path.join(deck, 'brief.pptx')));
      expect(pptx.text.get(slideParts(pptx)[0]!)).toContain('Rebuilt While Watching');
      const info = JSON.parse(await readFile(path.join(deck, 'deck.json'), 'utf8'));
      expect(info).toMatchObject({ pdf: 'brief.pdf', handout: 'brief-handout.pdf', pptx: 'brief.pptx' });
      expect(run.output()).not.toMatch(/internal error|^\s+at /m);
    } finally {
      run.child.kill('SIGKILL');
      await rm(work, { recursive: true, force: true });
    }
  });
});
