// The index page of the output folder: what it lists and links, escaped, under its own policy.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeckInfo, writeDeckInfo } from '../../src/output/deck-info.js';
import { renderIndexPage, writeIndexPage } from '../../src/output/index-page.js';
import { tempDir } from '../helpers.js';

const deck = (fields: Partial<DeckInfo> & { slug: string }): DeckInfo => ({
  title: fields.slug,
  draft: false,
  slides: 10,
  source: `../../content/${fields.slug}.md`,
  ...fields,
});

/** Each listed deck as the reader sees it: title, meta line, subtitle, and the links with their labels. */
function listed(html: string) {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('li.deck')].map((item) => ({
    title: item.querySelector('h2')?.textContent,
    meta: item.querySelector('.deck__meta')?.textContent,
    subtitle: item.querySelector('.deck__subtitle')?.textContent,
    links: [...item.querySelectorAll('.deck__links a')].map((a) => `${a.textContent} ${a.getAttribute('href')}`),
    source: item.querySelector('.deck__source')?.textContent,
  }));
}

describe('renderIndexPage', () => {
  it('lists each deck with its date, marking, draft flag and links, linking only the PDFs that exist', () => {
    const html = renderIndexPage(
      [
        deck({
          slug: 'iskp',
          title: 'ISKP plot',
          subtitle: 'Moscow',
          date: '2026-11-29',
          marking: 'TLP:AMBER',
          pdf: 'iskp.pdf',
          handout: 'iskp-handout.pdf',
        }),
        deck({ slug: 'draft one', title: 'Draft one', draft: true, slides: 3, pdf: 'draft one.pdf' }),
      ],
      (info, print) => !(info.slug === 'iskp' && print === 'iskp-handout.pdf'),
    );
    expect(listed(html)).toEqual([
      {
        title: 'ISKP plot',
        meta: '29 November 2026TLP:AMBER',
        subtitle: 'Moscow',
        links: ['Open deck iskp/index.html', 'PDF iskp/iskp.pdf'],
        source: 'iskp.md',
      },
      {
        title: 'Draft one',
        meta: 'DRAFT',
        subtitle: undefined,
        links: ['Open deck draft%20one/index.html', 'PDF draft%20one/draft%20one.pdf'],
        source: 'draft one.md',
      },
    ]);
    expect(html).toContain('(10 slides)');
    expect(html).toMatch(/<span class="marking [^"]*amber[^"]*">TLP:AMBER<\/span>/i);
  });

  it('escapes what a briefing says and shows only the file name of its source (from any system)', () => {
    const html = renderIndexPage(
      [
        deck({
          slug: 'x',
          title: '<img src=x onerror=alert(1)>',
          subtitle: '"quoted" & <b>',
          source: 'C:\\Users\\me\\secret\\x.md',
        }),
        deck({ slug: 'y', source: '/home/me/private/y.md' }),
      ],
      () => true,
    );
    const { document } = parseHTML(html);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(listed(html).map((d) => [d.title, d.subtitle, d.source])).toEqual([
      ['<img src=x onerror=alert(1)>', '"quoted" & <b>', 'x.md'],
      ['y', undefined, 'y.md'],
    ]);
    expect(html).not.toContain('secret');
    expect(html).not.toContain('private');
  });

  it('says so when there is nothing to list, and always carries its Content-Security-Policy first', () => {
    const html = renderIndexPage([], () => true);
    const { document } = parseHTML(html);
    expect(document.querySelector('.empty')?.textContent).toBe('No briefings built yet.');
    expect(document.head.firstElementChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('writeIndexPage', () => {
  let out: string;
  beforeAll(async () => {
    out = await tempDir();
    for (const [slug, date] of [
      ['older', '2026-01-01'],
      ['newer', '2026-06-01'],
    ] as const) {
      await mkdir(path.join(out, slug));
      await writeDeckInfo(path.join(out, slug), deck({ slug, date, title: `Deck ${slug}`, pdf: `${slug}.pdf` }));
    }
    await writeFile(path.join(out, 'newer', 'newer.pdf'), '%PDF-');
    await mkdir(path.join(out, 'broken'));
    await writeFile(path.join(out, 'broken', 'deck.json'), '{ not json');
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('writes <out>/index.html listing the decks newest first, warning about a deck.json it cannot read', async () => {
    const warnings: string[] = [];
    const file = await writeIndexPage(out, {
      onWarning: (w) => warnings.push(`${path.relative(out, w.file)}: ${w.message}`),
    });
    expect(file).toBe(path.join(out, 'index.html'));
    const decks = listed(await readFile(file, 'utf8'));
    expect(decks.map((d) => d.title)).toEqual(['Deck newer', 'Deck older']);
    expect(decks.map((d) => d.links.filter((link) => link.startsWith('PDF')))).toEqual([['PDF newer/newer.pdf'], []]);
    expect(warnings).toEqual([
      `${path.join('broken', 'deck.json')}: not JSON: not listed on the index page (build its briefing again to rewrite it)`,
    ]);
  });

  it("with pdfOnDemand (serve) links every deck's PDF, printed or not", async () => {
    const decks = listed(await readFile(await writeIndexPage(out, { pdfOnDemand: true }), 'utf8'));
    expect(decks.map((d) => d.links.filter((link) => link.startsWith('PDF')))).toEqual([
      ['PDF newer/newer.pdf'],
      ['PDF older/older.pdf'],
    ]);
  });
});
