// The CLI shape of the output formats (formats.ts, cli/format-flags.ts): the config's `formats:` list,
// the flags that add to it, --no-pdf that drops the PDF from either, and the flags' own arguments.
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../src/output/manifest.js';
import { pdfInfo, runCli, SAMPLE, tempDir } from '../helpers.js';

const SLUG = 'iskp-moscow-plot';

/** A project folder with `config` as its briefdeck.config.yaml; the deck folder is `out/<slug>`. */
async function project(config?: string): Promise<{ cwd: string; deck: string }> {
  const cwd = await tempDir('briefdeck-formats-');
  if (config !== undefined) await writeFile(path.join(cwd, 'briefdeck.config.yaml'), config);
  return { cwd, deck: path.join(cwd, 'out', SLUG) };
}

/** The files a build wrote at the top of the deck folder, but the deck itself (and its manifest, see output/manifest.ts). */
async function outputsIn(deck: string): Promise<string[]> {
  const own = new Set(['index.html', 'deck.json', 'assets', MANIFEST_NAME]);
  return (await readdir(deck)).filter((name) => !own.has(name)).sort();
}

/** No browser can be found: a build that does not need one must not look for it. */
const NO_BROWSER = (cwd: string) => ({ BRIEFDECK_BROWSER: path.join(cwd, 'no-such-browser') });

describe('the formats a build writes', () => {
  it('`formats: [pptx]` in the config builds the PowerPoint file and no PDF (no browser needed)', async () => {
    const { cwd, deck } = await project('formats: [pptx]\n');
    const run = await runCli(['build', SAMPLE, '-o', 'out'], { cwd, env: NO_BROWSER(cwd) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await outputsIn(deck)).toEqual([`${SLUG}.pptx`]);
  });

  it('`formats: [pdf, pptx]` with --no-pdf builds only the PowerPoint file; --handout adds to the list', async () => {
    const { cwd, deck } = await project('formats: [pdf, pptx]\n');
    const run = await runCli(['build', SAMPLE, '-o', 'out', '--no-pdf'], { cwd, env: NO_BROWSER(cwd) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await outputsIn(deck)).toEqual([`${SLUG}.pptx`]);

    const more = await runCli(['build', SAMPLE, '-o', 'out', '--handout'], { cwd });
    expect(more.stderr).toBe('');
    expect(more.code).toBe(0);
    expect(await outputsIn(deck)).toEqual([`${SLUG}-handout.pdf`, `${SLUG}.pdf`, `${SLUG}.pptx`]);
  });

  it('--scale without --png is a usage error: exit 2, one line, nothing built', async () => {
    const { cwd, deck } = await project();
    const run = await runCli(['build', SAMPLE, '-o', 'out', '--scale', '2'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: --scale sets the size of the --png images: add --png (run briefdeck --help for usage)\n',
    );
    expect(existsSync(deck)).toBe(false);
    const range = await runCli(['build', SAMPLE, '-o', 'out', '--png', '--scale', '5'], { cwd });
    expect(range.code).toBe(2);
    expect(range.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(range.stderr).toContain('a number from 1 to 4');
  });

  it('--handout letter and --contact-sheet letter take the size; a path after them is a path, not a size', async () => {
    const { cwd, deck } = await project();
    const letter = await runCli(['build', '--handout', 'letter', '--contact-sheet', 'LETTER', SAMPLE, '-o', 'out'], {
      cwd,
    });
    expect(letter.stderr).toBe('');
    expect(letter.code).toBe(0);
    expect(pdfInfo(path.join(deck, `${SLUG}-handout.pdf`))['Page size']).toMatch(/^612 x 792 pts/);
    expect(pdfInfo(path.join(deck, `${SLUG}-contact.pdf`))['Page size']).toMatch(/^792 x 612 pts/); // landscape

    const paths = await runCli(['build', '-o', 'out', '--contact-sheet', '--handout', SAMPLE], { cwd });
    expect(paths.stderr).toBe('');
    expect(paths.code).toBe(0);
    expect(pdfInfo(path.join(deck, `${SLUG}-handout.pdf`))['Page size']).toMatch(/^595(\.\d+)? x 841(\.\d+)? pts/);
    expect(pdfInfo(path.join(deck, `${SLUG}-contact.pdf`))['Page size']).toMatch(
      /^841(\.\d+)? x 59[45](\.\d+)? pts \(A4\)/,
    );

    const bad = await runCli(['build', SAMPLE, '-o', 'out', '--handout=a3'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^error: option '--handout \[size\]' argument 'a3' is invalid\. a4 or letter \(run briefdeck --help for usage\)\n$/,
    );
  });

  it("a --handout or --contact-sheet without a size is on the config's paper", async () => {
    const { cwd, deck } = await project('paper: letter\n');
    const run = await runCli(['build', SAMPLE, '-o', 'out', '--handout', '--contact-sheet', '--no-pdf'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(pdfInfo(path.join(deck, `${SLUG}-handout.pdf`))['Page size']).toMatch(/^612 x 792 pts/);
    expect(pdfInfo(path.join(deck, `${SLUG}-contact.pdf`))['Page size']).toMatch(/^792 x 612 pts/);
  });

  it('a config with an unknown format is one error line at its line, the hint naming the formats', async () => {
    const { cwd, deck } = await project('formats:\n  - pdf\n  - powerpoint\n');
    const run = await runCli(['build', SAMPLE, '-o', 'out'], { cwd, env: NO_BROWSER(cwd) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^briefdeck\.config\.yaml:3: config: "formats\.1" .+ — formats are pdf, handout, pptx, png, thumbnails, contact-sheet, script, single-file \(e\.g\. formats: \[pdf, pptx\]\)\n$/,
    );
    expect(existsSync(deck)).toBe(false);
  });
});
