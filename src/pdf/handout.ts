import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import type { BriefingMeta } from '../content/model.js';
import { escapeHtml } from '../html-text.js';
import type { Marking } from '../content/marking.js';
import type { Labels } from '../labels/index.js';
import { citationDetails } from '../deck/citation.js';
import { writeFileAtomic } from '../atomic-write.js';
import { timerSafe } from '../timers.js';
import { markingColours } from './page-marking.js';
import { finishPdf } from './metadata.js';
import type { PrintResult } from './print.js';
import { withDeckTab } from './deck-tab.js';
import { packagePath } from '../paths.js';

export type HandoutSize = 'a4' | 'letter';

const HANDOUT_LAYOUT = readFileSync(packagePath('runtime', 'handout-layout.js'), 'utf8');

/** Printable width in CSS px (96 per inch) of each paper size, less 15 mm margins each side. */
const PRINTABLE_WIDTH: Record<HandoutSize, number> = {
  a4: (210 - 30) * (96 / 25.4),
  letter: 8.5 * 96 - 2 * 15 * (96 / 25.4),
};

/** What printing a handout needs: the deck's HTML (printed with its scripts off), where the PDF goes, the cover's text. */
export interface HandoutJob {
  htmlFile: string;
  pdfFile: string;
  meta: BriefingMeta;
  /** The words of the briefing's language (RenderedDeck.labels), for the cover and the PDF's title. */
  labels: Labels;
  /** The marking with its colours, as the deck has it (RenderedDeck.marking). */
  marking?: Marking;
  slides: number;
  size: HandoutSize;
}

/**
 * Writes <slug>-handout.pdf: a read-ahead with every slide (vector, small) above
 * its speaker notes, the title, date and source first, the marking at the top
 * of every page and page numbers at the bottom.
 */
export async function printHandout(browser: Browser, job: HandoutJob, wait = 60_000): Promise<PrintResult> {
  const timeout = timerSafe(wait);
  const { meta, pdfFile, htmlFile, size, labels } = job;
  return withDeckTab(browser, htmlFile, 'the handout', timeout, async ({ page, blocked, layOut }) => {
    const source = meta.source;
    const cover = {
      title: meta.title,
      lines: [
        meta.subtitle,
        [meta.date ? labels.date(meta.date) : undefined, meta.author, meta.organization].filter(Boolean).join(' · '),
        source
          ? labels.text('handoutSource', {
              citation: `${[source.title, ...citationDetails(source, labels), source.url]
                .filter(Boolean)
                .join(labels.text('citationSeparator'))}${labels.text('citationEnd')}`,
            })
          : undefined,
        source?.credit,
        source?.note,
        labels.text('handoutSummary', { count: job.slides }),
      ].filter((line): line is string => Boolean(line)),
    };
    await layOut(HANDOUT_LAYOUT, 'briefdeckHandout', { width: Math.floor(PRINTABLE_WIDTH[size]), cover });
    const pdf = await page.pdf({
      timeout,
      format: size === 'a4' ? 'A4' : 'Letter',
      printBackground: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(job.marking),
      footerTemplate: `<div style="font: 9px sans-serif; width: 100%; text-align: center; color: #333;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
    });
    const { bytes, pages } = await finishPdf(pdf, {
      title: labels.text('handoutPdfTitle', { title: meta.title }),
      author: meta.author ?? meta.organization,
      subject: meta.subtitle,
      keywords: meta.keywords,
    });
    await writeFileAtomic(pdfFile, bytes);
    return { pdfFile, pages, bytes: bytes.byteLength, blockedRequests: [...new Set(blocked)], overflows: [] };
  });
}

/** Puppeteer's header: inline styles only (it is rendered apart from the page). */
function headerTemplate(marking: Marking | undefined): string {
  if (!marking) return '<div></div>';
  const { ink, background } = markingColours(marking);
  const label = marking.text
    ? `<span style="background: ${background}; color: ${ink}; padding: 1px 8px; font-weight: bold; letter-spacing: 0.06em;">${escapeHtml(marking.text)}</span>`
    : '';
  const draft = marking.draft
    ? `<span style="background: #ffd400; color: #000; padding: 1px 8px; font-weight: bold; margin-inline-end: 8px;">${escapeHtml(marking.draftNotice ?? '')}</span>`
    : '';
  return `<div style="font: 9px sans-serif; width: 100%; text-align: center; -webkit-print-color-adjust: exact; print-color-adjust: exact;">${draft}${label}</div>`;
}
