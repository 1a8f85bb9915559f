// Issue 13: briefdeck installed from its packed tarball into a fresh project (`npm init -y`),
// with no Puppeteer variables, builds the sample to a PDF and a handout with the system
// Chromium, and `npx briefdeck serve` answers: everything the CLI reads at run time is in the
// package, and the install needs no install script and no browser download.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, pdfFonts, pdfText, ROOT, squash, tempDir } from '../helpers.js';
import { listFiles, npm, npmInstall, npxBriefdeck, packTarball, startServe, stop, userEnv } from '../package.js';

const run = promisify(execFile);

/** The script font packages briefdeck uses when present: optional peers, which npm does not install with it. */
const { peerDependencies, peerDependenciesMeta } = JSON.parse(
  await readFile(path.join(ROOT, 'package.json'), 'utf8'),
) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };

const ARABIC = 'أحبطت الأجهزة الأمنية المؤامرة';
const ARABIC_MD = `---
title: Arabic sources
date: 2026-01-15
---

## Summary

- ${ARABIC}

## Implications

- An implication.

## Recommendations

1. Do this.
`;

describe('the packed package in a fresh project', () => {
  let dir: string;
  let project: string;
  let tarball: string;

  beforeAll(async () => {
    dir = await tempDir('briefdeck-package-');
    tarball = await packTarball(dir);
    project = path.join(dir, 'project');
    await mkdir(project);
    await npm(project, ['init', '-y']);
    await npmInstall(project, [tarball]);
    await cp(path.join(ROOT, 'content'), path.join(project, 'content'), { recursive: true });
  }, 600_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("ships what the CLI reads at run time, and nothing of the repo's own tooling", async () => {
    const files = await listFiles(path.join(project, 'node_modules', 'briefdeck'));
    for (const needed of [
      'package.json',
      'dist/bin/main.js',
      'dist/bin/index.js', // the library's bundle (package.json#exports)
      'dist/index.js',
      'dist/index.d.ts',
      'runtime/deck.js',
      'runtime/live.js',
      'runtime/print-layout.js',
      'runtime/handout-layout.js',
      'templates/default/template.json',
    ]) {
      expect(files).toContain(needed);
    }
    // Of content/, only the example that `briefdeck init` copies.
    expect(files.filter((file) => /^(src|test|scripts|bench|content)\/|\.map$|^\.puppeteerrc/.test(file))).toEqual([
      'content/iskp-moscow-plot.md',
    ]);
    // No download at install time: puppeteer-core, not puppeteer (whose postinstall fetches Chrome).
    expect(existsSync(path.join(project, 'node_modules', 'puppeteer-core', 'package.json'))).toBe(true);
    expect(existsSync(path.join(project, 'node_modules', 'puppeteer'))).toBe(false);
  });

  it('builds the sample with `npx briefdeck build` to a PDF and a handout', async () => {
    const result = await npxBriefdeck(project, ['build', 'content', '--handout']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const deck = path.join(project, 'output', 'iskp-moscow-plot');
    const slides = squash(pdfText(path.join(deck, 'iskp-moscow-plot.pdf')));
    expect(slides).toContain('ISKP plot disrupted in Moscow');
    expect(slides).toContain('Security services stopped the attacker only at the last moment');
    const handout = squash(pdfText(path.join(deck, 'iskp-moscow-plot-handout.pdf')));
    expect(handout).toContain('Handout: 10 slides with speaker notes');
    const html = await readFile(path.join(deck, 'index.html'), 'utf8');
    expect(html).toContain('<section');
  }, 300_000); // a build in a fresh project; slow when the suite runs many at once

  it("is a typed library: the README example type-checks against the package's .d.ts and runs", async () => {
    const example = path.join(project, 'build.mjs');
    await cp(path.join(ROOT, 'examples', 'library', 'build.mjs'), example);
    // The checkout's TypeScript, checking the JavaScript example against node_modules/briefdeck/dist/*.d.ts.
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const typeRoots = path.join(ROOT, 'node_modules', '@types');
    const check = await run(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--allowJs',
        '--checkJs',
        '--strict',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        '--typeRoots',
        typeRoots,
        '--types',
        'node',
        'build.mjs',
      ],
      { cwd: project },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(check.stdout).toBe('');
    const ran = await run(process.execPath, ['build.mjs'], { cwd: project, env: userEnv() });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toContain('ISKP plot disrupted in Moscow: ');
    expect(ran.stdout).toMatch(/iskp-moscow-plot: 10 slides, 10 PDF pages → .*iskp-moscow-plot\.pdf/);
  }, 300_000); // a build in a fresh project; slow when the suite runs many at once

  it('needs no install script: no package of the install has one (npm records them in the lockfile)', async () => {
    const lock = JSON.parse(await readFile(path.join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
    expect(Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript)).toEqual([]);
  });

  it('installs no script font: an English-only install is the Latin fonts of the built-in templates', () => {
    const optional = Object.keys(peerDependencies);
    expect(optional).toContain('@fontsource/noto-sans-arabic');
    expect(optional).toContain('@fontsource/noto-sans-sc');
    for (const name of optional) {
      expect(peerDependenciesMeta[name]?.optional, name).toBe(true);
      expect(existsSync(path.join(project, 'node_modules', name)), name).toBe(false);
    }
    for (const name of ['@fontsource/source-sans-3', '@fontsource/source-serif-4'])
      expect(existsSync(path.join(project, 'node_modules', name, 'package.json')), name).toBe(true);
    // pdf-lib (24 MB installed) ships inside the bundle, as a devDependency.
    expect(existsSync(path.join(project, 'node_modules', 'pdf-lib'))).toBe(false);
  });

  it('serves the decks with `npx briefdeck serve`', async () => {
    const { url, child } = await startServe(project, ['content']);
    try {
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('iskp-moscow-plot');
      const deck = await fetch(new URL('iskp-moscow-plot/', url));
      expect(deck.status).toBe(200);
      expect(await deck.text()).toContain('<section');
    } finally {
      await stop(child);
    }
    // The server behind npx is stopped too.
    await expect(fetch(url)).rejects.toThrow('fetch failed');
  });

  // Last: it installs a font package into the project.
  it('names the font package an Arabic deck needs, and builds it once that package is installed', async () => {
    await mkdir(path.join(project, 'arabic'));
    await writeFile(path.join(project, 'arabic', 'sources.md'), ARABIC_MD);
    const missing = await npxBriefdeck(project, ['build', 'arabic/sources.md']);
    expectOneErrorLine(
      missing,
      'arabic/sources.md',
      8,
      /^slide 2 "Summary": "\S" \(U\+06[0-9A-F]{2}, Arabic\) needs the font package @fontsource\/noto-sans-arabic, which is not installed — install it where briefdeck is installed: npm install @fontsource\/noto-sans-arabic$/,
    );
    expect(existsSync(path.join(project, 'output', 'sources'))).toBe(false);

    await npmInstall(project, ['@fontsource/noto-sans-arabic']); // from npm's cache, as the test set-up left it
    const built = await npxBriefdeck(project, ['build', 'arabic/sources.md']);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const pdf = path.join(project, 'output', 'sources', 'sources.pdf');
    expect(pdfFonts(pdf)).toContain('NotoSansArabic');
    // pdftotext splits Arabic words where the glyph runs break; the letters and their order survive.
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(ARABIC.replace(/\s+/g, ''));
  }, 300_000);
});
