import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, pdfText, runCli, startCli, tempDir, type CliResult } from '../helpers.js';

/**
 * Incremental builds (issue 18): a deck whose folder already holds what a build would write is
 * neither written nor printed again; each kind of input change rebuilds the decks it touches; the
 * manifest (`.briefdeck-manifest.json`) is only ever there beside a complete deck.
 *
 * "Not rewritten" is proved by the files themselves: a write goes to a temporary file renamed into
 * place, so a rewritten file has a new inode (and a new mtime); an untouched one keeps both.
 */

const MANIFEST = '.briefdeck-manifest.json';

function briefing(title: string, extra = ''): string {
  return `---
title: ${title}
date: 2026-01-15
---

## Summary

The bottom line of ${title}.

- First point.
- Second point.
${extra}
## Implications

- An implication.

## Recommendations

1. **Do this.** Then that.
`;
}

/** A file's identity: a rewrite (temporary file renamed into place) changes it. */
async function identity(file: string): Promise<string> {
  const info = await stat(file, { bigint: true });
  return `${info.ino}:${info.mtimeNs}`;
}

function summary(run: CliResult): string {
  return run.stdout.trim().split('\n').at(-1) ?? '';
}

describe('incremental build with PDFs', () => {
  let work: string;
  let content: string;
  let out: string;
  const pdfOf = (slug: string) => path.join(out, slug, `${slug}.pdf`);
  const build = (...args: string[]) => runCli(['build', content, '--out', out, ...args], { cwd: work });

  beforeAll(async () => {
    work = await tempDir('briefdeck-incremental-');
    content = path.join(work, 'content');
    out = path.join(work, 'out');
    await mkdir(content);
    await writeFile(path.join(content, 'alpha.md'), briefing('Alpha'));
    await writeFile(path.join(content, 'bravo.md'), briefing('Bravo'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('an unchanged second build writes and prints nothing, and says both decks are up to date', async () => {
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(summary(first)).toMatch(/^2 decks, \d+ PDF pages, built in \d+\.\d s$/);
    expect(existsSync(path.join(out, 'alpha', MANIFEST))).toBe(true);
    const files = [
      pdfOf('alpha'),
      pdfOf('bravo'),
      path.join(out, 'alpha', 'index.html'),
      path.join(out, 'alpha', 'deck.json'),
    ];
    const before = await Promise.all(files.map(identity));

    const second = await build();
    expect(second.code, second.stderr).toBe(0);
    expect(summary(second)).toMatch(/^0 decks built in \d+\.\d s, 2 up to date$/);
    expect(second.stdout).not.toMatch(/^built |^\[\d+\/\d+\]/m); // no deck written, no PDF printed
    expect(await Promise.all(files.map(identity))).toEqual(before);
    // The index page still lists both as this build's decks, with their PDFs.
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('alpha/alpha.pdf');
    expect(index).toContain('bravo/bravo.pdf');
    expect(index).not.toMatch(/Earlier builds/i);
    // The manifest is briefdeck's own: deck.json does not name it.
    expect(await readFile(path.join(out, 'alpha', 'deck.json'), 'utf8')).not.toContain(MANIFEST);
  });

  it('--json says which decks were up to date, with the PDF they have', async () => {
    const run = await build('--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { decks: { slug: string; upToDate: boolean; pdf?: { file: string } }[] };
    expect(report.decks.map((deck) => [deck.slug, deck.upToDate, deck.pdf?.file])).toEqual([
      ['alpha', true, pdfOf('alpha')],
      ['bravo', true, pdfOf('bravo')],
    ]);
  });

  it('changing one briefing rebuilds that deck only; its unchanged assets are not copied again', async () => {
    const asset = path.join(out, 'alpha', 'assets', 'deck.js');
    const [assetBefore, bravoBefore] = await Promise.all([identity(asset), identity(pdfOf('bravo'))]);
    await writeFile(path.join(content, 'alpha.md'), briefing('Alpha', '- A third point, new.\n'));
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(summary(run)).toMatch(/^1 deck, \d+ PDF pages, built in \d+\.\d s, 1 up to date$/);
    expect(pdfText(pdfOf('alpha'))).toContain('A third point, new.');
    expect(await identity(pdfOf('bravo'))).toBe(bravoBefore);
    expect(await identity(asset)).toBe(assetBefore); // the asset skip: same bytes, no copy
  });

  it('--force writes and prints every deck again', async () => {
    const before = await identity(pdfOf('bravo'));
    const run = await build('--force');
    expect(run.code, run.stderr).toBe(0);
    expect(summary(run)).toMatch(/^2 decks, \d+ PDF pages, built in \d+\.\d s$/);
    expect(await identity(pdfOf('bravo'))).not.toBe(before);
  });

  it('a deleted or changed output rebuilds its deck', async () => {
    await rm(pdfOf('alpha'));
    const deleted = await build();
    expect(summary(deleted)).toMatch(/^1 deck, \d+ PDF pages, built in \d+\.\d s, 1 up to date$/);
    expect(existsSync(pdfOf('alpha'))).toBe(true);

    // The same size, one byte different: only a content hash tells.
    const asset = path.join(out, 'bravo', 'assets', 'deck.js');
    const bytes = await readFile(asset);
    bytes[0] = bytes[0] === 0x20 ? 0x0a : 0x20;
    await writeFile(asset, bytes);
    const changed = await build();
    expect(summary(changed)).toMatch(/^1 deck, \d+ PDF pages, built in \d+\.\d s, 1 up to date$/);
    expect(await readFile(asset)).not.toEqual(bytes);
  });

  it('another version of briefdeck rebuilds every deck', async () => {
    // As if an earlier briefdeck had written the decks: the manifest names the briefdeck that wrote them.
    for (const slug of ['alpha', 'bravo']) {
      const file = path.join(out, slug, MANIFEST);
      const manifest = JSON.parse(await readFile(file, 'utf8')) as { briefdeck: string };
      await writeFile(file, JSON.stringify({ ...manifest, briefdeck: `0.0.1 ${manifest.briefdeck.split(' ')[1]}` }));
    }
    const run = await build();
    expect(summary(run)).toMatch(/^2 decks, \d+ PDF pages, built in \d+\.\d s$/);
  });

  it('a build whose printing fails leaves no manifest; the next build prints the deck', async () => {
    await writeFile(path.join(content, 'alpha.md'), briefing('Alpha', '- Changed again.\n'));
    const failed = await runCli(['build', content, '--out', out], {
      cwd: work,
      env: { BRIEFDECK_BROWSER: path.join(work, 'no-such-browser') },
    });
    expect(failed.code).toBe(3);
    expect(existsSync(path.join(out, 'alpha', MANIFEST))).toBe(false);
    expect(existsSync(pdfOf('alpha'))).toBe(false);
    const again = await build();
    expect(again.code, again.stderr).toBe(0);
    // bravo, printed with another browser (the key names it), is printed again too.
    expect(summary(again)).toMatch(/^2 decks, \d+ PDF pages, built in \d+\.\d s$/);
    expect(pdfText(pdfOf('alpha'))).toContain('Changed again.');
  });

  it('a build killed after writing the HTML leaves no manifest', async () => {
    await writeFile(path.join(content, 'alpha.md'), briefing('Alpha', '- Killed midway.\n'));
    const running = startCli(['build', path.join(content, 'alpha.md'), '--out', out], {}, work);
    await running.waitFor(/^built /m);
    running.child.kill('SIGKILL'); // no exit handlers: the worst case
    await running.exit;
    expect(await readFile(path.join(out, 'alpha', 'index.html'), 'utf8')).toContain('Killed midway.');
    expect(existsSync(path.join(out, 'alpha', MANIFEST))).toBe(false);
    const again = await build();
    expect(summary(again)).toMatch(/^1 deck, \d+ PDF pages, built in \d+\.\d s, 1 up to date$/);
    expect(pdfText(pdfOf('alpha'))).toContain('Killed midway.');
  });
});

/**
 * Which inputs rebuild which decks, HTML only (the same decision as with PDFs; printing only makes it
 * slower): a deck is rebuilt when its index.html is written again.
 */
describe('incremental build: each kind of input', () => {
  let work: string;
  let content: string;
  let out: string;
  const html = (slug: string) => path.join(out, slug, 'index.html');
  const build = (...args: string[]) => runCli(['build', content, '--out', out, '--no-pdf', ...args], { cwd: work });
  /** Builds and returns which decks were written again. */
  const rebuilt = async (...args: string[]): Promise<{ run: CliResult; written: string[] }> => {
    const slugs = ['pictures', 'themed', 'plain'];
    const before = await Promise.all(slugs.map((slug) => identity(html(slug))));
    const run = await build(...args);
    expect(run.code, run.stderr).toBe(0);
    const after = await Promise.all(slugs.map((slug) => identity(html(slug))));
    return { run, written: slugs.filter((_, i) => after[i] !== before[i]) };
  };

  beforeAll(async () => {
    work = await tempDir('briefdeck-incremental-inputs-');
    content = path.join(work, 'content');
    out = path.join(work, 'out');
    await mkdir(path.join(content, 'images'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'images', 'chart.png'), path.join(content, 'images', 'chart.png'));
    await writeFile(path.join(content, 'pictures.md'), briefing('Pictures', '\n![A chart](images/chart.png)\n'));
    await writeFile(
      path.join(content, 'themed.md'),
      briefing('Themed').replace('date: 2026-01-15', 'date: 2026-01-15\ntemplate: mine'),
    );
    await writeFile(path.join(content, 'plain.md'), briefing('Plain'));
    const ejected = await runCli(['template', 'eject', 'default', path.join(work, 'mine')], { cwd: work });
    expect(ejected.code, ejected.stderr).toBe(0);
    const first = await build('--templates', path.join(work, 'mine'));
    expect(first.code, first.stderr).toBe(0);
    expect(summary(first)).toMatch(/^3 decks built in \d+\.\d s$/);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });
  const templates = () => ['--templates', path.join(work, 'mine')];

  it('nothing changed: nothing written', async () => {
    const { run, written } = await rebuilt(...templates());
    expect(written).toEqual([]);
    expect(summary(run)).toMatch(/^0 decks built in \d+\.\d s, 3 up to date$/);
  });

  it('an image: its deck', async () => {
    await copyFile(path.join(FIXTURES, 'images', 'tall.png'), path.join(content, 'images', 'chart.png'));
    const { run, written } = await rebuilt(...templates());
    expect(written).toEqual(['pictures']);
    expect(summary(run)).toMatch(/^1 deck built in \d+\.\d s, 2 up to date$/);
  });

  it("a template's stylesheet: the decks of that template", async () => {
    const css = path.join(work, 'mine', 'theme.css');
    await writeFile(css, `${await readFile(css, 'utf8')}\n.incremental-test { color: #123456; }\n`);
    const { written } = await rebuilt(...templates());
    expect(written).toEqual(['themed']);
    expect(await readFile(path.join(out, 'themed', 'assets', 'theme.css'), 'utf8')).toContain('#123456');
  });

  it('the config: the decks it changes', async () => {
    await writeFile(path.join(work, 'briefdeck.config.yaml'), 'template: dark\n');
    const { written } = await rebuilt(...templates());
    // themed names its template in front matter, which the config's default does not override.
    expect(written).toEqual(['pictures', 'plain']);
  });

  it('an option or a format: every deck, once', async () => {
    expect((await rebuilt(...templates(), '--script')).written).toEqual(['pictures', 'themed', 'plain']);
    expect(existsSync(path.join(out, 'plain', 'plain-script.md'))).toBe(true);
    expect((await rebuilt(...templates(), '--script')).written).toEqual([]);
    // The option back off: the decks are written again (and the script goes, by the stale-output rule).
    expect((await rebuilt(...templates())).written).toEqual(['pictures', 'themed', 'plain']);
    expect(existsSync(path.join(out, 'plain', 'plain-script.md'))).toBe(false);
  });

  it('the briefing text: its deck', async () => {
    await writeFile(path.join(content, 'plain.md'), briefing('Plain', '- One more.\n'));
    expect((await rebuilt(...templates())).written).toEqual(['plain']);
  });

  it('a shard build records the decks it found up to date', async () => {
    await build(...templates(), '--shard', '1/1');
    const again = await build(...templates(), '--shard', '1/1');
    expect(summary(again)).toMatch(/^0 decks built in \d+\.\d s, 3 up to date$/);
    const record = JSON.parse(await readFile(path.join(out, 'briefdeck-shard-1-of-1.json'), 'utf8')) as {
      decks: { slug: string }[];
    };
    expect(record.decks.map((deck) => deck.slug).sort()).toEqual(['pictures', 'plain', 'themed']);
  });
});

describe('incremental build --watch', () => {
  it('a template change rebuilds the decks of that template and says the others were up to date', async () => {
    const work = await tempDir('briefdeck-incremental-watch-');
    const content = path.join(work, 'content');
    await mkdir(content);
    await writeFile(path.join(content, 'plain.md'), briefing('Plain'));
    await writeFile(
      path.join(content, 'themed.md'),
      briefing('Themed').replace('date: 2026-01-15', 'date: 2026-01-15\ntemplate: mine'),
    );
    const ejected = await runCli(['template', 'eject', 'default', path.join(work, 'mine')], { cwd: work });
    expect(ejected.code, ejected.stderr).toBe(0);
    const run = startCli(['build', 'content', '--no-pdf', '--templates', 'mine', '--watch'], {}, work);
    try {
      await run.waitFor(/^watching content \(Ctrl-C to stop\)$/m);
      const css = path.join(work, 'mine', 'theme.css');
      await writeFile(css, `${await readFile(css, 'utf8')}\n.watched { color: #654321; }\n`);
      await run.waitFor(/^skipped plain \(up to date: nothing it is made from changed\)$/m);
      await run.waitFor(/^built {3}themed \(\d+ slides\) in \d+ ms$/m);
      expect(run.output()).not.toMatch(/^built {3}plain /m);
      expect(await readFile(path.join(work, 'output', 'themed', 'assets', 'theme.css'), 'utf8')).toContain('#654321');
    } finally {
      run.child.kill('SIGKILL');
      await rm(work, { recursive: true, force: true });
    }
  });
});
