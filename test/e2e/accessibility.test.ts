// Every example briefing under examples/, in every built-in template, audited with axe-core in
// Chromium: each slide as the audience sees it (the current slide, after reveal has shown it), the
// deck's own furniture around the slides (controls, progress bar, document language and title), and
// the index page of the build. WCAG 2.0 and 2.1 levels A and AA, colour contrast included. The
// examples and templates are found when the test runs, so a new example or template is covered.
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findContentFiles } from '../../src/content/discover.js';
import { readSlug } from '../../src/content/parse.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { type ContrastFailure, measureContrast } from '../contrast-in-page.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

const EXAMPLES = path.join(ROOT, 'examples');
const TEMPLATES = path.join(ROOT, 'templates');
const AXE = createRequire(import.meta.url).resolve('axe-core');
/** The slides' own shape (16:9), and a wider screen, where reveal leaves a band beside the slide. */
const SCREEN = { width: 1280, height: 720 };
const WIDE_SCREEN = { width: 1680, height: 720 };

/** What the audit asks of each page: WCAG 2.0 and 2.1, A and AA (color-contrast is wcag2aa). */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations', 'incomplete'],
};

/** A briefing is a content file that starts with its YAML front matter (examples/ also holds notes and templates). */
async function exampleBriefings(): Promise<string[]> {
  const files = await findContentFiles([EXAMPLES]);
  const briefings: string[] = [];
  for (const file of files)
    if ((await readFile(file, 'utf8')).replace(/^\uFEFF/, '').startsWith('---')) briefings.push(file);
  return briefings;
}

/** The built-in templates: every folder of templates/ with a template.json. */
async function builtInTemplates(): Promise<string[]> {
  const entries = await readdir(TEMPLATES, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries)
    if (entry.isDirectory() && (await readdir(path.join(TEMPLATES, entry.name))).includes('template.json'))
      names.push(entry.name);
  return names.sort();
}

/**
 * The examples in as few builds as their slugs allow: one build refuses two files of one slug
 * (examples in different folders may both be `briefing.md`), so the n-th file of each slug goes
 * into the n-th batch. Usually that is one batch.
 */
async function batchesBySlug(files: string[]): Promise<string[][]> {
  const seen = new Map<string, number>();
  const batches: string[][] = [];
  for (const file of files) {
    const slug = await readSlug(file);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    if (n === batches.length) batches.push([]);
    batches[n]!.push(file);
  }
  return batches;
}

/** One line per failing node: `rule id: target`, or the reason axe could not decide. */
function describeResults(results: Result[]): string[] {
  return results.flatMap((rule) =>
    rule.nodes.map(
      (node) =>
        `${rule.id}: ${node.target.join(' ')}${node.failureSummary ? ` (${reasons(node.failureSummary)})` : ''}`,
    ),
  );
}

/** axe's failure summary on one line, without its "Fix any of the following:" headings. */
const reasons = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^Fix (any|all) of the following:$/.test(line))
    .join('; ');

interface SlideAudit {
  slide: number;
  violations: Result[];
  incomplete: Result[];
  /** Rules that found something to check on the slide and passed it. */
  passes: string[];
  /** Text and navigation arrows below WCAG AA, measured from computed styles (test/contrast-in-page.ts). */
  contrast: ContrastFailure[];
  /** What the Tab key reached on the slide (its links, the arrows), with whether its focus could be seen. */
  focus: Array<{ element: string; visible: boolean }>;
}

/** Opens a page with axe injected. The deck's CSP allows only its own scripts, so it is bypassed for the test's. */
async function openWithAxe(page: Page, file: string): Promise<void> {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.addScriptTag({ path: AXE });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Each slide made current in turn (Reveal.slide: reveal marks every other slide hidden, aria-hidden
 * and inert, so axe looks at what the audience sees), then audited on its own; then the deck with its
 * slides left out: the controls, the progress bar, the document's language and title.
 */
async function auditDeck(page: Page, file: string): Promise<{ slides: SlideAudit[]; frame: AxeResults }> {
  await openWithAxe(page, file);
  await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady());
  // No fades, slides or bounces: the audit reads each slide as it ends up, not half-faded in (and
  // does not wait 0.8 s a slide for reveal's transitions to end).
  await page.addStyleTag({
    content: '*, ::before, ::after { transition: none !important; animation: none !important; }',
  });
  const count = await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getSlides().length);
  const slides: SlideAudit[] = [];
  for (let index = 0; index < count; index++) {
    await show(page, index);
    const { violations, incomplete, passes } = await page.evaluate((options) => {
      const { Reveal, axe } = window as unknown as RevealWindow & { axe: typeof import('axe-core') };
      return axe.run(Reveal.getCurrentSlide(), options);
    }, AXE_OPTIONS);
    const contrast = await page.evaluate(measureContrast, '.slides section.present');
    const focus = await tabThrough(page);
    slides.push({ slide: index + 1, violations, incomplete, passes: passes.map((rule) => rule.id), contrast, focus });
  }
  const frame = await page.evaluate(
    (options) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run({ exclude: [['.reveal .slides']] }, options),
    AXE_OPTIONS,
  );
  // On a screen wider than the slide (21:9, or a 4:3 deck on 16:9) the arrows sit beside the slide,
  // on the page around it: they must stand out there too.
  await page.setViewport(WIDE_SCREEN);
  for (let index = 0; index < count; index++) {
    await show(page, index);
    slides[index]!.contrast.push(...(await page.evaluate(measureContrast, '.slides section.present')));
  }
  await page.setViewport(SCREEN);
  return { slides, frame };
}

