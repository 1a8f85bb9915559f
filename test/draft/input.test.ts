import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/draft/read/from-html.js';
import { sniff } from '../../src/draft/read/index.js';
import { classifyLine, findDate } from '../../src/draft/read/lines.js';
import { readMarkdown } from '../../src/draft/read/from-markdown.js';
import { readText } from '../../src/draft/read/from-text.js';
import { fixtures } from './helpers.js';

const fixture = (name: string) => fixtures.find((f) => f.name === name)!;

describe('plain text', () => {
  it('recognises the seed: paragraphs, the "•" list under a heading, boilerplate and credits out', () => {
    const article = readText(fixture('seed-article.txt').text, 'seed-article.txt');
    const kinds = article.blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'item')).toHaveLength(10);
    expect(article.blocks.find((b) => b.kind === 'heading')?.text).toBe('Following Recommendations');
    expect(article.meta.title).toBeUndefined();
    expect(article.meta.credits).toEqual([
      'Representational image, by RIA Novosti, CC-BY-SA 3.0, via Wikimedia Commons',
    ]);
    expect(article.meta.disclaimers).toEqual([
      'The views and opinions expressed in this article are those of the author.',
    ]);
    expect(article.dropped).toEqual(['Read the full article here', 'Share.', 'Exit mobile version']);
    const text = article.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/Read the full article|Exit mobile version|Share\.|RIA Novosti|views and opinions/);
    expect(article.blocks[0]!.line).toBe(1);
  });

  it('reads a headline, byline and date line, and drops share buttons', () => {
    const article = readText(fixture('grid-storage.txt').text, 'grid-storage.txt');
    expect(article.meta).toMatchObject({
      title: 'The Grid Needs Batteries Before It Needs More Promises',
      author: 'Maren Holt',
      date: '2026-03-14',
      publisher: 'Northern Energy Review',
    });
    expect(article.blocks[0]!.text).toMatch(/^Last August/);
    expect(article.dropped).toEqual(['Share this article', 'Facebook | Twitter | LinkedIn | Email']);
  });

  it('knows lists, numbered lists, wrapped lines, "#" headings and "> " quotes', () => {
    const article = readText(
      [
        '# Title here',
        '',
        'Intro paragraph that is wrapped',
        'over two lines.',
        '',
        '## Steps',
        '',
        '1. First step',
        '   continues here.',
        '2) Second step.',
        '',
        '- a dash item',
        '* a star item',
        '',
        '> A quoted line',
        '> — Somebody',
      ].join('\n'),
      'x.txt',
    );
    expect(article.meta.title).toBe('Title here');
    expect(article.blocks.map((b) => [b.kind, b.text, b.list ?? null])).toEqual([
      ['paragraph', 'Intro paragraph that is wrapped over two lines.', null],
      ['heading', 'Steps', null],
      ['item', 'First step continues here.', 1],
      ['item', 'Second step.', 1],
      ['item', 'a dash item', 2],
      ['item', 'a star item', 2],
      ['quote', 'A quoted line', null],
    ]);
    expect(article.blocks[6]!.attribution).toBe('Somebody');
  });
});

describe('markdown', () => {
  it('takes the H1 as headline, the italic byline as metadata, headings, numbered items and the blockquote', () => {
    const article = readMarkdown(fixture('water-utilities-cyber.md').text, 'water.md');
    expect(article.meta).toMatchObject({
      title: 'Small Water Utilities Are the Soft Underbelly of Critical Infrastructure',
      author: 'Daniel Okafor',
      date: '2026-02-03',
      publisher: 'Infrastructure Security Monitor',
    });
    expect(article.blocks.filter((b) => b.kind === 'item')).toHaveLength(5);
    const quote = article.blocks.find((b) => b.kind === 'quote')!;
    expect(quote.text).toBe('Most of these systems are one default password away from a very bad day.');
    expect(quote.attribution).toBe(
      'a senior official at the national cybersecurity agency, speaking at a utilities conference',
    );
    // Inline markup is reduced to its text.
    expect(article.blocks.map((b) => b.text).join(' ')).toContain('roughly 70 percent of inspected');
    expect(article.blocks.find((b) => b.text.startsWith('The incident is'))!.line).toBe(7);
  });

  it('moves a photo credit into the metadata', () => {
    const article = readMarkdown(fixture('urban-heat.md').text, 'heat.md');
    expect(article.meta.credits).toEqual([
      "Photo: A cooling centre in the city's east district, July 2025. Credit: City Press Office.",
    ]);
    expect(article.blocks.filter((b) => b.kind === 'item').map((b) => b.list)).toEqual([1, 1, 1, 2, 2, 2, 2, 2]);
  });
});

