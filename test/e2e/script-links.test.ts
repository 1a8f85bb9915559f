import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/html-text.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { runCli, SAMPLE, tempDir } from '../helpers.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each slide's speaker notes in a built deck's HTML, as plain text ('' for none), in order. */
function deckNotes(html: string): string[] {
  const slides = html.split(/<section\b/).slice(1);
  return slides.map((slide) => {
    const notes = /<aside class="notes">([\s\S]*?)<\/aside>/.exec(slide);
    return notes ? squash(plainText(notes[1]!)) : '';
  });
}

describe('briefdeck build --script', () => {
  it("writes <slug>-script.md with every slide's notes under its number, reports it, links it, and no browser is needed", async () => {
    const out = await tempDir();
    const run = await runCli(['build', SAMPLE, '--script', '--no-pdf', '-o', out, '--json'], {
      env: { BRIEFDECK_BROWSER: path.join(out, 'no-such-browser') },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = path.join(out, 'iskp-moscow-plot');
    const file = path.join(dir, 'iskp-moscow-plot-script.md');
    const script = await readFile(file, 'utf8');
    const report = JSON.parse(run.stdout);
    expect(report.decks[0].script).toEqual({ file, slides: 10, withNotes: 9, bytes: Buffer.byteLength(script) });

    const notes = deckNotes(await readFile(path.join(dir, 'index.html'), 'utf8'));
    expect(notes).toHaveLength(10);
    expect(notes.filter(Boolean)).toHaveLength(9);
    const sections = script.split(/^## /m).slice(1);
    expect(sections).toHaveLength(10);
    for (const [i, note] of notes.entries()) {
      const section = sections[i]!;
      expect(section).toMatch(new RegExp(`^Slide ${i + 1} of 10: `));
      const spoken = squash(section.slice(section.indexOf('**Speaker notes**')));
      if (note) expect(spoken.replace(/\\(?=[^\w\s])/g, ''), `slide ${i + 1}`).toContain(note);
      else expect(spoken).toContain('*No speaker notes for this slide.*');
    }
    expect(script.startsWith('**TLP:CLEAR**\n')).toBe(true);
    expect(script.endsWith('**TLP:CLEAR**\n')).toBe(true);

    expect(JSON.parse(await readFile(path.join(dir, 'deck.json'), 'utf8')).script).toBe('iskp-moscow-plot-script.md');
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="iskp-moscow-plot/iskp-moscow-plot-script.md">Speaker script</a>');

    // The same build again, its progress lines: --force, since the deck is up to date (an incremental build writes nothing).
    const live = await runCli(['build', SAMPLE, '--script', '--no-pdf', '-o', out, '--force']);
    expect(live.stdout).toMatch(/^script {2}\S+iskp-moscow-plot-script\.md \(10 slides, 9 with notes, [\d.]+ KB\)/m);
  });

  it('removes the script when the deck is rebuilt without --script: no stale script passes for the new deck', async () => {
    const out = await tempDir();
    expect((await runCli(['build', SAMPLE, '--script', '--no-pdf', '-o', out])).code).toBe(0);
    const file = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot-script.md');
    expect(existsSync(file)).toBe(true);
    expect((await runCli(['build', SAMPLE, '--no-pdf', '-o', out])).code).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('-script.md');
    expect(JSON.parse(await readFile(path.join(out, 'iskp-moscow-plot', 'deck.json'), 'utf8')).script).toBeUndefined();
  });

  it('with --strict (decks staged until printed), leaves the script in the deck folder, not the staging one', async () => {
    const out = await tempDir();
    const run = await runCli(['build', SAMPLE, '--script', '--strict', '-o', out]);
    expect(run.code).toBe(0);
    const file = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot-script.md');
    expect(run.stdout).toContain(`script  ${file} (10 slides,`);
    expect(run.stdout).not.toMatch(/\.tmp/);
    expect(existsSync(file)).toBe(true);
  });
});

describe('links inside a deck: [see the sources](#sources)', () => {
  let out: string;
  let browser: Browser;
  let page: Page;
  const html = () => path.join(out, 'linked', 'index.html');

  beforeAll(async () => {
    const dir = await tempDir();
    out = path.join(dir, 'output');
    // The sample, with a link to the sources slide in a summary bullet and one to the recommendations in a note.
    const sample = await readFile(SAMPLE, 'utf8');
    // Two sections of its own after the sources: one headed in English, one in Arabic (ids keep any letter).
    const linked = `${sample}\n## Annex: Glossary\n\nTerms.\n\n## ملحق\n\nنص.\n`
      .replace(
        'conditional engagement with Kabul.',
        'conditional engagement with Kabul ([see the sources](#sources), [glossary](#annex-glossary), [ملحق](#ملحق)).',
      )
      .replace('as cited by the source author.', 'as cited by the source author. [Back to the start](#top).')
      .replace(
        'Everything after this slide',
        'The plan is on [the recommendations](#recommendations). Everything after this slide',
      );
    expect(linked).not.toBe(sample);
    await writeFile(path.join(dir, 'linked.md'), linked);
    // A second deck printed after it in the same tab (-j 1): the printer reuses the tab for it, replacing the page's body.
    await writeFile(path.join(dir, 'linked-again.md'), linked);
    const run = await runCli([
      'build',
      path.join(dir, 'linked.md'),
      path.join(dir, 'linked-again.md'),
      '-j',
      '1',
      '-o',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const current = () =>
    page.evaluate(() => {
      const reveal = (window as any).Reveal;
      // The slide's id is on the anchor inside it (templates/README.md).
      const anchor = reveal.getCurrentSlide().querySelector('.slide__anchor');
      return { h: reveal.getIndices().h as number, id: (anchor?.id ?? '') as string };
    });

  it('clicking it in the live deck goes to the sources slide', async () => {
    await page.goto(`${pathToFileURL(html()).href}#/summary`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as any).Reveal?.isReady());
    expect(await current()).toEqual({ h: 1, id: 'summary' });
    await page.click('section:has(#summary) a[href="#sources"]');
    await page.waitForFunction(() => Boolean((window as any).Reveal.getCurrentSlide().querySelector('#sources')));
    const sources = await page.evaluate(() =>
      [...document.querySelectorAll('.slides > section')].findIndex((s) => s.querySelector('#sources')),
    );
    expect(sources).toBe(9);
    expect(await current()).toEqual({ h: sources, id: 'sources' });
    await page.click('section:has(#sources) a[href="#top"]'); // the title slide is #top, as HTML names the top of a page
    await page.waitForFunction(() => (window as any).Reveal.getIndices().h === 0);
    expect(await current()).toEqual({ h: 0, id: 'top' });
    // A section of its own, by its heading's slug, in any script.
    for (const [href, h] of [
      ['#annex-glossary', 10],
      ['#%D9%85%D9%84%D8%AD%D9%82', 11], // marked writes the Arabic href percent-encoded
    ] as const) {
      await page.evaluate(() => (window as any).Reveal.slide(1));
      await page.click(`section:has(#summary) a[href="${href}"]`);
      await page.waitForFunction((want) => (window as any).Reveal.getIndices().h === want, {}, h);
      expect((await current()).id).toBe(decodeURIComponent(href.slice(1)));
    }
  });

  it("reveal.js's #/<id> form goes to that section's first slide, also from a URL", async () => {
    await page.goto(`${pathToFileURL(html()).href}#/recommendations`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as any).Reveal?.isReady());
    expect(await current()).toEqual({ h: 6, id: 'recommendations' });
    expect(await page.evaluate(() => (window as any).Reveal.getCurrentSlide().dataset.label)).toBe(
      'Recommendations (1/2)',
    );
  });

  it.each(['linked', 'linked-again'])(
    'is an internal link in the PDF, to the page of the sources slide (%s)',
    async (slug) => {
      const pdf = await PDFDocument.load(await readFile(path.join(out, slug, `${slug}.pdf`)));
      const pages = pdf.getPages();
      const dests = pdf.catalog.lookup(PDFName.of('Dests'), PDFDict);
      const links: { from: number; to: number }[] = [];
      for (const [from, pdfPage] of pages.entries()) {
        const annots = pdfPage.node.Annots();
        for (let i = 0; i < (annots?.size() ?? 0); i++) {
          const annot = annots!.lookup(i, PDFDict);
          if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
          // Chromium writes a named destination, resolved in the catalog's /Dests.
          const dest = annot.get(PDFName.of('Dest'));
          expect(dest, 'an internal link, not a URI action').toBeInstanceOf(PDFName);
          const target = dests.lookup(dest as PDFName, PDFArray);
          const to = pages.findIndex((p) => p.ref === (target.get(0) as PDFRef));
          links.push({ from, to });
        }
      }
      // The summary's page 2 → the pages of the sources (10), the glossary (11) and the Arabic annex (12);
      // the sources' page 10 → the title page.
      expect(links).toEqual([
        { from: 1, to: 9 },
        { from: 1, to: 10 },
        { from: 1, to: 11 },
        { from: 9, to: 0 },
      ]);
    },
  );

  it('a link to an id no slide has is one warning line at its line, with a "did you mean"; the deck is still built', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'typo.md');
    const sample = await readFile(SAMPLE, 'utf8');
    await writeFile(file, sample.replace('with Kabul.', 'with Kabul ([see the sources](#sourcse)).'));
    const line = sample.split('\n').findIndex((text) => text.includes('with Kabul.')) + 1;
    const run = await runCli(['build', file, '--no-pdf', '-o', path.join(dir, 'out')]);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${file}:${line}: warning: link "#sourcse" goes to no slide of this deck: no slide has the id "sourcse" — did you mean "#sources"? ` +
        `the slides' ids: #top, #summary, #implications, #recommendations, #quote, #sources (see "Links inside a deck" in the README)`,
    ]);
  });
});
