import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { plainText } from '../../src/html-text.js';
import { planSlides } from '../../src/deck/plan.js';
import {
  pdfInfo,
  pdfText,
  ROOT,
  runCli,
  descendants,
  exitsWithin,
  SAMPLE,
  squash,
  startCli,
  tempDir,
  type CliResult,
} from '../helpers.js';

const SLUG = 'iskp-moscow-plot';

describe('briefdeck build (sample, real Chromium)', () => {
  let out: string;
  let run: CliResult;

  beforeAll(async () => {
    out = await tempDir();
    run = await runCli(['build', SAMPLE, '--out', out]);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('exits 0 and reports the deck and its PDF', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`built +.*${SLUG}/index\\.html \\(10 slides\\)`));
    expect(run.stdout).toMatch(new RegExp(`^\\[1/1\\] .*${SLUG}\\.pdf \\(10 pages, \\d+ KB\\) \\d+\\.\\d s$`, 'm'));
    expect(run.stdout).toMatch(/^1 deck, 10 PDF pages, built in \d+\.\d s$/m);
  });

  it('prints one PDF page per slide, 16:9', async () => {
    const { briefing } = parseBriefing(await readFile(SAMPLE, 'utf8'), SAMPLE);
    const slides = planSlides(briefing, { maxItemsPerSlide: 5 });
    const info = pdfInfo(path.join(out, SLUG, `${SLUG}.pdf`));
    expect(Number(info.Pages)).toBe(slides.length);
    const [w, h] = /^([\d.]+) x ([\d.]+) pts/.exec(info['Page size']!)!.slice(1).map(Number);
    expect(w! / h!).toBeCloseTo(16 / 9, 2);
  });

  it('has every recommendation as searchable text', async () => {
    const { briefing } = parseBriefing(await readFile(SAMPLE, 'utf8'), SAMPLE);
    const recommendations = briefing.sections.find((s) => s.kind === 'recommendations')!.items;
    expect(recommendations).toHaveLength(10);
    const text = squash(pdfText(path.join(out, SLUG, `${SLUG}.pdf`)));
    for (const item of recommendations) expect(text).toContain(squash(plainText(item.html)));
  });

  it('puts the marking on every page and the slide number n / total', () => {
    const pdf = path.join(out, SLUG, `${SLUG}.pdf`);
    for (let page = 1; page <= 10; page++) {
      const text = pdfText(pdf, page);
      expect(text.match(/TLP:CLEAR/g)?.length, `page ${page}`).toBe(2);
      if (page > 1) expect(text).toContain(`${page} / 10`);
    }
  });

  it('sets the title, author and subject in the PDF metadata', () => {
    const info = pdfInfo(path.join(out, SLUG, `${SLUG}.pdf`));
    expect(info.Title).toBe('ISKP plot disrupted in Moscow');
    expect(info.Author).toBe('briefdeck sample');
    expect(info.Subject).toMatch(/^What a foiled attack says/);
    expect(info.Creator).toBe('briefdeck');
    expect(info.Tagged).toBe('yes');
  });

  it('embeds the bundled fonts', async () => {
    const { spawnSync } = await import('node:child_process');
    const fonts = spawnSync('pdffonts', [path.join(out, SLUG, `${SLUG}.pdf`)], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/SourceSans3/);
    expect(fonts).toMatch(/SourceSerif4/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/ yes yes /); // embedded, subset
  });

  it('writes output/index.html linking every deck and its PDF, all of which exist', async () => {
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(expect.arrayContaining([`${SLUG}/index.html`, `${SLUG}/${SLUG}.pdf`]));
    for (const link of links) expect(existsSync(path.join(out, decodeURIComponent(link))), link).toBe(true);
    expect(run.stdout).toContain(`index   ${path.join(out, 'index.html')}`);
  });

  it('writes a self-contained deck folder: reveal.js, notes plugin, theme, fonts', async () => {
    const deck = path.join(out, SLUG);
    for (const file of [
      'index.html',
      'assets/reveal/reveal.js',
      'assets/reveal/reveal.css',
      'assets/reveal/plugin/notes.js',
      'assets/deck.js',
      'assets/theme.css',
      'assets/fonts/fonts.css',
    ]) {
      expect(existsSync(path.join(deck, file)), file).toBe(true);
    }
    const html = await readFile(path.join(deck, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const fontsCss = await readFile(path.join(deck, 'assets/fonts/fonts.css'), 'utf8');
    for (const url of fontsCss.matchAll(/url\(([^)]+)\)/g))
      expect(existsSync(path.join(deck, 'assets/fonts', url[1]!))).toBe(true);
  });
});