/**
 * Every element the Tab key reaches in the page, once round, and whether it shows where
 * the focus is (WCAG 2.4.7): an outline or a box shadow while it has the focus. axe-core does not test this.
 */
async function tabThrough(page: Page): Promise<Array<{ element: string; visible: boolean }>> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached: Array<{ element: string; visible: boolean }> = [];
  for (let press = 0; press < 50; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40);
      return {
        element: `${element.tagName.toLowerCase()}.${element.className} "${name}"`,
        visible: outline || style.boxShadow !== 'none',
      };
    });
    // Past the last element the focus leaves the page (to the browser), and the next Tab brings it back.
    if (!focused && reached.length === 0) continue;
    if (!focused || reached.some((r) => r.element === focused.element)) break;
    reached.push(focused);
  }
  return reached;
}

/** The slide number `index` (from 0) made current, laid out and drawn. */
async function show(page: Page, index: number): Promise<void> {
  await page.evaluate(async (index) => {
    const { Reveal } = window as unknown as RevealWindow;
    const section = Reveal.getSlides()[index]!;
    const { h, v } = Reveal.getIndices(section);
    Reveal.slide(h, v);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (Reveal.getCurrentSlide() !== section) throw new Error(`slide ${index + 1} did not become current`);
  }, index);
}

interface RevealWindow {
  Reveal: {
    isReady(): boolean;
    getSlides(): HTMLElement[];
    getIndices(slide: HTMLElement): { h: number; v?: number };
    slide(h: number, v?: number): void;
    getCurrentSlide(): HTMLElement;
  };
}

const examples = await exampleBriefings();
const templates = await builtInTemplates();

describe('axe-core finds no WCAG 2.1 A/AA violation in any example, in any built-in template', () => {
  let browser: Browser;
  let page: Page;
  let work: string;
  beforeAll(async () => {
    work = await tempDir('briefdeck-a11y-');
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setBypassCSP(true);
    await page.setViewport(SCREEN);
  });
  afterAll(async () => {
    await browser?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('finds the examples and the templates', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(templates).toEqual(expect.arrayContaining(['default', 'dark', 'print']));
  });

  describe.each(templates)('%s', (template) => {
    /** Deck file of each example, and the index page of each batch. */
    const decks = new Map<string, string>();
    const indexPages: string[] = [];
    beforeAll(async () => {
      const batches = await batchesBySlug(examples);
      for (const [n, batch] of batches.entries()) {
        const out = path.join(work, template, String(n));
        // --thumbnails: the index page at its fullest, each entry with its title slide's picture.
        const run = await runCli(['build', ...batch, '--no-pdf', '--thumbnails', '-o', out, '-t', template, '--json'], {
          timeoutMs: 110_000,
        });
        expect(run.code, run.stderr).toBe(0);
        const json = JSON.parse(run.stdout) as { index: string; decks: Array<{ file: string; html: string }> };
        for (const deck of json.decks) decks.set(path.resolve(ROOT, deck.file), deck.html);
        indexPages.push(json.index);
      }
    }, 120_000);

    it.each(examples.map((file) => path.relative(EXAMPLES, file)))('%s: every slide', async (example) => {
      const file = decks.get(path.join(EXAMPLES, example));
      expect(file, `${example} was built`).toBeDefined();
      const { slides, frame } = await auditDeck(page, file!);
      expect(slides.length).toBeGreaterThan(0);
      const where = (slide: number | string) => `${example} × ${template} × ${slide}`;
      const failures = [
        ...slides.flatMap((s) => [
          ...describeResults(s.violations).map((line) => `${where(`slide ${s.slide}`)}: ${line}`),
          ...s.contrast.map((f) => `${where(`slide ${s.slide}`)}: contrast: ${JSON.stringify(f)}`),
          ...s.focus
            .filter((f) => !f.visible)
            .map((f) => `${where(`slide ${s.slide}`)}: focus not shown: ${f.element}`),
        ]),
        ...describeResults(frame.violations).map((line) => `${where('deck controls')}: ${line}`),
        // What axe could not decide (a colour it cannot tell, an attribute it cannot judge) counts too:
        // nothing is left for a person to review.
        ...slides.flatMap((s) =>
          describeResults(s.incomplete).map((line) => `${where(`slide ${s.slide}`)}: undecided: ${line}`),
        ),
        ...describeResults(frame.incomplete).map((line) => `${where('deck controls')}: undecided: ${line}`),
      ];
      expect(failures).toEqual([]);
      // The contrast rule did run on every slide and measured text there; the Tab key reached the arrows.
      for (const s of slides) expect(s.passes, where(`slide ${s.slide}`)).toContain('color-contrast');
      for (const s of slides) expect(s.focus.length, where(`slide ${s.slide}`)).toBeGreaterThan(0);
    });

    it('the index page', async () => {
      expect(indexPages.length).toBeGreaterThan(0);
      for (const file of indexPages) {
        await openWithAxe(page, file);
        const result = await page.evaluate(
          (options) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, options),
          AXE_OPTIONS,
        );
        expect(
          describeResults([...result.violations, ...result.incomplete]).map(
            (line) => `index page × ${template}: ${line}`,
          ),
        ).toEqual([]);
        // The thumbnails were there to be checked, and so was the text's contrast.
        expect(result.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
      }
    });
  });
});
