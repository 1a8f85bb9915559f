/**
 * HTML → blocks. The main article is found by Mozilla's Readability (the Firefox reader view)
 * on a linkedom document, which drops navigation, ads, share buttons, related links and scripts.
 * Metadata (headline, author, site, canonical URL, date, figure credits) is read from the page
 * itself, since Readability keeps only part of it.
 */

import { afterAttributionDash } from '../../content/attribution.js';
import { absorbLine, classifyLine, emptyMeta, findDate, HIDDEN_ELEMENTS, parseByline, squash } from './lines.js';
import type { ArticleMeta, ArticleText, Block } from '../article.js';

// linkedom's types are loose; we use only standard DOM properties.
interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}
interface Element extends Node {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  remove(): void;
  innerHTML: string;
  className: string;
  id: string;
}
interface Document extends Element {
  title: string;
  body: Element | null;
  documentElement: Element;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'ASIDE',
  'FOOTER',
  'HEADER',
  'FIGURE',
  'IMG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'TABLE',
]);
const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'FIGCAPTION']);
const FURNITURE =
  /(?:^|[\s_-])(?:ad|ads|advert\w*|promo\w*|sponsor\w*|cookie\w*|consent|share|sharing|social|related|recommended|newsletter|subscribe|signup|comments?|sidebar|menu|nav\w*|breadcrumbs?|byline|kicker|tags?|most-read|popular)(?:$|[\s_-])/i;

