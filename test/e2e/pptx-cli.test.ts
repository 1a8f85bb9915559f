import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE, tempDir } from '../helpers.js';
import { readPptx, slideParts } from '../pptx/package-reader.js';

describe('briefdeck build --pptx', () => {
  it('writes <slug>/<slug>.pptx without a browser, reports it in --json, and the index page links it', async () => {
    const out = await tempDir();
    // No browser can be found: --no-pdf must not need one.
    const run = await runCli(['build', SAMPLE, '--pptx', '--no-pdf', '-o', out, '--json'], {
      env: { BRIEFDECK_BROWSER: path.join(out, 'no-such-browser') },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const file = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot.pptx');
    expect(report.decks[0].pptx).toEqual({ file, slides: 10, bytes: (await readFile(file)).length });
    expect(report.decks[0].pdf).toBeUndefined();
    expect(slideParts(await readPptx(await readFile(file)))).toHaveLength(10);
    const info = JSON.parse(await readFile(path.join(out, 'iskp-moscow-plot', 'deck.json'), 'utf8'));
    expect(info.pptx).toBe('iskp-moscow-plot.pptx');
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="iskp-moscow-plot/iskp-moscow-plot.pptx">PowerPoint</a>');

    // The same build again, its progress lines: --force, since the deck is up to date (an incremental build writes nothing).
    const live = await runCli(['build', SAMPLE, '--pptx', '--no-pdf', '-o', out, '--force']);
    expect(live.stdout).toMatch(/^pptx {4}\S+iskp-moscow-plot\.pptx \(10 slides, [\d.]+ KB\)/m);
  });

  it('removes the .pptx when the deck is rebuilt without --pptx: no stale PowerPoint passes for the new deck', async () => {
    const out = await tempDir();
    expect((await runCli(['build', SAMPLE, '--pptx', '--no-pdf', '-o', out])).code).toBe(0);
    const file = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot.pptx');
    expect(existsSync(file)).toBe(true);
    expect((await runCli(['build', SAMPLE, '--no-pdf', '-o', out])).code).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('.pptx');
    expect(JSON.parse(await readFile(path.join(out, 'iskp-moscow-plot', 'deck.json'), 'utf8')).pptx).toBeUndefined();
  });

  it('gives byte-identical files from two builds with SOURCE_DATE_EPOCH', async () => {
    const env = { SOURCE_DATE_EPOCH: '1764547200' };
    const [a, b] = [await tempDir(), await tempDir()];
    expect((await runCli(['build', SAMPLE, '--pptx', '--no-pdf', '-o', a], { env })).code).toBe(0);
    expect((await runCli(['build', SAMPLE, '--pptx', '--no-pdf', '-o', b], { env })).code).toBe(0);
    const read = (dir: string) => readFile(path.join(dir, 'iskp-moscow-plot', 'iskp-moscow-plot.pptx'));
    expect((await read(a)).equals(await read(b))).toBe(true);
  });

  it('with --strict (decks staged until printed), reports and leaves the .pptx in the deck folder, not the staging one', async () => {
    const out = await tempDir();
    const run = await runCli(['build', SAMPLE, '--pptx', '--strict', '-o', out]);
    expect(run.code).toBe(0);
    const file = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot.pptx');
    expect(run.stdout).toContain(`pptx    ${file} (10 slides,`);
    expect(run.stdout).not.toMatch(/\.tmp/);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot.pdf'))).toBe(true);
  });
});
