// The index page of the output folder: what it lists and links, escaped, under its own policy.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeckInfo, htmlFingerprint, writeDeckInfo } from '../../src/output/deck-info.js';
import { type ListedDeck, renderIndexPage, writeIndexPage } from '../../src/output/index-page.js';
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
  /** A deck as writeIndexFile hands it over: its folder's URL path, and only the PDFs there to link. */
  const listedDeck = (info: DeckInfo): ListedDeck => ({ info, href: encodeURIComponent(info.slug) });

  it('lists each deck with its date, marking, draft flag and links, linking only the PDFs it is given', () => {
    const html = renderIndexPage([
      listedDeck(
        deck({
          slug: 'iskp',
          title: 'ISKP plot',
          subtitle: 'Moscow',
          date: '2026-11-29',
          marking: 'TLP:AMBER',
          pdf: 'iskp.pdf',
        }),
      ),
      listedDeck(deck({ slug: 'draft one', title: 'Draft one', draft: true, slides: 3, pdf: 'draft one.pdf' })),
    ]);
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
    const html = renderIndexPage([
      listedDeck(
        deck({
          slug: 'x',
          title: '<img src=x onerror=alert(1)>',
          subtitle: '"quoted" & <b>',
          source: 'C:\\Users\\me\\secret\\x.md',
        }),
      ),
      listedDeck(deck({ slug: 'y', source: '/home/me/private/y.md' })),
    ]);
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

  it('lists the decks of earlier builds apart, under their own heading', () => {
    const html = renderIndexPage([listedDeck(deck({ slug: 'now' }))], [listedDeck(deck({ slug: 'before' }))]);
    const { document } = parseHTML(html);
    expect(document.querySelector('h2.earlier')?.textContent).toBe('Earlier builds');
    expect(listed(html).map((d) => d.title)).toEqual(['now', 'before']);
    expect(document.querySelector('h2.earlier ~ ul li.deck h2')?.textContent).toBe('before');
    expect(
      parseHTML(renderIndexPage([listedDeck(deck({ slug: 'now' }))])).document.querySelector('h2.earlier'),
    ).toBeNull();
  });

  it("shows a deck's title-slide thumbnail (--thumbnails) beside its entry, with alt text, and none for a deck without", () => {
    const html = renderIndexPage([
      listedDeck(deck({ slug: 'with thumb', title: 'Risks & <options>', thumbnail: 'thumbnails/01.png' })),
      listedDeck(deck({ slug: 'plain', title: 'Plain' })),
    ]);
    const { document } = parseHTML(html);
    const [withThumb, plain] = [...document.querySelectorAll('li.deck')];
    const image = withThumb?.querySelector('img');
    expect(image?.getAttribute('src')).toBe('with%20thumb/thumbnails/01.png');
    expect(image?.getAttribute('alt')).toBe('Title slide of Risks & <options>');
    expect(image?.closest('a')?.getAttribute('href')).toBe('with%20thumb/index.html');
    expect(plain?.querySelector('img')).toBeNull();
    // The policy lets the page show images of its own folders, and nothing else new.
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy).toMatch(/(^|; )img-src 'self'(;|$)/);
    expect(policy).toMatch(/^default-src 'none';/);
  });

  it('says so when there is nothing to list, and always carries its Content-Security-Policy first', () => {
    const html = renderIndexPage([]);
    const { document } = parseHTML(html);
    expect(document.querySelector('.empty')?.textContent).toBe('No briefings built yet.');
    expect(document.head.firstElementChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('writeIndexPage', () => {
  let out: string;
  const built = deck({
    slug: 'built',
    date: '2026-03-01',
    title: 'Deck built',
    pdf: 'built.pdf',
    handout: 'built-handout.pdf',
  });
  beforeAll(async () => {
    out = await tempDir();
    // Two decks an earlier build left, with the HTML their records describe; one deck.json that is broken.
    for (const [slug, date] of [
      ['older', '2026-01-01'],
      ['newer', '2026-06-01'],
    ] as const) {
      const html = `<html>${slug}</html>`;
      await mkdir(path.join(out, slug));
      await writeFile(path.join(out, slug, 'index.html'), html);
      await writeDeckInfo(
        path.join(out, slug),
        deck({ slug, date, title: `Deck ${slug}`, pdf: `${slug}.pdf`, html: htmlFingerprint(html) }),
      );
    }
    await writeFile(path.join(out, 'newer', 'newer.pdf'), '%PDF-');
    await mkdir(path.join(out, 'broken'));
    await writeFile(path.join(out, 'broken', 'deck.json'), '{ not json');
    // This build's deck: its PDF printed, its handout not.
    await mkdir(path.join(out, 'built'));
    await writeFile(path.join(out, 'built', 'built.pdf'), '%PDF-');
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it("writes <out>/index.html: this build's decks, then earlier ones newest first, warning about a deck.json it cannot read", async () => {
    const warnings: string[] = [];
    const file = await writeIndexPage(out, {
      decks: [built],
      onWarning: (w) => warnings.push(`${path.relative(out, w.file)}: ${w.message}`),
    });
    expect(file).toBe(path.join(out, 'index.html'));
    const decks = listed(await readFile(file, 'utf8'));
    expect(decks.map((d) => d.title)).toEqual(['Deck built', 'Deck newer', 'Deck older']);
    // A PDF is linked only where its file is there.
    expect(decks.map((d) => d.links.filter((link) => !link.startsWith('Open deck')))).toEqual([
      ['PDF built/built.pdf'],
      ['PDF newer/newer.pdf'],
      [],
    ]);
    expect(warnings).toEqual([
      `${path.join('broken', 'deck.json')}: not JSON: not listed on the index page (build its briefing again to rewrite it)`,
    ]);
  });

  it("with onDemand (serve) links each of this build's decks' PDF and other outputs, made or not; an earlier deck's only where there", async () => {
    const onDemand = (info: DeckInfo) => ({ pdf: `${info.slug}.pdf`, pptx: `${info.slug}.pptx`, png: 'slides' });
    const decks = listed(await readFile(await writeIndexPage(out, { decks: [built], onDemand }), 'utf8'));
    expect(decks.map((d) => d.links.filter((link) => !link.startsWith('Open deck')))).toEqual([
      ['PDF built/built.pdf', 'PowerPoint built/built.pptx', 'Slide images built/slides/'],
      ['PDF newer/newer.pdf'],
      // Nothing makes an earlier build's outputs: older.pdf is not there, so not linked.
      [],
    ]);
  });
});
