// "Nothing stale": a file that a build did not refresh is never presented as the deck's current output.
// Policy under test (src/output/write.ts writeDeck): a deck folder never holds a PDF older than its
// index.html. Rewriting a deck's HTML removes the PDFs printed from the old one; deck.json and the
// index page name only the outputs printed from the HTML now in the folder. With --strict, a deck
// that overflows is refused whole: the earlier good deck stays byte-identical.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/serve/index.js';
import { FIXTURES, pdfText, runCli, SAMPLE, startCli, tempDir } from '../helpers.js';

let root: string;
let n = 0;
beforeAll(async () => {
  root = await tempDir('briefdeck-stale-');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A fresh folder with the content file `src/<name>` and an output folder `out/`. */
async function workspace(name: string, text: string) {
  const dir = path.join(root, String(++n));
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const source = path.join(dir, 'src', name);
  await writeFile(source, text);
  return { dir, source, out: path.join(dir, 'out') };
}

/** The links of the output folder's index page. */
async function indexLinks(out: string): Promise<string[]> {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
}

const pdfsIn = async (dir: string) => (await readdir(dir)).filter((file) => file.endsWith('.pdf')).sort();
const deckJson = async (out: string, slug: string) =>
  JSON.parse(await readFile(path.join(out, slug, 'deck.json'), 'utf8')) as Record<string, unknown>;

/** Every file under `dir` (recursive) with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), await readFile(file));
    }
  }
  return files;
}

describe('a rebuilt deck never sits beside a PDF of its old HTML', () => {
  it('build --no-pdf after a full build (TLP:AMBER → TLP:RED): the old PDF and handout are removed, not linked', async () => {
    const minimal = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
    const { source, out } = await workspace('brief.md', minimal);
    const full = await runCli(['build', source, '--out', out, '--handout', '--json']);
    expect(full.code, full.stderr).toBe(0);
    expect(await pdfsIn(path.join(out, 'brief'))).toEqual(['brief-handout.pdf', 'brief.pdf']);
    expect(JSON.parse(full.stdout).decks[0].handout).toMatchObject({
      file: path.join(out, 'brief', 'brief-handout.pdf'),
      pages: expect.any(Number),
    });
    expect(await indexLinks(out)).toContain('brief/brief-handout.pdf');
    expect(pdfText(path.join(out, 'brief', 'brief.pdf'), 1)).toContain('TLP:AMBER');
    expect(await indexLinks(out)).toContain('brief/brief.pdf');
    expect(await deckJson(out, 'brief')).toMatchObject({ pdf: 'brief.pdf', handout: 'brief-handout.pdf' });

    await writeFile(source, minimal.replace('marking: TLP:AMBER', 'marking: TLP:RED'));
    const html = await runCli(['build', source, '--out', out, '--no-pdf', '--json']);
    expect(html.code, html.stderr).toBe(0);
    expect(await readFile(path.join(out, 'brief', 'index.html'), 'utf8')).toContain('TLP:RED');
    // No PDF of the TLP:AMBER deck is left to be taken for the TLP:RED one ...
    expect(await pdfsIn(path.join(out, 'brief'))).toEqual([]);
    // ... nor linked or recorded: the index page shows the new marking and links the deck only.
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('TLP:RED');
    expect(index).not.toContain('TLP:AMBER');
    expect(await indexLinks(out)).toEqual(['brief/index.html', 'brief/index.html']);
    const json = await deckJson(out, 'brief');
    expect(json).not.toHaveProperty('pdf');
    expect(json).not.toHaveProperty('handout');
    const report = JSON.parse(html.stdout);
    expect(report.decks).toHaveLength(1);
    expect(report.decks[0].pdf).toBeUndefined();
    expect(report.decks[0].handout).toBeUndefined();
  });

  it('a failed PDF (--browser /bin/false) after a full build: new title on the index page, and no old PDF behind a link', async () => {
    const sample = await readFile(SAMPLE, 'utf8');
    const { source, out } = await workspace('deck.md', sample);
    const full = await runCli(['build', source, '--out', out, '--notes-pages']);
    expect(full.code, full.stderr).toBe(0);
    expect(await pdfsIn(path.join(out, 'deck'))).toEqual(['deck.pdf']);

    await writeFile(source, sample.replace(/^title: .*$/m, 'title: A new title'));
    const failed = await runCli(['build', source, '--out', out, '--browser', '/bin/false', '--json']);
    expect(failed.code).toBe(3);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('A new title');
    expect(await indexLinks(out)).not.toContain('deck/deck.pdf');
    expect(await pdfsIn(path.join(out, 'deck'))).toEqual([]);
    const report = JSON.parse(failed.stdout);
    expect(report.ok).toBe(false);
    expect(report.decks[0].pdf).toBeUndefined();
  });

  it('a PDF that fails again in its retry: the PDF of the earlier build is not left behind', async () => {
    const sample = await readFile(SAMPLE, 'utf8');
    const { dir, source, out } = await workspace('a-stuck.md', sample);
    const full = await runCli(['build', source, '--out', out]);
    expect(full.code, full.stderr).toBe(0);
    expect(await pdfsIn(path.join(out, 'a-stuck'))).toEqual(['a-stuck.pdf']);
    // The same stalling template as build.test.ts: reveal.js never starts, so the print view is never ready.
    const templates = path.join(dir, 'templates', 'stalls');
    await mkdir(templates, { recursive: true });
    await writeFile(path.join(templates, 'template.json'), JSON.stringify({ name: 'stalls', extends: 'default' }));
    const layout = (await readFile(path.join('templates', 'default', 'layout.hbs'), 'utf8')).replace(
      '<script src="{{assets.deckJs}}"></script>',
      '',
    );
    await writeFile(path.join(templates, 'layout.hbs'), layout);
    await writeFile(source, sample.replace(/^title: .*$/m, 'title: Stalled rewrite'));
    const stuck = await runCli([
      'build',
      source,
      '--out',
      out,
      '--templates',
      templates,
      '--template',
      'stalls',
      '--print-layout',
      'reveal',
      '--timeout',
      '2',
    ]);
    expect(stuck.code).toBe(3);
    expect(stuck.stderr).toMatch(/\(tried twice\)/);
    expect(await readFile(path.join(out, 'a-stuck', 'index.html'), 'utf8')).toContain('Stalled rewrite');
    expect(await pdfsIn(path.join(out, 'a-stuck'))).toEqual([]);
    expect(await indexLinks(out)).not.toContain('a-stuck/a-stuck.pdf');
  });

  it('a briefing whose slug changed: the folder of its old slug is removed and no longer listed', async () => {
    const minimal = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
    const { source, out } = await workspace('brief.md', minimal.replace('marking:', 'slug: old-name\nmarking:'));
    const other = path.join(path.dirname(source), 'other.md');
    await writeFile(other, minimal.replace('Minimal briefing', 'Another briefing'));
    const first = await runCli(['build', source, other, '--out', out, '--no-pdf']);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(path.join(out, 'old-name', 'index.html'))).toBe(true);

    await writeFile(source, minimal.replace('marking:', 'slug: new-name\nmarking:'));
    const renamed = await runCli(['build', source, '--out', out, '--no-pdf']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(existsSync(path.join(out, 'new-name', 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'old-name'))).toBe(false);
    // The other briefing's deck, not built this time, is still there and listed.
    expect((await indexLinks(out)).filter((link) => link.endsWith('index.html')).sort()).toEqual([
      'new-name/index.html',
      'new-name/index.html',
      'other/index.html',
      'other/index.html',
    ]);
  });
});

describe('content taken out of a briefing does not stay in its deck folder', () => {
  it('an image removed or replaced: the old copy is removed from assets/media', async () => {
    const minimal = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
    const withImage = minimal.replace('- First point.', '- First point.\n\n![A chart](chart.png)');
    const { source, out } = await workspace('brief.md', withImage);
    const media = path.join(out, 'brief', 'assets', 'media');
    await copyFile(path.join(FIXTURES, 'images', 'chart.png'), path.join(path.dirname(source), 'chart.png'));
    expect((await runCli(['build', source, '--out', out, '--no-pdf'])).code).toBe(0);
    const [first] = await readdir(media);
    expect(first).toMatch(/-chart\.png$/);

    await copyFile(path.join(FIXTURES, 'images', 'tall.png'), path.join(path.dirname(source), 'chart.png'));
    expect((await runCli(['build', source, '--out', out, '--no-pdf'])).code).toBe(0);
    const replaced = await readdir(media);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).not.toBe(first);
    expect(await readFile(path.join(out, 'brief', 'index.html'), 'utf8')).toContain(`assets/media/${replaced[0]}`);

    await writeFile(source, minimal);
    const run = await runCli(['build', source, '--out', out, '--no-pdf']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(media) ? await readdir(media) : []).toEqual([]);
    // The rest of the deck is whole.
    expect(existsSync(path.join(out, 'brief', 'assets', 'reveal', 'reveal.js'))).toBe(true);
  });
});

describe('a build interrupted while printing', () => {
  it('leaves an index page that shows the new markings, and links no PDF of the old decks', async () => {
    const minimal = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
    const { source, out } = await workspace('deck-1.md', minimal);
    const files = [source];
    for (let i = 2; i <= 4; i++) {
      files.push(path.join(path.dirname(source), `deck-${i}.md`));
      await writeFile(files.at(-1)!, minimal);
    }
    const full = await runCli(['build', ...files, '--out', out]);
    expect(full.code, full.stderr).toBe(0);
    expect((await indexLinks(out)).filter((link) => link.endsWith('.pdf'))).toHaveLength(4);

    for (const file of files) await writeFile(file, minimal.replace('marking: TLP:AMBER', 'marking: TLP:RED'));
    const run = startCli(['build', ...files, '--out', out, '--concurrency', '1'], {});
    await run.waitFor(/^\[1\/4\]/m);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index.match(/TLP:RED/g)).toHaveLength(4);
    expect(index).not.toContain('TLP:AMBER');
    // A PDF it links is one this build printed (of a TLP:RED deck); the TLP:AMBER ones are gone.
    for (const link of (await indexLinks(out)).filter((href) => href.endsWith('.pdf')))
      expect(pdfText(path.join(out, link), 1)).toContain('TLP:RED');
    for (let i = 1; i <= 4; i++)
      for (const pdf of await pdfsIn(path.join(out, `deck-${i}`)))
        expect(pdfText(path.join(out, `deck-${i}`, pdf), 1)).toContain('TLP:RED');
  });
});

describe('serve: an edit removes the PDF of the old HTML; a changed slug removes the old folder', () => {
  it('prints the PDF of the current HTML on request, never the one before the edit', async () => {
    const minimal = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
    const { dir, source, out } = await workspace('brief.md', minimal);
    let rebuilt: (() => void) | undefined;
    const server = await serve({
      paths: [path.dirname(source)],
      port: 0,
      outDir: out,
      cwd: dir,
      log: (line) => {
        if (line.startsWith('built ')) rebuilt?.();
      },
    });
    /** Saves the file and waits for serve's rebuild of it (its `built` line). */
    const save = async (text: string) => {
      const built = new Promise<void>((resolve) => (rebuilt = resolve));
      await writeFile(source, text);
      await built;
    };
    const pdf = async (url: string) => {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      const file = path.join(dir, 'fetched.pdf');
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      return pdfText(file, 1);
    };
    try {
      expect(await pdf(`${server.url}brief/brief.pdf`)).toContain('TLP:AMBER');
      expect(await pdfsIn(path.join(out, 'brief'))).toEqual(['brief.pdf']);

      await save(minimal.replace('marking: TLP:AMBER', 'marking: TLP:RED'));
      // The PDF of the TLP:AMBER deck is gone from the folder at once, not only when next asked for.
      expect(await readFile(path.join(out, 'brief', 'index.html'), 'utf8')).toContain('TLP:RED');
      expect(await pdfsIn(path.join(out, 'brief'))).toEqual([]);
      const text = await pdf(`${server.url}brief/brief.pdf`);
      expect(text).toContain('TLP:RED');
      expect(text).not.toContain('TLP:AMBER');

      await save(minimal.replace('marking:', 'slug: renamed\nmarking:'));
      expect(existsSync(path.join(out, 'renamed', 'index.html'))).toBe(true);
      expect(existsSync(path.join(out, 'brief'))).toBe(false);
      expect((await indexLinks(out)).filter((link) => link.endsWith('index.html'))).toEqual([
        'renamed/index.html',
        'renamed/index.html',
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('--strict: an overflowing deck is refused whole', () => {
  it('writes nothing of it (HTML, assets, deck.json, PDF, handout): the earlier good deck stays byte-identical', async () => {
    const overflowing = await readFile(path.join(FIXTURES, 'overflow.md'), 'utf8');
    const good = overflowing.replace(
      /## Summary[\s\S]*?## Implications/,
      '## Summary\n\nA short bottom line.\n\n- One point.\n\n## Implications',
    );
    const { source, out } = await workspace('overflow.md', good);
    const first = await runCli(['build', source, '--out', out, '--strict', '--handout']);
    expect(first.code, first.stderr).toBe(0);
    expect(await pdfsIn(path.join(out, 'overflow'))).toEqual(['overflow-handout.pdf', 'overflow.pdf']);
    const before = await snapshot(path.join(out, 'overflow'));

    await writeFile(source, overflowing);
    const strict = await runCli(['build', source, '--out', out, '--strict', '--handout', '--json']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/overflow\.md: slide 2 "Summary": content overflows by \d+px — shorten it/);
    const after = await snapshot(path.join(out, 'overflow'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
    // No staging folder or temporary file left, and the refused deck is not reported as built.
    expect((await readdir(out, { recursive: true })).filter((file) => String(file).endsWith('.tmp'))).toEqual([]);
    const report = JSON.parse(strict.stdout);
    expect(report.decks).toEqual([]);
    expect(await indexLinks(out)).toContain('overflow/overflow.pdf');
  });

  it('a new deck that overflows gets no folder at all; a good one in the same build is written in full', async () => {
    const overflowing = await readFile(path.join(FIXTURES, 'overflow.md'), 'utf8');
    const { source, out } = await workspace('overflow.md', overflowing);
    const fine = path.join(path.dirname(source), 'fine.md');
    await writeFile(fine, await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8'));
    const run = await runCli(['build', source, fine, '--out', out, '--strict']);
    expect(run.code).toBe(1);
    expect(existsSync(path.join(out, 'overflow'))).toBe(false);
    expect(run.stdout).not.toMatch(/overflow\/index\.html/);
    expect(await pdfsIn(path.join(out, 'fine'))).toEqual(['fine.pdf']);
    expect(run.stdout).toMatch(new RegExp(`^\\[1/2\\] ${path.join(out, 'fine', 'fine.pdf')} `, 'm'));
    expect(await indexLinks(out)).toEqual(['fine/index.html', 'fine/index.html', 'fine/fine.pdf']);
    expect((await readdir(out)).filter((file) => file.startsWith('.'))).toEqual([]);
  });
});
