import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { deckSuite, pdfText, ROOT, runCli, squash } from '../helpers.js';

/**
 * The tables-and-figures example built in each built-in template (and once
 * right-to-left): its numeric columns are right-aligned, its header row
 * styled, its long table continues with the header repeated, and its figure
 * sits beside the text with its caption and credit, in the deck, the PDF, the
 * handout, the PPTX and the speaker script.
 */
const EXAMPLE = path.join(ROOT, 'examples', 'tables-figures');
const TEMPLATES = ['default', 'dark', 'print'] as const;
const CAPTION = 'Reported incidents per quarter, 2025';
const CREDIT = 'Credit: briefdeck example data';

/** How a slide's numeric and text cells sit in their boxes, and its header row's look. */
async function tableLayout(page: Page, label: string) {
  return page.evaluate((wanted) => {
    const slide = [...document.querySelectorAll<HTMLElement>('section.slide')].find((s) => s.dataset.label === wanted)!;
    const gaps = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const text = range.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      return { start: Math.round(text.left - box.left), end: Math.round(box.right - text.right) };
    };
    const rows = [...slide.querySelectorAll('tbody tr')];
    const row = rows[0]!;
    const th = slide.querySelector('thead th')!;
    const style = getComputedStyle(th);
    return {
      /** The gaps of every body row's first (text) cell, and of its other (numeric) cells. */
      text: rows.map((r) => gaps(r.children[0]!)),
      numbers: rows.flatMap((r) => [...r.children].slice(1).map(gaps)),
      numericClass: [...row.children].map((cell) => cell.className),
      header: {
        weight: Number(style.fontWeight),
        rule: style.borderBottomWidth,
        background: style.backgroundColor,
        size: Number.parseFloat(getComputedStyle(row.children[0]!).fontSize),
      },
      headerRows: slide.querySelectorAll('thead tr').length,
      bodyRows: slide.querySelectorAll('tbody tr').length,
    };
  }, label);
}

