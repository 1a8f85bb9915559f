import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Warning } from '../content/model.js';
import { indexPagePolicy, withContentSecurityPolicy } from '../deck/csp.js';
import { formatDate } from '../deck/helpers.js';
import { escapeHtml } from '../html-text.js';
import { markingOf, TLP_COLOURS } from '../content/marking.js';
import { readDeckInfos, type DeckInfo } from './deck-info.js';
import { writeFileAtomic } from './write-deck.js';

/**
 * Writes <outDir>/index.html: every briefing with its date, marking and links
 * to its deck, PDF and handout. Self-contained (inline CSS, no script), so it opens from file://.
 * Its Content-Security-Policy lets nothing else load (see deck/csp.ts).
 * Links only the outputs deck.json names as printed from the deck's current HTML (see writeDeck).
 * `pdfOnDemand`: link every deck's PDF even before it exists (the dev server prints it when asked).
 */
export async function writeIndexPage(
  outDir: string,
  options: { pdfOnDemand?: boolean; onWarning?: (warning: Warning) => void } = {},
): Promise<string> {
  const decks = (await readDeckInfos(outDir, options.onWarning)).map((deck) =>
    options.pdfOnDemand ? { ...deck, pdf: `${deck.slug}.pdf` } : deck,
  );
  const file = path.join(outDir, 'index.html');
  const onDemand = (deck: DeckInfo, print: string) => options.pdfOnDemand === true && print === `${deck.slug}.pdf`;
  await writeFileAtomic(
    file,
    renderIndexPage(decks, (deck, print) => onDemand(deck, print) || existsSync(path.join(outDir, deck.slug, print))),
  );
  return file;
}

/** `exists`: whether a PDF that deck.json names is there to link. */
export function renderIndexPage(decks: DeckInfo[], exists: (deck: DeckInfo, print: string) => boolean): string {
  const items = decks.map((deck) => {
    const marking = deck.marking ? markingOf(deck.marking) : undefined;
    const href = (file: string) => `${encodeURIComponent(deck.slug)}/${encodeURIComponent(file)}`;
    const link = (print: string | undefined, label: string) =>
      print && exists(deck, print) ? ` · <a href="${href(print)}">${label}</a>` : '';
    // Only the file name of the source: its folder says nothing to a reader of the page, and may say too much.
    // (win32's basename splits at both / and \, whichever system wrote the deck.json.)
    const source = path.win32.basename(deck.source);
    return `  <li class="deck">
    <div class="deck__meta">${deck.date ? `<time datetime="${deck.date}">${formatDate(deck.date)}</time>` : ''}${marking ? `<span class="marking ${marking.className}">${escapeHtml(marking.text)}</span>` : ''}${deck.draft ? '<span class="draft">DRAFT</span>' : ''}</div>
    <h2 dir="auto"><a href="${href('index.html')}">${escapeHtml(deck.title)}</a></h2>
    ${deck.subtitle ? `<p class="deck__subtitle" dir="auto">${escapeHtml(deck.subtitle)}</p>` : ''}
    <p class="deck__links"><a href="${href('index.html')}">Open deck</a> (${deck.slides} slides)${link(deck.pdf, 'PDF')}${link(deck.handout, 'Handout')} · <span class="deck__source">${escapeHtml(source)}</span></p>
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
  ${Object.entries(TLP_COLOURS)
    .map(([name, colour]) => `.${name} { color: ${colour}; }`)
    .join(' ')}
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
