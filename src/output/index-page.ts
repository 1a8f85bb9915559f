import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { indexPagePolicy, withContentSecurityPolicy } from '../deck/csp.js';
import { formatDate } from '../deck/helpers.js';
import { escapeHtml } from '../deck/html.js';
import { markingOf, TLP_COLOURS } from '../deck/render.js';
import { writeFileAtomic } from './write.js';

/** What the index page needs to know about a deck; written beside it as deck.json. */
export interface DeckInfo {
  slug: string;
  title: string;
  subtitle?: string;
  date?: string;
  marking?: string;
  draft: boolean;
  slides: number;
  /** The content file it was built from. */
  source: string;
  /** File name of its PDF, in the deck folder. */
  pdf: string;
}

export const DECK_INFO = 'deck.json';

export async function writeDeckInfo(deckDir: string, info: DeckInfo): Promise<void> {
  await writeFileAtomic(path.join(deckDir, DECK_INFO), `${JSON.stringify(info, null, 2)}\n`);
}

/** Every deck in the output folder (not only this build's), newest first. */
export async function readDeckInfos(outDir: string): Promise<DeckInfo[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const infos: DeckInfo[] = [];
  for (const entry of entries) {
    const file = path.join(outDir, entry.name, DECK_INFO);
    if (!entry.isDirectory() || !existsSync(file)) continue;
    try {
      infos.push(JSON.parse(await readFile(file, 'utf8')) as DeckInfo);
    } catch {
      // A deck.json from another version or a crash is skipped, not fatal: the index is a convenience.
    }
  }
  return infos.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
}

/**
 * Writes <outDir>/index.html: every briefing with its date, marking and links
 * to its deck and PDF. Self-contained (inline CSS, no script), so it opens from file://.
 * Its Content-Security-Policy lets nothing else load (see deck/csp.ts).
 * `pdfOnDemand`: link PDFs even before they exist (the dev server prints them when asked).
 */
export async function writeIndexPage(outDir: string, options: { pdfOnDemand?: boolean } = {}): Promise<string> {
  const decks = await readDeckInfos(outDir);
  const file = path.join(outDir, 'index.html');
  await writeFileAtomic(file, renderIndexPage(decks, (deck) => options.pdfOnDemand === true || existsSync(path.join(outDir, deck.slug, deck.pdf))));
  return file;
}

export function renderIndexPage(decks: DeckInfo[], hasPdf: (deck: DeckInfo) => boolean): string {
  const items = decks.map((deck) => {
    const marking = deck.marking ? markingOf(deck.marking) : undefined;
    const href = (file: string) => `${encodeURIComponent(deck.slug)}/${encodeURIComponent(file)}`;
    return `  <li class="deck">
    <div class="deck__meta">${deck.date ? `<time datetime="${deck.date}">${formatDate(deck.date)}</time>` : ''}${marking ? `<span class="marking ${marking.className}">${escapeHtml(marking.text)}</span>` : ''}${deck.draft ? '<span class="draft">DRAFT</span>' : ''}</div>
    <h2 dir="auto"><a href="${href('index.html')}">${escapeHtml(deck.title)}</a></h2>
    ${deck.subtitle ? `<p class="deck__subtitle" dir="auto">${escapeHtml(deck.subtitle)}</p>` : ''}
    <p class="deck__links"><a href="${href('index.html')}">Open deck</a> (${deck.slides} slides)${hasPdf(deck) ? ` · <a href="${href(deck.pdf)}">PDF</a>` : ''} · <span class="deck__source">${escapeHtml(deck.source)}</span></p>
  </li>`;
  });
  // The policy allows this <style> block by its hash, so it is built first.
  const style = `
  body { margin: 0; font-family: system-ui, 'Segoe UI', 'DejaVu Sans', sans-serif; color: #14213d; background: #f3f5f9; }
  main { max-width: 880px; margin: 0 auto; padding: 40px 24px 64px; }
  h1 { font-size: 32px; margin: 0 0 24px; }
  ul { list-style: none; margin: 0; padding: 0; }
  .deck { background: #fff; border-left: 6px solid #b4452c; padding: 18px 24px; margin-bottom: 16px; }
  .deck h2 { font-size: 22px; margin: 6px 0; }
  .deck a { color: #14213d; }
  .deck__meta { font-size: 14px; color: #5b6576; display: flex; gap: 12px; align-items: center; }
  .deck__subtitle { margin: 0 0 8px; color: #3d4a63; }
  .deck__links { margin: 0; font-size: 15px; color: #5b6576; }
  .marking, .draft { font-weight: 700; font-size: 12px; letter-spacing: 0.06em; padding: 2px 8px; background: #3d4a63; color: #fff; }
  .marking.tlp { background: #000; }
  ${Object.entries(TLP_COLOURS).map(([name, colour]) => `.${name} { color: ${colour}; }`).join(' ')}
  .draft { background: #ffd400; color: #000; }
  .empty { color: #5b6576; }
`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefdeck">
<title>Briefings</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Briefings</h1>
${decks.length ? `<ul>\n${items.join('\n')}\n</ul>` : '<p class="empty">No briefings built yet.</p>'}
</main>
</body>
</html>
`;
  return withContentSecurityPolicy(html, indexPagePolicy(style));
}