describe('HTML', () => {
  it('extracts the article with Readability: no navigation, ads, cookie banner, share buttons, related links or scripts', async () => {
    const article = await readHtml(fixture('chip-export-controls.html').text, 'chip.html');
    const text = article.blocks.map((b) => b.text).join('\n');
    for (const furniture of [
      'Politics',
      'Advertisement',
      'Upgrade your cloud',
      'Learn Python',
      'cookies',
      'Share on',
      'Related articles',
      'Markets rally',
      'Sign up',
      'dataLayer',
      'All rights reserved',
      'Topics:',
    ]) {
      expect(text).not.toContain(furniture);
    }
    expect(article.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(8);
    expect(article.meta).toMatchObject({
      title: 'Export Controls Alone Will Not Keep the Chip Lead',
      author: 'Priya Raman',
      publisher: 'The Policy Ledger',
      url: 'https://policyledger.example.org/2026/04/export-controls-chip-lead',
      date: '2026-04-22',
      credits: ['Photo: Lena Fischer / Wikimedia Commons, CC BY 4.0'],
    });
    expect(article.meta.disclaimers[0]).toMatch(/views expressed here are her own/);
    const quote = article.blocks.find((b) => b.kind === 'quote')!;
    expect(quote.attribution).toBe('a former Commerce Department official, in testimony to Congress');
  });

  it('falls back to the page body without furniture when Readability finds no article', async () => {
    const html = `<html><body><nav>Home News Sport</nav><div class="ad">Buy now</div><main><p>${'The council voted to close the bridge for repairs. '.repeat(3)}</p><p>Officials should publish the repair schedule before the closure starts next month.</p></main><footer>© 2026 Paper</footer></body></html>`;
    const article = await readHtml(html, 'short.html');
    const text = article.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('Officials should publish the repair schedule');
    expect(text).not.toMatch(/Home News|Buy now|© 2026/);
  });
});

describe('format sniffing (stdin)', () => {
  it('tells HTML, markdown and plain text apart', () => {
    expect(sniff('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(sniff('# Title\n\nText')).toBe('md');
    expect(sniff('Plain text.\n\n• item')).toBe('txt');
  });
});

describe('line classifier', () => {
  it.each([
    ['Read the full article here', 'boilerplate'],
    ['Exit mobile version', 'boilerplate'],
    ['Share.', 'boilerplate'],
    ['ADVERTISEMENT', 'boilerplate'],
    ['Facebook | Twitter | LinkedIn | Email', 'boilerplate'],
    ['[Representational image, by RIA Novosti, CC-BY-SA 3.0, via Wikimedia Commons]', 'credit'],
    ['Photo: Jane Doe/Reuters', 'credit'],
    ['The views expressed are the author’s own.', 'disclaimer'],
    ["The views expressed are the author's own.", 'disclaimer'],
    ['The opinions expressed here do not necessarily reflect those of the publisher.', 'disclaimer'],
    ['Share prices fell sharply after the announcement, wiping out a year of gains.', undefined],
  ])('%s → %s', (line, type) => {
    expect(classifyLine(line, false)?.type).toBe(type);
  });

  it('reads dates in the usual ways', () => {
    expect(findDate('14 March 2026')?.date).toBe('2026-03-14');
    expect(findDate('March 14, 2026')?.date).toBe('2026-03-14');
    expect(findDate('2026-04-22T08:30:00Z')?.date).toBe('2026-04-22');
    expect(findDate('31 February 2026')).toBeUndefined();
  });
});
