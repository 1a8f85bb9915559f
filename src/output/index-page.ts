import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Warning } from '../content/model.js';
import { indexPagePolicy, withContentSecurityPolicy } from '../deck/csp.js';
import { escapeHtml } from '../html-text.js';
import { type BannerColours, markingOf } from '../content/marking.js';
import { writeFileAtomic } from '../atomic-write.js';
import { byDate, readEarlierDecks, type DeckInfo } from './deck-info.js';
import { textDirection } from '../content/schema.js';
import { briefingLabels, type LabelKey, type ProjectLabelChoice } from '../labels/index.js';

/** A deck on the index page: its record, and where its folder is. */
export interface IndexEntry {
  info: DeckInfo;
  /** The deck's folder. */
  dir: string;
}

/**
 * Writes <outDir>/index.html: the decks this build wrote (`decks`, from what it knows, never read
 * back), then, under their own heading, the decks an earlier build left in the folder whose record
 * still describes the HTML beside it (readEarlierDecks): those are listed as earlier builds, never
 * as this build's. Each with its date, marking and links to its deck, PDF, handout and PowerPoint file,
 * and the title slide's thumbnail (--thumbnails) where it has one.
 * Self-contained (inline CSS, no script), so it opens from file://.
 * Its Content-Security-Policy lets nothing else load (see deck/csp.ts).
 * Links only the outputs the record names as printed from the deck's current HTML (see writeDeck).
 * `onDemand`: the outputs of each deck of this build that are made when asked for (the dev server
 * prints the PDF, writes the PowerPoint file … on request), by their deck.json fields: linked even before
 * they exist. Not those of earlier builds: nothing makes them.
 */
export async function writeIndexPage(
  outDir: string,
  options: {
    decks?: DeckInfo[];
    /** The earlier decks, if the caller has read them already (readEarlierDecks); otherwise read here. */
    earlier?: DeckInfo[];
    onDemand?: (deck: DeckInfo) => Partial<DeckInfo>;
    onWarning?: (warning: Warning) => void;
    /** The project config's labels and digits (the page's words are the project's too). */
    project?: ProjectLabelChoice;
  } = {},
): Promise<string> {
  const built = options.decks ?? [];
  const earlier =
    options.earlier ?? (await readEarlierDecks(outDir, new Set(built.map((deck) => deck.slug)), options.onWarning));
  const made = (info: DeckInfo) => options.onDemand?.(info) ?? {};
  const entries = (infos: DeckInfo[]) =>
    [...infos].sort(byDate).map((info) => ({ info, dir: path.join(outDir, info.slug) }));
  const current = entries(built.map((info) => ({ ...info, ...made(info) })));
  const onRequest = new Set<IndexEntry>(current);
  const onDemand = (entry: IndexEntry, print: string) =>
    onRequest.has(entry) && Object.values(made(entry.info)).includes(print);
  return writeIndexFile(outDir, current, entries(earlier), onDemand, options.project);
}

/**
 * Writes <pageDir>/index.html listing `current`, then `earlier` (none: no such section), each deck
 * linked by its folder's path from `pageDir`. A PDF the record names is linked only if its file is
 * there, or `onDemand` says it will be made when asked for.
 */
export async function writeIndexFile(
  pageDir: string,
  current: IndexEntry[],
  earlier: IndexEntry[] = [],
  onDemand: (entry: IndexEntry, print: string) => boolean = () => false,
  project: ProjectLabelChoice = {},
): Promise<string> {
  const listed = (entry: IndexEntry): ListedDeck => {
    const linked = (print: string | undefined) =>
      print && (onDemand(entry, print) || existsSync(path.join(entry.dir, print))) ? print : undefined;
    const links = Object.fromEntries(LINKED_OUTPUTS.map(([field]) => [field, linked(entry.info[field])]));
    return {
      info: { ...entry.info, ...links, thumbnail: linked(entry.info.thumbnail) },
      href: path.relative(pageDir, entry.dir).split(path.sep).map(encodeURIComponent).join('/'),
    };
  };
  const file = path.join(pageDir, 'index.html');
  await writeFileAtomic(file, renderIndexPage(current.map(listed), earlier.map(listed), project));
  return file;
}

/** The outputs a deck's entry links, by their deck.json field, in this order, with the label of their link. */
const LINKED_OUTPUTS = [
  ['pdf', 'pdf'],
  ['handout', 'handout'],
  ['contactSheet', 'contactSheet'],
  ['pptx', 'powerPoint'],
  ['singleFile', 'singleFile'],
  ['png', 'slideImages'],
  ['script', 'speakerScript'],
] as const satisfies ReadonlyArray<readonly [keyof DeckInfo, LabelKey]>;

/** A deck as the page shows it: the outputs in `info` are those there to link; `href`, its folder's URL path from the page. */
export interface ListedDeck {
  info: DeckInfo;
  href: string;
}

/**
 * The page is in the language its decks share (its labels, `lang` and `dir`); a folder of briefings in
 * several languages, or of decks whose deck.json predates `lang`, gets English. A deck in another
 * language than the page has its title and subtitle marked with its own `lang`, for screen readers.
 */
function pageLanguage(decks: ListedDeck[]): string {
  const langs = new Set(decks.map(({ info }) => info.lang));
  const [only] = langs;
  return langs.size === 1 && only ? only : 'en';
}