describe('briefdeck build: errors', () => {
  let out: string;
  let content: string;

  beforeAll(async () => {
    out = await tempDir();
    content = await tempDir('briefdeck-content-');
    await cp(SAMPLE, path.join(content, 'deck.md'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
    await rm(content, { recursive: true, force: true });
  });

  it('reports bad content in one line with file:line and a hint, exits 1, and leaves the earlier deck intact', async () => {
    const file = path.join(content, 'deck.md');
    const good = await runCli(['build', file, '--out', out, '--no-pdf']);
    expect(good.code).toBe(0);
    const index = path.join(out, 'deck', 'index.html');
    const before = await readFile(index, 'utf8');
    const beforeTime = (await stat(index)).mtimeMs;

    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('date: 2026-11-29', 'date: last week'));
    const bad = await runCli(['build', file, '--out', out, '--no-pdf']);
    expect(bad.code).toBe(1);
    const errorLines = bad.stderr.trim().split('\n');
    expect(errorLines).toEqual([
      `${file}:4: front matter: "date" must be a date written YYYY-MM-DD, e.g. 2026-11-29 — write the date as YYYY-MM-DD`,
    ]);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    expect(await readFile(index, 'utf8')).toBe(before);
    expect((await stat(index)).mtimeMs).toBe(beforeTime);
    await writeFile(file, text);
  });

  it('shows the stack trace with --debug', async () => {
    const file = path.join(content, 'deck.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('## Recommendations', '## Ideas'));
    const bad = await runCli(['build', file, '--out', out, '--no-pdf', '--debug']);
    await writeFile(file, text);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('missing the required section "## Recommendations"');
    expect(bad.stderr).toMatch(/ContentError.*\n\s+at /);
  });

  it('still builds the HTML when no browser exists, and says how to get one', async () => {
    const file = path.join(content, 'deck.md');
    const noBrowserOut = await tempDir();
    const run = await runCli(['build', file, '--out', noBrowserOut], {
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' },
    });
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toBe(
      'the browser set by PUPPETEER_EXECUTABLE_PATH does not exist: /nonexistent/chrome — fix the path, or unset it to let briefdeck find one',
    );
    expect(existsSync(path.join(noBrowserOut, 'deck', 'index.html'))).toBe(true);
    expect(existsSync(path.join(noBrowserOut, 'deck', 'deck.pdf'))).toBe(false);
    await rm(noBrowserOut, { recursive: true, force: true });
  });

  it('rejects an unknown command or option with usage help and exit 2', async () => {
    const run = await runCli(['biuld']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'biuld'/);
  });
});

describe('briefdeck build: Ctrl-C and kill', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s stops at once, ends its browser and every child process, and leaves no temporary files behind',
    async (signal, exitCode) => {
      const content = await tempDir('briefdeck-content-');
      const out = await tempDir();
      const text = await readFile(SAMPLE, 'utf8');
      for (let i = 1; i <= 6; i++)
        await writeFile(path.join(content, `deck-${i}.md`), text.replace(/^title: .*$/m, `title: Deck ${i}`));
      const run = startCli(['build', content, '--out', out], {});
      // Interrupt while PDFs are being printed, with the browser running.
      await run.waitFor(/^\[1\/6\]/m);
      const { child } = run;
      const tree = descendants(child.pid!);
      expect(tree.length).toBeGreaterThan(2); // the browser and its own children
      child.kill(signal);
      expect(await run.exit).toBe(exitCode);
      // SIGKILLed children can take a moment to be reaped: poll, bounded.
      for (const pid of tree) expect(await exitsWithin(Number(pid), 5000), `process ${pid} still running`).toBe(true);
      const files = await readdir(out, { recursive: true });
      expect(files.filter((file) => String(file).endsWith('.tmp'))).toEqual([]);
      await rm(content, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    },
  );
});

describe('briefdeck build: a deck that hangs while printing', () => {
  it('is retried once in a fresh tab, then named in one error line; the other decks still get their PDFs', async () => {
    const content = await tempDir('briefdeck-content-');
    const out = await tempDir();
    const templates = path.join(content, 'templates', 'stalls');
    await mkdir(templates, { recursive: true });
    await writeFile(path.join(templates, 'template.json'), JSON.stringify({ name: 'stalls', extends: 'default' }));
    // The deck "a-stuck" (printed first) never starts reveal.js, so reveal's print view never says it is ready.
    const layout = (await readFile(path.join('templates', 'default', 'layout.hbs'), 'utf8')).replace(
      '<script src="{{assets.deckJs}}"></script>',
      '{{#unless (eq slug "a-stuck")}}<script src="{{assets.deckJs}}"></script>{{/unless}}',
    );
    expect(layout).toContain('{{#unless (eq slug "a-stuck")}}');
    await writeFile(path.join(templates, 'layout.hbs'), layout);
    const text = await readFile(SAMPLE, 'utf8');
    await writeFile(path.join(content, 'fine.md'), text);
    await writeFile(path.join(content, 'a-stuck.md'), text);
    const run = await runCli([
      'build',
      path.join(content, 'fine.md'),
      path.join(content, 'a-stuck.md'),
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
      '--concurrency',
      '1',
    ]);
    expect(run.code).toBe(3);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${path.join(content, 'a-stuck.md')}: printing .*a-stuck/index\\.html failed: .* \\(tried twice\\) — `,
      ),
    );
    expect(existsSync(path.join(out, 'fine', 'fine.pdf'))).toBe(true);
    expect(existsSync(path.join(out, 'a-stuck', 'a-stuck.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'a-stuck', 'index.html'))).toBe(true);
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });
});

describe('briefdeck build: shared and unwritable output folders', () => {
  it('two builds into the same folder at once leave every file complete and valid', async () => {
    const out = await tempDir();
    const [a, b] = await Promise.all([
      runCli(['build', SAMPLE, '--out', out]),
      runCli(['build', SAMPLE, '--out', out]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const pdf = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot.pdf');
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
    expect(Number(pdfInfo(pdf).Pages)).toBe(10);
    const html = await readFile(path.join(out, 'iskp-moscow-plot', 'index.html'), 'utf8');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const files = await readdir(out, { recursive: true });
    expect(files.filter((file) => String(file).endsWith('.tmp'))).toEqual([]);
    await rm(out, { recursive: true, force: true });
  });

  // A full disk, for real: a 64 KB tmpfs (needs root and mount rights; skipped, and said so, where there are none).
  const tiny = path.join(os.tmpdir(), `briefdeck-full-${process.pid}`);
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    mkdirSync(tiny, { recursive: true });
    return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tiny]).status === 0;
  })();
  afterAll(() => {
    if (canMount) spawnSync('umount', [tiny]);
    rmSync(tiny, { recursive: true, force: true });
  });

  it.skipIf(!canMount)(
    'a full disk is one clear error naming the file, exit 4, and no temporary file left',
    async () => {
      const run = await runCli(['build', SAMPLE, '--out', path.join(tiny, 'out'), '--no-pdf']);
      expect(run.code).toBe(4);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^cannot write ${tiny}/out/iskp-moscow-plot/\\S+ \\(ENOSPC\\) — the disk is full: free some space or choose another folder with --out$`,
        ),
      );
      const files = await readdir(tiny, { recursive: true });
      expect(files.filter((file) => String(file).endsWith('.tmp'))).toEqual([]);
    },
  );

  it('an output folder that cannot be written is one clear error naming the path', async () => {
    // A file where the folder should be (permissions cannot be tested here: the tests run as root).
    const blocker = path.join(await tempDir(), 'not-a-folder');
    await writeFile(blocker, 'a file');
    const run = await runCli(['build', SAMPLE, '--out', blocker, '--no-pdf']);
    expect(run.code).toBe(4);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^cannot write ${blocker}/iskp-moscow-plot/.* \\((ENOTDIR|EEXIST)\\) — `));
  });
});

describe('briefdeck build: a template that reaches for the network', () => {
  it('prints offline and reports each remote URL it blocked once, as a warning', async () => {
    const work = await tempDir();
    const partials = path.join(work, 'templates', 'leaky', 'partials');
    await mkdir(partials, { recursive: true });
    await writeFile(path.join(work, 'templates', 'leaky', 'template.json'), '{ "extends": "default" }');
    // On every slide: a tracking pixel the deck's policy stops in the page, and a remote stylesheet.
    const footer = await readFile(path.join(ROOT, 'templates', 'default', 'partials', 'footer.hbs'), 'utf8');
    await writeFile(
      path.join(partials, 'footer.hbs'),
      `<img src="https://tracker.example.com/pixel.png" alt=""><link rel="stylesheet" href="https://cdn.example.com/x.css">\n${footer}`,
    );
    const run = await runCli([
      'build',
      SAMPLE,
      '--out',
      path.join(work, 'out'),
      '--templates',
      path.join(work, 'templates'),
      '--template',
      'leaky',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const warnings = run.stderr
      .trim()
      .split('\n')
      .filter((line) => line.includes('blocked a network request'));
    expect(warnings.sort()).toEqual([
      `${SAMPLE}: warning: blocked a network request while printing: https://cdn.example.com/x.css`,
      `${SAMPLE}: warning: blocked a network request while printing: https://tracker.example.com/pixel.png`,
    ]);
    await rm(work, { recursive: true, force: true });
  });
});
