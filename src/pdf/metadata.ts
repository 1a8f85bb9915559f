import type { PDFDocument, PDFRef } from 'pdf-lib';
import { buildDate } from '../source-date.js';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
}

/** A PDF bookmark: a title, the 0-based page it opens, and bookmarks under it. */
export interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/**
 * Chromium only sets the PDF title (from <title>); the rest comes from here,
 * with the bookmarks (outline). Dates follow SOURCE_DATE_EPOCH when it is set,
 * so that the same input gives byte-identical PDFs.
 */
export async function finishPdf(
  pdf: Uint8Array,
  metadata: PdfMetadata,
  bookmarks: Bookmark[] = [],
): Promise<{ bytes: Uint8Array; pages: number }> {
  const lib = await loadPdfLib();
  const doc = await lib.PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  if (metadata.subject) doc.setSubject(metadata.subject);
  if (metadata.keywords.length) doc.setKeywords(metadata.keywords);
  doc.setCreator('briefdeck');
  doc.setProducer('briefdeck (Chromium, pdf-lib)');
  const date = buildDate();
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  if (bookmarks.length) addOutline(lib, doc, bookmarks);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}

type PdfLib = typeof import('pdf-lib');
let pdfLib: Promise<PdfLib> | undefined;

/**
 * pdf-lib takes ~0.25 s to import: load it once, and early (see preloadPdfLib),
 * while the browser works, rather than on the way from page.pdf() to the file.
 */
function loadPdfLib(): Promise<PdfLib> {
  // pdf-lib is CommonJS: depending on the loader its exports arrive as the namespace or as its default.
  pdfLib ??= import('pdf-lib').then((mod) =>
    'PDFDocument' in mod ? mod : (mod as unknown as { default: PdfLib }).default,
  );
  return pdfLib;
}

export function preloadPdfLib(): void {
  loadPdfLib().catch(() => undefined);
}

/**
 * Writes the outline dictionaries (PDF 1.7, 12.3.3) by hand: pdf-lib has no API
 * for them. Each item links to its page with /Fit; the document opens with the
 * bookmarks panel shown. Not Puppeteer's `page.pdf({ outline: true })`: it is
 * experimental, Chromium builds that outline from the page's headings (h1–h6)
 * rather than from the deck's sections and slides, and for long it worked only
 * in the old headless mode (https://github.com/puppeteer/puppeteer/issues/12360,
 * https://issues.chromium.org/issues/41387522).
 */
function addOutline(lib: PdfLib, doc: PDFDocument, bookmarks: Bookmark[]): void {
  const { PDFHexString, PDFName, PDFNumber } = lib;
  const pages = doc.getPages();
  const context = doc.context;
  const outlineRef = context.nextRef();

  const addLevel = (items: Bookmark[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const page = pages[Math.min(item.page, pages.length - 1)]!;
      const dict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [page.ref, PDFName.of('Fit')],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children.length) {
        const sub = addLevel(item.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(-sub.count)); // negative: shown closed
      }
      context.assign(refs[i]!, dict);
      count += 1;
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };

  const top = addLevel(bookmarks, outlineRef);
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