export function renderIndexPage(
  current: ListedDeck[],
  earlier: ListedDeck[] = [],
  project: ProjectLabelChoice = {},
): string {
  const lang = pageLanguage([...current, ...earlier]);
  const labels = briefingLabels({ lang }, project);
  /** Each banner colour pair the page shows, by its class: the policy allows no style attribute, so the stylesheet names them. */
  const used = new Map<string, BannerColours>();
  const item = ({ info: deck, href: folder }: ListedDeck) => {
    const marking = deck.marking ? markingOf(deck.marking) : undefined;
    // The colours the deck drew (its template's `markings` too); a deck.json without them gets the built-in ones.
    const colours = deck.markingColours ?? marking?.colours;
    const href = (file: string) => `${folder}/${file.split('/').map(encodeURIComponent).join('/')}`;
    const links = LINKED_OUTPUTS.map(([field, label]) => {
      const file = deck[field];
      return file
        ? ` · <a href="${href(file)}${field === 'png' ? '/' : ''}">${escapeHtml(labels.text(label))}</a>`
        : '';
    }).join('');
    // Only the file name of the source: its folder says nothing to a reader of the page, and may say too much.
    // (win32's basename splits at both / and \, whichever system wrote the deck.json.)
    const source = path.win32.basename(deck.source);
    const own = deck.lang && deck.lang !== lang ? ` lang="${escapeHtml(deck.lang)}"` : '';
    // The title slide's --thumbnails image, when this deck has one; decks without keep the plain card.
    const thumbnail = deck.thumbnail
      ? `<a class="deck__thumb" href="${href('index.html')}" tabindex="-1"><img src="${href(deck.thumbnail)}" alt="${escapeHtml(labels.text('titleSlideOf', { title: deck.title }))}"></a>\n    `
      : '';
    return `  <li class="deck${thumbnail ? ' deck--thumb' : ''}">
    ${thumbnail}<div class="deck__meta">${deck.date ? `<time datetime="${deck.date}">${escapeHtml(labels.date(deck.date))}</time>` : ''}${marking ? `<span class="marking ${marking.className}${colours ? ` ${colourClass(colours, used)}` : ''}">${escapeHtml(marking.text)}</span>` : ''}${deck.draft ? `<span class="draft">${escapeHtml(labels.text('draft'))}</span>` : ''}</div>
    <h2 dir="auto"${own}><a href="${href('index.html')}">${escapeHtml(deck.title)}</a></h2>
    ${deck.subtitle ? `<p class="deck__subtitle" dir="auto"${own}>${escapeHtml(deck.subtitle)}</p>` : ''}
    <p class="deck__links"><a href="${href('index.html')}">${escapeHtml(labels.text('openDeck'))}</a> (${escapeHtml(labels.text('slideCount', { count: deck.slides }))})${links} · <span class="deck__source">${escapeHtml(source)}</span></p>
  </li>`;
  };
  const list = (decks: ListedDeck[]) => `<ul>\n${decks.map(item).join('\n')}\n</ul>`;
  // Decks this build did not write are kept apart, so that none passes for the output of this build.
  const currentSection = current.length
    ? list(current)
    : earlier.length
      ? ''
      : `<p class="empty">${escapeHtml(labels.text('noBriefings'))}</p>`;
  const earlierSection = earlier.length
    ? `\n<h2 class="earlier">${escapeHtml(labels.text('earlierBuilds'))}</h2>\n<p class="earlier__note">${escapeHtml(labels.text('earlierBuildsNote'))}</p>\n${list(earlier)}`
    : '';
  // The policy allows this <style> block by its hash, so it is built before the page (after the lists: it names their colours).
  const style = `
  body { margin: 0; font-family: system-ui, 'Segoe UI', 'DejaVu Sans', sans-serif; color: #14213d; background: #f3f5f9; }
  main { max-width: 880px; margin: 0 auto; padding: 40px 24px 64px; }
  h1 { font-size: 32px; margin: 0 0 24px; }
  ul { list-style: none; margin: 0; padding: 0; }
  .deck { background: #fff; border-inline-start: 6px solid #b4452c; padding: 18px 24px; margin-bottom: 16px; }
  .deck--thumb { display: grid; grid-template-columns: 192px 1fr; column-gap: 20px; align-items: start; }
  .deck--thumb > :not(.deck__thumb) { grid-column: 2; }
  .deck__thumb { grid-row: 1 / span 4; display: block; line-height: 0; }
  .deck__thumb img { width: 192px; height: auto; border: 1px solid #d5dae3; }
  .deck h2 { font-size: 22px; margin: 6px 0; }
  .deck a { color: #14213d; }
  .deck__meta { font-size: 14px; color: #5b6576; display: flex; gap: 12px; align-items: center; }
  .deck__subtitle { margin: 0 0 8px; color: #3d4a63; }
  .deck__links { margin: 0; font-size: 15px; color: #5b6576; }
  .marking, .draft { font-weight: 700; font-size: 12px; letter-spacing: 0.06em; padding: 2px 8px; background: #3d4a63; color: #fff; }
  ${[...used].map(([name, colours]) => `.${name} { background: ${colours.background}; color: ${colours.text}; }`).join(' ')}
  .draft { background: #ffd400; color: #000; }
  .empty, .earlier__note { color: #5b6576; }
  h2.earlier { font-size: 20px; margin: 40px 0 4px; }
  .earlier__note { margin: 0 0 16px; }
`;
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${textDirection(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefdeck">
<title>${escapeHtml(labels.text('briefings'))}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${escapeHtml(labels.text('briefings'))}</h1>
${currentSection}${earlierSection}
</main>
</body>
</html>
`;
  return withContentSecurityPolicy(html, indexPagePolicy(style));
}

/** A class for a banner's colours (`banner-c8102e-ffffff`), noted in `used` for the stylesheet. */
function colourClass(colours: BannerColours, used: Map<string, BannerColours>): string {
  const name = `banner-${colours.background.slice(1)}-${colours.text.slice(1)}`;
  used.set(name, colours);
  return name;
}