export async function readHtml(source: string, file: string): Promise<ArticleText> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const page = parseHTML(source).document as unknown as Document;
  const linkedData = readLinkedData(page);
  removeHidden(page);
  const meta = pageMeta(page, linkedData);
  const dropped: string[] = [];

  // Readability changes the document it reads, so it gets a copy of its own.
  const copy = parseHTML(source).document;
  removeHidden(copy as unknown as Document);
  let article: {
    title?: string | null;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    content?: string | null;
  } | null = null;
  try {
    article = new Readability(copy as unknown as globalThis.Document, { charThreshold: 300 }).parse();
  } catch {
    article = null;
  }
  let root: Element | null = null;
  if (article?.content) {
    root = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`).document.body as unknown as Element;
  }
  if (!root || squash(root.textContent ?? '').length < 200) {
    // Readability found no article: fall back to the page body without its furniture.
    root = page.body ?? page.documentElement;
  }
  meta.title ??= clean(article?.title);
  const byline = article?.byline ? parseByline(article.byline) : undefined;
  meta.author ??= byline?.author || undefined;
  meta.publisher ??= clean(article?.siteName);
  meta.date ??= (article?.publishedTime ? findDate(article.publishedTime)?.date : undefined) ?? byline?.date;

  const blocks: Block[] = [];
  let listId = 0;
  const push = (block: Block) => {
    const header = blocks.filter((b) => b.kind !== 'heading').length < 1;
    if (block.kind !== 'heading' && block.kind !== 'quote') {
      if (absorbLine(meta, dropped, classifyLine(block.text, header), block.text)) return;
    } else if (block.kind === 'heading' && classifyLine(block.text, header)?.type === 'boilerplate') {
      dropped.push(block.text); // <h2>Related articles</h2>, <h3>Most read</h3>
      return;
    }
    // The headline repeated inside the article is not body text.
    if (block.kind === 'heading' && meta.title && block.text === meta.title && !blocks.length) return;
    blocks.push(block);
  };

  const walk = (node: Node, list?: { id: number; ordered: boolean }) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        // Loose text directly inside a container: a paragraph of its own.
        const text = squash(child.textContent ?? '');
        if (text.split(' ').length >= 8) push({ kind: 'paragraph', text });
      } else if (child.nodeType === 1) {
        visit(child as Element, list);
      }
    }
  };

  const visit = (element: Element, list?: { id: number; ordered: boolean }) => {
    const tag = element.tagName.toUpperCase();
    if (SKIP.has(tag) || FURNITURE.test(`${element.className ?? ''} ${element.id ?? ''}`)) return;
    if (tag === 'UL' || tag === 'OL') return walk(element, { id: ++listId, ordered: tag === 'OL' });
    if (!BLOCK.has(tag)) return walk(element, list);
    if (tag === 'BLOCKQUOTE') return quote(element);
    if (tag === 'LI') {
      push({ kind: 'item', text: ownText(element), list: list?.id ?? ++listId, ordered: list?.ordered ?? false });
      for (const child of Array.from(element.childNodes)) {
        if (child.nodeType === 1 && /^(?:UL|OL)$/i.test((child as Element).tagName)) visit(child as Element);
      }
      return;
    }
    const text = squash(element.textContent ?? '');
    if (!text) return;
    if (/^H[1-6]$/.test(tag)) push({ kind: 'heading', text, level: Number(tag[1]) });
    else push({ kind: 'paragraph', text });
  };

  const quote = (element: Element) => {
    const parts = Array.from(element.querySelectorAll('p'))
      .map((p) => squash(p.textContent ?? ''))
      .filter(Boolean);
    if (!parts.length) parts.push(squash(element.textContent ?? ''));
    const cite = element.querySelector('cite, footer');
    const cited = cite ? squash(cite.textContent ?? '') : undefined;
    let attribution = cited === undefined ? undefined : (afterAttributionDash(cited) ?? cited);
    const speaker = parts.length > 1 ? afterAttributionDash(parts[parts.length - 1]!) : undefined;
    if (!attribution && speaker) {
      attribution = speaker;
      parts.pop();
    } else if (attribution) {
      const at = parts.findIndex((p) => p.includes(attribution!));
      if (at > 0) parts.splice(at, 1);
    }
    const text = squash(parts.join(' '));
    if (text) blocks.push({ kind: 'quote', text, attribution });
  };

  walk(root);
  return { file, format: 'html', blocks, meta, dropped };
}

/** Text of a list item without its nested lists. */
function ownText(element: Element): string {
  const parts: string[] = [];
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 1 && /^(?:UL|OL)$/i.test((child as Element).tagName)) continue;
    parts.push(child.textContent ?? '');
  }
  return squash(parts.join(''));
}

function pageMeta(doc: Document, linkedData: LinkedData): ArticleMeta {
  let linked = linkedData;
  const meta = emptyMeta();
  meta.lang = clean(doc.documentElement?.getAttribute('lang'));
  const content = (selector: string) => clean(doc.querySelector(selector)?.getAttribute('content'));
  const h1 = clean(doc.querySelector('article h1, main h1, h1')?.textContent);
  // "Headline | Site", "Opinion | Headline | Site": the site is the last part, a kicker may lead.
  const titleTag = clean(doc.querySelector('title')?.textContent);
  const titleParts = titleTag?.split(/\s+[|–—]\s+|\s+-\s+(?=[^-]+$)/).map(squash) ?? [];
  const site = titleParts.length > 1 ? titleParts[titleParts.length - 1] : undefined;
  const titleCore =
    titleParts.length > 1 ? titleParts.slice(0, -1).reduce((a, b) => (b.length > a.length ? b : a)) : titleTag;
  // The first headline another source confirms (a page's JSON-LD may describe an advert, not the
  // article); without agreement, the first in this order.
  const headlines = [
    content('meta[property="og:title"]'),
    h1,
    linked.headline,
    content('meta[name="twitter:title"]'),
    titleCore,
  ].filter((t): t is string => Boolean(t));
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  meta.title = headlines.find((t, i) => headlines.some((u, j) => j !== i && same(t, u))) ?? headlines[0];
  // JSON-LD whose headline is not the page's is about something else: none of it is used.
  if (linked.headline && meta.title && !same(linked.headline, meta.title)) linked = {};
  // Every place a page names its author; each goes through the byline reader, so that
  // "Helena Voss, Senior Fellow … Published 14 October 2026 · 6 min read" gives the name and the date.
  const fields = [
    content('meta[name="author"]'),
    content('meta[property="article:author"]')?.replace(/^https?:.*$/, ''),
    linked.author,
  ];
  const elements = ['[rel="author"]', '[itemprop="author"]', '.byline', '.author', 'address'].map((selector) =>
    clean(doc.querySelector(selector)?.textContent),
  );
  let bylineDate: string | undefined;
  for (const [i, text] of [...fields, ...elements].entries()) {
    if (!text) continue;
    const byline = parseByline(text, i < fields.length + 2); // rel=author and itemprop=author hold the name alone too
    bylineDate ??= byline?.date;
    if (byline?.author) {
      meta.author ??= byline.author;
    }
  }
  meta.publisher =
    content('meta[property="og:site_name"]') ??
    linked.publisher ??
    content('meta[name="publisher"]') ??
    content('meta[name="application-name"]') ??
    (site && titleCore && meta.title && same(titleCore, meta.title) ? site : undefined);
  const url =
    clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? content('meta[property="og:url"]');
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  const published =
    content('meta[property="article:published_time"]') ??
    linked.datePublished ??
    content('meta[name="date"]') ??
    content('meta[itemprop="datePublished"]') ??
    clean(doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime')) ??
    clean(doc.querySelector('time[datetime]')?.getAttribute('datetime')) ??
    clean(doc.querySelector('time')?.textContent);
  meta.date = (published ? findDate(published)?.date : undefined) ?? bylineDate;
  for (const caption of Array.from(doc.querySelectorAll('figcaption, .credit, .image-credit, .photo-credit'))) {
    const text = squash(caption.textContent ?? '');
    // Keep the credit, not the caption: "A wafer under light. Photo: Jane Doe / CC BY 4.0" → "Photo: Jane Doe / CC BY 4.0".
    const credit =
      /\b(?:photo|image|picture|illustration|credit)s?\b\s*:.*$/i.exec(text)?.[0] ??
      (/\bCC[- ]BY|wikimedia|getty|reuters|shutterstock/i.test(text) ? text : undefined);
    if (credit && !meta.credits.includes(credit)) meta.credits.push(credit);
  }
  return meta;
}

function clean(text: string | null | undefined): string | undefined {
  const value = text ? squash(text) : '';
  return value || undefined;
}

/** What a page's JSON-LD (schema.org NewsArticle and kin) says about the article. */
interface LinkedData {
  headline?: string;
  author?: string;
  publisher?: string;
  datePublished?: string;
}

/** Reads `<script type="application/ld+json">` before scripts are removed; broken JSON is ignored. */
function readLinkedData(doc: Document): LinkedData {
  const found: LinkedData = {};
  const name = (value: unknown): string | undefined => {
    const first = Array.isArray(value) ? value : [value];
    const names = first
      .map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v ? (v as { name?: unknown }).name : undefined))
      .filter((v): v is string => typeof v === 'string' && Boolean(v.trim()))
      .map(squash);
    return names.length ? names.join(' and ') : undefined;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const item = node as Record<string, unknown>;
    if (item['@graph']) visit(item['@graph']);
    const type = ([] as unknown[]).concat(item['@type'] ?? []).join(' ');
    if (!/Article|Posting|Report|BlogPosting|WebPage/i.test(type)) return;
    if (typeof item.headline === 'string') found.headline ??= clean(item.headline);
    found.author ??= name(item.author);
    found.publisher ??= name(item.publisher);
    if (typeof item.datePublished === 'string') found.datePublished ??= item.datePublished;
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Not JSON: a page's own mistake, not the reader's.
    }
  }
  return found;
}

/** Scripts, styles, templates and noscript fallbacks hold no article text (and a page may hide anything there). */
function removeHidden(doc: Document): void {
  for (const element of Array.from(doc.querySelectorAll(HIDDEN_ELEMENTS.join(', ')))) element.remove();
}
