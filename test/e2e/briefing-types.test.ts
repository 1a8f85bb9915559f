import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { measureContrast } from '../contrast-in-page.js';
import { deckSuite, pdfText, ROOT, runCli, squash } from '../helpers.js';

/**
 * The briefing-types examples built in each built-in template: an information briefing with no
 * recommendations, and a decision briefing with its options, the briefer's own recommendation apart
 * from the source author's, and key judgments with confidence badges and their legend; in the deck
 * (real Chromium), the PDF's text, the handout, the PPTX and the speaker script.
 */
const EXAMPLE = path.join(ROOT, 'examples', 'briefing-types');
const TEMPLATES = ['default', 'dark', 'print'] as const;
const BADGES = ['High confidence', 'Moderate confidence', 'Low confidence'];

/** Each slide's kind (from its class), data-label and kicker. */
async function slideList(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('section.slide')].map((slide) => ({
      kind: [...slide.classList].find((name) => name.startsWith('slide--'))!.slice('slide--'.length),
      label: slide.dataset.label,
      kicker: slide.querySelector('.slide__kicker, .title__kicker')?.textContent?.trim(),
    })),
  );
}

/** Where an option slide's groups sit, and the look of the two kinds of recommendations slide. */
async function decisionLayout(page: Page) {
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll<HTMLElement>('section.slide')];
    const option = slides.find((s) => s.classList.contains('slide--option'))!;
    const box = (selector: string) => {
      const { left, right, top, bottom } = option.querySelector(selector)!.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    const frame = (slide: HTMLElement) => {
      const body = slide.querySelector('.briefer-recommendation') ?? slide.querySelector('.slide__body')!;
      const style = getComputedStyle(body);
      return { className: body.className, border: style.borderTopWidth, background: style.backgroundColor };
    };
    const labels = [...option.querySelectorAll('.option__label')].map((label) => label.textContent);
    return {
      labels,
      pros: box('.option__group--pro'),
      cons: box('.option__group--con'),
      cost: box('.option__group--cost'),
      frame: box('.slide__frame'),
      briefer: frame(slides.find((s) => s.classList.contains('slide--recommendation'))!),
      author: frame(slides.find((s) => s.classList.contains('slide--recommendations'))!),
      badges: [...document.querySelectorAll('.slide--judgments .confidence')].map((badge) => ({
        className: badge.className,
        text: badge.textContent,
      })),
    };
  });
}

