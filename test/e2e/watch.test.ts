import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, leftIn, pdfText, runCli, SAMPLE, squash, startCli, tempDir } from '../helpers.js';

describe('briefdeck build --watch', () => {
  it('rebuilds the HTML and PDF on each save, one line each; bad input is one error line and the last good deck stays; Ctrl-C exits 130 and leaves nothing behind', async () => {
    const work = await tempDir('briefdeck-watch-');
    const tmp = await tempDir('briefdeck-tmp-');
    await mkdir(path.join(work, 'content'));
    const file = path.join(work, 'content', 'brief.md');
    const sample = await readFile(SAMPLE, 'utf8');
    await writeFile(file, sample);
    const config = path.join(work, 'briefdeck.config.yaml');
    await writeFile(config, 'template: default\n');
    const pdf = path.join(work, 'output', 'brief', 'brief.pdf');
    const html = path.join(work, 'output', 'brief', 'index.html');
    const builtLines = () =>
      run.output().match(/^built {3}brief \(10 slides, PDF 10 pages\) in \d+ ms$/gm)?.length ?? 0;
    /** The output once the `count`th rebuild line is there. */
    const rebuilt = (count: number) =>
      run.waitFor(new RegExp(`(?:^built {3}brief \\(10 slides, PDF 10 pages\\) in \\d+ ms\n[\\s\\S]*){${count}}`, 'm'));
    const run = startCli(['build', 'content', '--watch'], { TMPDIR: tmp }, work);
    try {
      await run.waitFor(/^watching content \(Ctrl-C to stop\)$/m);
      expect(run.output()).toMatch(/^\[1\/1\] output\/brief\/brief\.pdf \(10 pages, /m);

      // A save: the deck and its PDF are rebuilt, and the line comes once both are written.
      await writeFile(file, sample.replace(/^title: .*$/m, 'title: Rebuilt While Watching'));
      await rebuilt(1);
      expect(squash(pdfText(pdf))).toContain('Rebuilt While Watching');
      const goodHtml = await readFile(html);

      // Bad input: one error line naming the file and line; the deck and PDF of the last good save stay.
      await writeFile(file, sample.replace('date: 2026-11-29', 'date: sometime'));
      await run.waitFor(/^error {3}content\/brief\.md:\d+: .*date.* — /m);
      expect(await readFile(html)).toEqual(goodHtml);
      expect(squash(pdfText(pdf))).toContain('Rebuilt While Watching');

      // Still watching: the next good save is built again.
      await writeFile(file, sample.replace(/^title: .*$/m, 'title: Fixed And Rebuilt'));
      await rebuilt(2);
      expect(squash(pdfText(pdf))).toContain('Fixed And Rebuilt');

      // The config changed: the deck is rebuilt with the template it now names (dark's accent colour).
      await writeFile(config, 'template: dark\n');
      await rebuilt(3);
      expect(await readFile(html, 'utf8')).toContain('--accent: #f2a65a');
      expect(squash(pdfText(pdf))).toContain('Fixed And Rebuilt');
      expect(builtLines()).toBe(3);
      expect(run.output()).not.toMatch(/internal error|^\s+at /m);

      run.child.kill('SIGINT');
      expect(await run.exit).toBe(130);
      expect(await leftIn(tmp)).toEqual([]);
    } finally {
      run.child.kill('SIGKILL');
      await rm(work, { recursive: true, force: true });
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('watches the images of a briefing named by its path: a replaced image rebuilds its deck', async () => {
    const work = await tempDir('briefdeck-watch-');
    await mkdir(path.join(work, 'content', 'images'), { recursive: true });
    const image = path.join(work, 'content', 'images', 'chart.png');
    await copyFile(path.join(FIXTURES, 'images', 'chart.png'), image);
    await writeFile(
      path.join(work, 'content', 'pictures.md'),
      '---\ntitle: Pictures\ndate: 2026-01-15\n---\n\n## Summary\n\nRising.\n\n![Attacks](images/chart.png)\n\n## Implications\n\nMore.\n\n## Recommendations\n\n1. Look.\n',
    );
    const html = path.join(work, 'output', 'pictures', 'index.html');
    const run = startCli(['build', 'content/pictures.md', '--watch', '--no-pdf'], {}, work);
    try {
      await run.waitFor(/^watching content\/pictures\.md \(Ctrl-C to stop\)$/m);
      const before = /<img src="([^"]+)"/.exec(await readFile(html, 'utf8'))?.[1];
      expect(before).toBeDefined();
      await copyFile(path.join(FIXTURES, 'images', 'tall.png'), image);
      await run.waitFor(/^built {3}pictures \(\d+ slides\) in \d+ ms$/m);
      const after = /<img src="([^"]+)"/.exec(await readFile(html, 'utf8'))?.[1];
      expect(after).toBeDefined();
      expect(after).not.toBe(before); // copies are named by their bytes
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(130);
    } finally {
      run.child.kill('SIGKILL');
      await rm(work, { recursive: true, force: true });
    }
  });

  it('cannot be combined with --json (a usage error)', async () => {
    const result = await runCli(['build', SAMPLE, '--watch', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--json.*--watch|--watch.*--json/);
  });
});
