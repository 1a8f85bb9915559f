/**
 * HTML → blocks. The main article is found by Mozilla's Readability (the Firefox reader view)
 * on a linkedom document, which drops navigation, ads, share buttons, related links and scripts.
 * Metadata (headline, author, site, canonical URL, date, figure credits) is read from the page
 * itself, since Readability keeps only part of it.
 */

import { afterAttributionDash } from '../../content/attribution.js';
import { absorbLine, classifyLine, emptyMeta, findDate, squash } from './lines.js';
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
  const meta = pageMeta(page);
  const dropped: string[] = [];

  // Readability changes the document it reads, so it gets a copy of its own.
  const copy = parseHTML(source).document;
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
  meta.author ??= clean(article?.byline)?.replace(/^by\s+/i, '');
  meta.publisher ??= clean(article?.siteName);
  meta.date ??= article?.publishedTime ? findDate(article.publishedTime)?.date : undefined;

  const blocks: Block[] = [];
  let listId = 0;
  const push = (block: Block) => {
    if (block.kind !== 'heading' && block.kind !== 'quote') {
      const header = blocks.filter((b) => b.kind !== 'heading').length < 1;
      if (absorbLine(meta, dropped, classifyLine(block.text, header), block.text)) return;
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

function pageMeta(doc: Document): ArticleMeta {
  const meta = emptyMeta();
  meta.lang = clean(doc.documentElement?.getAttribute('lang'));
  const content = (selector: string) => clean(doc.querySelector(selector)?.getAttribute('content'));
  const h1 = clean(doc.querySelector('article h1, main h1, h1')?.textContent);
  meta.title =
    content('meta[property="og:title"]') ??
    h1 ??
    content('meta[name="twitter:title"]') ??
    clean(doc.querySelector('title')?.textContent)?.replace(/\s+[|–—-]\s+[^|–—-]+$/, '');
  meta.author =
    content('meta[name="author"]') ??
    content('meta[property="article:author"]')?.replace(/^https?:.*$/, '') ??
    undefined;
  if (!meta.author) {
    const byline = clean(doc.querySelector('[rel="author"], .byline, .author, [itemprop="author"]')?.textContent);
    if (byline) meta.author = byline.replace(/^by\s+/i, '');
  }
  meta.publisher = content('meta[property="og:site_name"]') ?? content('meta[name="publisher"]');
  const url =
    clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? content('meta[property="og:url"]');
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  const published =
    content('meta[property="article:published_time"]') ??
    content('meta[name="date"]') ??
    content('meta[itemprop="datePublished"]') ??
    clean(doc.querySelector('time[datetime]')?.getAttribute('datetime')) ??
    clean(doc.querySelector('time')?.textContent);
  if (published) meta.date = findDate(published)?.date;
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
