import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'puppeteer-core';
import type { BriefingMeta } from '../content/model.js';
import type { Marking } from '../content/marking.js';
import type { Labels } from '../labels/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import { packagePath } from '../paths.js';
import { timerSafe } from '../timers.js';
import { withDeckTab } from './deck-tab.js';
import type { HandoutSize } from './handout.js';
import { finishPdf } from './metadata.js';
import { markingColours } from './page-marking.js';
import { screenshotInFront } from './screenshot.js';

const CONTACT_LAYOUT = readFileSync(packagePath('runtime', 'contact-layout.js'), 'utf8');

/** Landscape paper, in mm. */
const PAPER: Record<HandoutSize, { width: number; height: number }> = {
  a4: { width: 297, height: 210 },
  letter: { width: 279.4, height: 215.9 },
};

/** The PNGs' pixels per CSS px: 192 dpi, enough to read a slide's headline and bullets on screen. */
export const CONTACT_PNG_SCALE = 2;

/** What printing a contact sheet needs: the deck's HTML (laid out with its scripts off), where the files go, the header's text. */
export interface ContactSheetJob {
  htmlFile: string;
  pdfFile: string;
  /** The first sheet's picture; the next sheets' go beside it as <name>-2.png, <name>-3.png … (contactPngFiles). */
  pngFile: string;
  meta: BriefingMeta;
  /** The words of the briefing's language (RenderedDeck.labels). */
  labels: Labels;
  /** The marking with its colours, as the deck has it (RenderedDeck.marking). */
  marking?: Marking;
  slides: number;
  paper: HandoutSize;
}

export interface ContactSheet {
  pdfFile: string;
  /** One per sheet, the first sheet's first. */
  pngFiles: string[];
  /** Sheets (PDF pages). */
  pages: number;
  /** The PDF's bytes, and all the PNGs'. */
  bytes: number;
  pngBytes: number;
}

/**
 * Slides per sheet: the whole deck on one sheet up to 12 slides, each as large as its count allows
 * (1, 2×1, 2×2, 3×2, 3×3, 4×3 columns × rows); beyond that 12 a sheet, 4×3. Four across on a landscape
 * A4 page draws a 1280 px slide about 6.5 cm wide: its headline still reads; five would not.
 */
export function contactGrid(slides: number): { columns: number; rows: number } {
  if (slides <= 1) return { columns: 1, rows: 1 };
  if (slides <= 2) return { columns: 2, rows: 1 };
  if (slides <= 4) return { columns: 2, rows: 2 };
  if (slides <= 6) return { columns: 3, rows: 2 };
  if (slides <= 9) return { columns: 3, rows: 3 };
  return { columns: 4, rows: 3 };
}

/** The PNG of each sheet: `x-contact.png`, then `x-contact-2.png`, `x-contact-3.png` …. */
export function contactPngFiles(pngFile: string, sheets: number): string[] {
  return Array.from({ length: sheets }, (_, i) => (i === 0 ? pngFile : pngFile.replace(/\.png$/, `-${i + 1}.png`)));
}

/**
 * Writes <slug>-contact.pdf, every slide of the deck (vector, its text selectable) numbered on landscape
 * sheets with the title, date, marking and page number, and a PNG of each sheet: screenshots of the same
 * laid-out page in print media, so the picture is the PDF page.
 */
export async function printContactSheet(browser: Browser, job: ContactSheetJob, wait = 60_000): Promise<ContactSheet> {
  const timeout = timerSafe(wait);
  const { meta, paper, labels } = job;
  return withDeckTab(browser, job.htmlFile, 'the contact sheet', timeout, async ({ page, layOut }) => {
    const size = PAPER[paper];
    const viewport = { width: Math.round(mm(size.width)), height: Math.round(mm(size.height)) };
    await page.setViewport({ ...viewport, deviceScaleFactor: CONTACT_PNG_SCALE });
    await page.emulateMediaType('print');
    const { marking } = job;
    await layOut(CONTACT_LAYOUT, 'briefdeckContact', {
      paper: size,
      ...contactGrid(job.slides),
      title: meta.title,
      details: [
        meta.date ? labels.date(meta.date) : undefined,
        labels.text('slideCount', { count: job.slides }),
      ].filter(Boolean),
      footer: [labels.text('contactSheet'), meta.author, meta.organization].filter(Boolean),
      marking: marking?.text ? { text: marking.text, ...markingColours(marking) } : null,
      draft: marking?.draft ? marking.draftNotice : null,
    });
    const pdf = await page.pdf({ timeout, preferCSSPageSize: true, printBackground: true, tagged: true });
    const { bytes, pages } = await finishPdf(pdf, {
      title: labels.text('contactSheetPdfTitle', { title: meta.title }),
      author: meta.author ?? meta.organization,
      subject: meta.subtitle,
      keywords: meta.keywords,
    });
    const pngFiles = contactPngFiles(job.pngFile, pages);
    const pngs: Uint8Array[] = [];
    for (const index of pngFiles.keys()) pngs.push(await screenshotSheet(page, index, viewport, timeout));
    await writeAll([...pngFiles.map((file, index) => ({ file, bytes: pngs[index]! })), { file: job.pdfFile, bytes }]);
    const pngBytes = pngs.reduce((sum, png) => sum + png.byteLength, 0);
    return { pdfFile: job.pdfFile, pngFiles, pages, bytes: bytes.byteLength, pngBytes };
  });
}

/**
 * Writes the sheet's files once all are made, and none of them when one cannot be written (a folder in
 * the way): a PDF without its pictures, or pictures of another sheet, would be left behind unnamed.
 */
async function writeAll(files: { file: string; bytes: Uint8Array }[]): Promise<void> {
  try {
    for (const { file, bytes } of files) await writeFileAtomic(file, bytes);
  } catch (error) {
    await Promise.all(files.map(({ file }) => rm(file, { force: true }).catch(() => undefined)));
    throw error;
  }
}

/** CSS px (96 an inch) in `length` mm. */
function mm(length: number): number {
  return (length * 96) / 25.4;
}

/** A picture of sheet `index` alone (the others hidden), at the top of the page. */
async function screenshotSheet(
  page: Page,
  index: number,
  size: { width: number; height: number },
  timeout: number,
): Promise<Uint8Array> {
  await page.evaluate((shown) => {
    const { briefdeckContactSheets: sheets } = window as unknown as { briefdeckContactSheets: HTMLElement[] };
    for (const [i, sheet] of sheets.entries()) sheet.classList.toggle('contact__sheet--hidden', i !== shown);
  }, index);
  return screenshotInFront(page, { x: 0, y: 0, ...size }, timeout);
}