describe('briefing types and key judgments in every template', () => {
  const runs: Record<string, Awaited<ReturnType<typeof runCli>>> = {};
  const suite = deckSuite(async ({ out }) => {
    for (const template of TEMPLATES) {
      const formats = template === 'default' ? ['--pptx', '--script', '--handout'] : [];
      runs[template] = await runCli(
        ['build', EXAMPLE, '--out', path.join(out, template), '--template', template, ...formats],
        {
          timeoutMs: 110_000,
        },
      );
    }
  }, 400_000);

  it('builds both examples in each template with no warning (nothing overflows)', () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr, name).toBe('');
      expect(run.stdout, name).toContain('2 decks');
    }
  });

  it('an information briefing builds with no recommendations slide', async () => {
    const page = await suite.open('default/information');
    const slides = await slideList(page);
    await page.close();
    expect(slides[0]).toMatchObject({ kind: 'title', kicker: 'Information briefing' });
    expect(slides.map((s) => s.kind)).not.toContain('recommendations');
    expect(slides.map((s) => s.kind)).not.toContain('recommendation');
    const pdf = squash(pdfText(path.join(suite.out, 'default', 'information', 'information.pdf')));
    expect(pdf).toContain('INFORMATION BRIEFING');
    expect(pdf).not.toMatch(/recommendation/i);
    expect(pdf).not.toContain('No recommendations in the source.');
  });

  for (const template of TEMPLATES) {
    it(`${template}: a decision briefing shows each option, then the briefer's recommendation apart from the author's`, async () => {
      const page = await suite.open(`${template}/decision`);
      const slides = await slideList(page);
      const layout = await decisionLayout(page);
      await page.close();
      expect(slides[0]!.kicker).toBe('Decision briefing · Harbour Authority');
      expect(slides.filter((s) => s.kind === 'option')).toEqual([
        { kind: 'option', label: 'Detection only', kicker: 'Option 1' },
        { kind: 'option', label: 'Detection and jamming', kicker: 'Option 2' },
        { kind: 'option', label: 'Shared regional service', kicker: 'Option 3' },
      ]);
      expect(slides.find((s) => s.kind === 'recommendation')!.kicker).toBe('Our recommendation');
      expect(slides.find((s) => s.kind === 'recommendations')!.kicker).toBe('Recommendations of J. Marlow');
      // Pros and cons side by side, the cost below both, all inside the slide's frame.
      expect(layout.labels).toEqual(['Advantages', 'Disadvantages', 'Cost']);
      expect(layout.pros.right).toBeLessThanOrEqual(layout.cons.left);
      expect(layout.pros.top).toBe(layout.cons.top);
      expect(layout.cost.top).toBeGreaterThanOrEqual(Math.max(layout.pros.bottom, layout.cons.bottom));
      expect(layout.cost.bottom).toBeLessThanOrEqual(layout.frame.bottom);
      // The briefer's own recommendation is framed; the author's is not.
      expect(layout.briefer.className).toBe('briefer-recommendation');
      expect(layout.briefer.border).toBe('3px');
      expect(layout.author.border).toBe('0px');
      expect(layout.badges).toEqual([
        { className: 'confidence confidence-high', text: 'High confidence' },
        { className: 'confidence confidence-moderate', text: 'Moderate confidence' },
        { className: 'confidence confidence-low', text: 'Low confidence' },
      ]);
      // The legend closes the deck, before the sources slide.
      expect(slides.slice(-2).map((s) => [s.kind, s.label])).toEqual([
        ['legend', 'Confidence levels'],
        ['sources', 'Sources'],
      ]);
      const pdf = squash(pdfText(path.join(suite.out, template, 'decision', 'decision.pdf')));
      for (const text of [...BADGES, 'OUR RECOMMENDATION', 'RECOMMENDATIONS OF J. MARLOW', 'OPTION 2', 'DISADVANTAGES'])
        expect(pdf, text).toContain(text);
      expect(pdf).toContain('Confidence levels');
    });

    it(`${template}: every text of both decks, badges and option labels too, meets WCAG AA contrast`, async () => {
      for (const slug of ['decision', 'information']) {
        const page = await suite.open(`${template}/${slug}`);
        const measured = await page.evaluate(() => document.querySelectorAll('.confidence, .option__label').length);
        const failures = await page.evaluate(measureContrast);
        await page.close();
        if (slug === 'decision') expect(measured).toBe(3 + 3 + 9);
        expect(failures, slug).toEqual([]);
      }
    });
  }

  it('keeps the options, the badges and whose recommendations they are in the handout, PPTX and script', async () => {
    const deck = path.join(suite.out, 'default', 'decision');
    const handout = squash(pdfText(path.join(deck, 'decision-handout.pdf')));
    for (const text of [...BADGES, 'OUR RECOMMENDATION', 'ADVANTAGES']) expect(handout, text).toContain(text);
    const zip = await JSZip.loadAsync(await readFile(path.join(deck, 'decision.pptx')));
    const xml = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
          .map((name) => zip.file(name)!.async('string')),
      )
    ).join('\n');
    for (const text of ['DECISION BRIEFING', 'OPTION 1', 'ADVANTAGES', 'DISADVANTAGES', 'COST', 'OUR RECOMMENDATION'])
      expect(xml, text).toContain(`<a:t>${text}`);
    expect(xml).toContain('RECOMMENDATIONS OF J. MARLOW');
    for (const badge of BADGES) expect(xml, badge).toContain(`<a:t>[${badge}]</a:t>`);
    const script = await readFile(path.join(deck, 'decision-script.md'), 'utf8');
    expect(script).toContain('## Slide 5 of 11: Option 1: Detection only');
    expect(script).toContain('**Advantages**\n\n- in service within six weeks');
    expect(script).toContain('*Our recommendation*');
    expect(script).toContain('*Recommendations of J. Marlow*');
    expect(script).toContain('- **\\[High confidence\\]** The flights are deliberate reconnaissance');
  });
});
