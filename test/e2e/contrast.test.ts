// The contrast pairs that templates declare in template.json (src/deck/contrast.ts) against what
// Chromium draws. For each template and colour option, colours on both sides of the static check's
// verdict (one it just accepts, the next step along the same line just below WCAG AA) are built
// through the CLI (--no-pdf), and every text element of every slide is measured in the page.
// The check must warn exactly for the decks whose page has a failure, and every failure the page
// shows must be a declared pair with the same ratio and threshold: no missed or mis-sized pair.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContrast, contrastRatio, parseColour, toHex, type Rgba } from '../../src/deck/contrast.js';
import { TemplateRegistry, type Template } from '../../src/deck/template/registry.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { measureContrast, type ContrastFailure } from '../contrast-in-page.js';
import { ROOT, runCli, SAMPLE, tempDir } from '../helpers.js';

const EXAMPLES = path.join(ROOT, 'examples', 'templates');
const TEMPLATES = ['default', 'dark', 'print', 'house'];
/** Start colours of the lines walked to white and to black: hues and a grey. */
const STARTS = ['#ff0000', '#00a000', '#0000ff', '#ff9900', '#808080'];
/** Pass/fail boundaries measured per colour option (each is two decks). */
const SAMPLES_PER_OPTION = 4;

interface Sample {
  option: string;
  colour: string;
  /** The static check's verdict. */
  warns: boolean;
  file: string;
}

const mix = (from: Rgba, to: number, step: number): string =>
  toHex({
    r: from.r + ((to - from.r) * step) / 255,
    g: from.g + ((to - from.g) * step) / 255,
    b: from.b + ((to - from.b) * step) / 255,
    a: 1,
  });

/** Adjacent colours on a line from a start colour to white or black where the check's verdict flips. */
function boundaries(template: Template, option: string): Array<{ pass: string; fail: string }> {
  const warns = (colour: string) => checkContrast(template, { ...defaults(template), [option]: colour }, []).length > 0;
  const found: Array<{ pass: string; fail: string }> = [];
  for (const start of STARTS) {
    for (const to of [255, 0]) {
      const line = Array.from({ length: 256 }, (_, step) => mix(parseColour(start)!, to, step));
      for (let i = 1; i < line.length; i++) {
        const [a, b] = [line[i - 1]!, line[i]!];
        if (a !== b && warns(a) !== warns(b)) found.push(warns(a) ? { pass: b, fail: a } : { pass: a, fail: b });
      }
    }
  }
  // Spread the chosen boundaries over the lines (not all from the first hue).
  const every = Math.max(1, Math.floor(found.length / SAMPLES_PER_OPTION));
  return found.filter((_, i) => i % every === 0).slice(0, SAMPLES_PER_OPTION);
}

function defaults(template: Template): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(template.manifest.options).flatMap(([key, option]) =>
      'default' in option && option.default !== undefined ? [[key, option.default]] : [],
    ),
  );
}

/** Ratio of each declared pair with the option set to `colour`, with its threshold. */
function declaredRatios(
  template: Template,
  option: string,
  colour: string,
): Array<{ ratio: number; required: number }> {
  const values = { ...defaults(template), [option]: colour };
  const colourOf = (side: string) => parseColour(template.manifest.options[side] ? String(values[side]) : side)!;
  return template.manifest.contrast.map((pair) => ({
    ratio: contrastRatio(colourOf(pair.text), colourOf(pair.on)),
    required: pair.size === 'large' ? 3 : 4.5,
  }));
}

describe('declared contrast pairs agree with what Chromium draws', async () => {
  const registry = new TemplateRegistry([EXAMPLES]);
  let browser: Browser;
  let work: string;
  beforeAll(async () => {
    work = await tempDir();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  });

  describe.each(TEMPLATES)('%s', async (name) => {
    const template = await registry.load(name);
    const colourOptions = Object.keys(template.manifest.options).filter(
      (key) => template.manifest.options[key]!.type === 'color',
    );
    const samples: Sample[] = colourOptions.flatMap((option) =>
      boundaries(template, option).flatMap(({ pass, fail }, i) => [
        { option, colour: pass, warns: false, file: `${option}-${i}-pass.md` },
        { option, colour: fail, warns: true, file: `${option}-${i}-fail.md` },
      ]),
    );

    it('declares pairs for every colour option, with boundaries to test on both sides', () => {
      expect(colourOptions.length).toBeGreaterThan(0);
      for (const option of colourOptions) {
        expect(
          template.manifest.contrast.some((pair) => pair.text === option || pair.on === option),
          option,
        ).toBe(true);
        expect(samples.filter((s) => s.option === option).length, option).toBe(2 * SAMPLES_PER_OPTION);
      }
    });

    it('warns for exactly the colours whose deck has text below WCAG AA, and only for declared pairs', {
      timeout: 300_000,
    }, async () => {
      const content = path.join(work, name, 'content');
      const out = path.join(work, name, 'out');
      await mkdir(content, { recursive: true });
      const sample = await readFile(SAMPLE, 'utf8');
      for (const s of samples) {
        await writeFile(
          path.join(content, s.file),
          sample.replace(/^---\n/, `---\nslug: ${s.file.slice(0, -3)}\noptions:\n  ${s.option}: "${s.colour}"\n`),
        );
      }
      const run = await runCli(['build', content, '--no-pdf', '-o', out, '-t', name, '--templates', EXAMPLES]);
      expect(run.code, run.stderr).toBe(0);
      const page = await browser.newPage();
      try {
        for (const s of samples) {
          const warning = run.stderr
            .split('\n')
            .filter((line) => line.includes(`${s.file}:4: warning: option "${s.option}" ${s.colour} `));
          expect(warning.length, `${s.file} ${s.colour}: static check warns`).toBe(s.warns ? 1 : 0);
          // The print view lays out every slide at once, so every text element can be measured.
          await page.goto(`${pathToFileURL(path.join(out, s.file.slice(0, -3), 'index.html')).href}?print-pdf`, {
            waitUntil: 'load',
          });
          await page.waitForFunction(
            () => document.documentElement.getAttribute('data-briefdeck-pdf-ready') === 'true',
          );
          const failures: ContrastFailure[] = await page.evaluate(measureContrast);
          expect(
            failures.length > 0,
            `${s.file} ${s.colour}: page has text below AA: ${JSON.stringify(failures)}`,
          ).toBe(s.warns);
          const declared = declaredRatios(template, s.option, s.colour);
          for (const failure of failures) {
            const match = declared.some(
              (d) => d.required === failure.required && Math.abs(d.ratio - failure.ratio) < 0.006,
            );
            expect(
              match,
              `${s.file} ${s.colour}: page failure ${JSON.stringify(failure)} is a declared pair (${JSON.stringify(declared)})`,
            ).toBe(true);
          }
        }
      } finally {
        await page.close();
      }
    });
  });
});