/** The figure's box and the boxes of the text beside it on the "Incidents by quarter" slide. */
async function figureLayout(page: Page) {
  return page.evaluate(() => {
    const slide = [...document.querySelectorAll<HTMLElement>('section.slide')].find(
      (s) => s.dataset.label === 'Incidents by quarter',
    )!;
    const rect = (element: Element) => {
      const { left, right, top, bottom } = element.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    const image = slide.querySelector('.figure img')!;
    return {
      figure: rect(slide.querySelector('.figure')!),
      text: [...slide.querySelectorAll('.lead p, .bullets li')].map(rect),
      frame: rect(slide.querySelector('.slide__frame')!),
      caption: slide.querySelector('figcaption')!.textContent,
      plate: getComputedStyle(image).backgroundColor,
    };
  });
}

describe('tables and figures in every template', () => {
  const runs: Record<string, Awaited<ReturnType<typeof runCli>>> = {};
  const suite = deckSuite(async ({ dir, out }) => {
    for (const file of ['briefing.md', 'chart.svg']) await copyFile(path.join(EXAMPLE, file), path.join(dir, file));
    const arabic = (await readFile(path.join(EXAMPLE, 'briefing.md'), 'utf8')).replace('title:', 'lang: ar\ntitle:');
    await writeFile(path.join(dir, 'rtl.md'), arabic);
    for (const template of TEMPLATES) {
      const formats = template === 'default' ? ['--pptx', '--script', '--handout'] : [];
      runs[template] = await runCli(
        ['build', path.join(dir, 'briefing.md'), '--out', path.join(out, template), '--template', template, ...formats],
        { timeoutMs: 110_000 },
      );
    }
    runs.rtl = await runCli(['build', path.join(dir, 'rtl.md'), '--out', path.join(out, 'rtl')], {
      timeoutMs: 110_000,
    });
  }, 480_000);

  it('builds each with no warning (nothing overflows)', () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr, name).toBe('');
    }
  });

  for (const template of TEMPLATES) {
    it(`${template}: right-aligns numeric cells, styles the header row and repeats it on the continuation`, async () => {
      const page = await suite.open(`${template}/briefing`);
      const [first, second] = [await tableLayout(page, 'Crossings (1/2)'), await tableLayout(page, 'Crossings (2/2)')];
      await page.close();
      expect(first.numericClass).toEqual(['', 'num', 'num', 'num', 'num']);
      // Text at the start of its cell (after the 20px padding), numbers at its end.
      for (const gap of first.text) expect(gap.start).toBe(20);
      expect(first.text.some((gap) => gap.end > 20)).toBe(true);
      for (const gap of first.numbers) {
        expect(gap.end).toBe(20);
        expect(gap.start).toBeGreaterThanOrEqual(20);
      }
      expect(first.numbers.some((gap) => gap.start > 20)).toBe(true);
      expect(first.header.weight).toBeGreaterThanOrEqual(700);
      expect(first.header.rule).toBe('3px');
      expect(first.header.size).toBeGreaterThanOrEqual(24);
      if (template !== 'print') expect(first.header.background).not.toBe('rgba(0, 0, 0, 0)');
      expect([first.bodyRows, second.bodyRows]).toEqual([6, 6]);
      expect(second.headerRows).toBe(1);
    });

    it(`${template}: puts the figure beside the text, with its caption and credit, in the deck and the PDF`, async () => {
      const page = await suite.open(`${template}/briefing`);
      const layout = await figureLayout(page);
      await page.close();
      for (const text of layout.text) expect(text.right).toBeLessThanOrEqual(layout.figure.left);
      expect(layout.figure.top).toBeLessThan(Math.max(...layout.text.map((t) => t.bottom)));
      expect(layout.figure.right).toBeLessThanOrEqual(layout.frame.right);
      expect(layout.figure.bottom).toBeLessThanOrEqual(layout.frame.bottom);
      expect(layout.caption).toBe(`${CAPTION} ${CREDIT}`);
      // The dark template sets a chart drawn on white on a white plate.
      expect(layout.plate).toBe(template === 'dark' ? 'rgb(255, 255, 255)' : 'rgba(0, 0, 0, 0)');
      const pdf = squash(pdfText(path.join(suite.out, template, 'briefing', 'briefing.pdf')));
      expect(pdf).toContain(CAPTION);
      expect(pdf).toContain(CREDIT);
      expect(pdf).toContain('Crossings (2/2)');
    });
  }

  it('mirrors a right-to-left deck: the figure on the left of the text, numbers at the cells’ left', async () => {
    const page = await suite.open('rtl/rtl');
    const layout = await figureLayout(page);
    const table = await tableLayout(page, 'Crossings (1/2)');
    await page.close();
    for (const text of layout.text) expect(text.left).toBeGreaterThanOrEqual(layout.figure.right);
    for (const gap of table.numbers) expect(gap.start).toBe(20);
  });

  it('keeps caption, credit and numeric alignment in the handout, the PPTX and the speaker script', async () => {
    const deck = path.join(suite.out, 'default', 'briefing');
    const handout = squash(pdfText(path.join(deck, 'briefing-handout.pdf')));
    expect(handout).toContain(CAPTION);
    expect(handout).toContain(CREDIT);
    const zip = await JSZip.loadAsync(await readFile(path.join(deck, 'briefing.pptx')));
    const slides = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(slides.some((xml) => xml.includes(CAPTION) && xml.includes(CREDIT))).toBe(true);
    const table = slides.find((xml) => xml.includes('North ridge'))!;
    const cell = (text: string) =>
      new RegExp(`<a:pPr algn="(\\w+)"[^>]*>(?:(?!</a:p>).)*<a:t>${text}</a:t>`).exec(table)?.[1];
    expect([cell('North ridge'), cell('34'), cell('25.4%'), cell('\\$1,240,000'), cell('4–6')]).toEqual([
      'l',
      'r',
      'r',
      'r',
      'r',
    ]);
    const script = await readFile(path.join(deck, 'briefing-script.md'), 'utf8');
    expect(script).toContain('| --- | ---: | ---: | ---: | ---: |');
    expect(script).toContain(`${CAPTION} ${CREDIT}`);
  });
});
