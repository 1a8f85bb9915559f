import path from 'node:path';
import type { BuiltDeck } from './briefing.js';
import type { OutputStage } from './outputs.js';
import type { ContactSheetJob } from '../pdf/contact-sheet.js';
import type { HandoutSize } from '../pdf/handout.js';

/**
 * `--contact-sheet`: <slug>-contact.pdf, every slide numbered on landscape sheets (pdf/contact-sheet.ts),
 * and <slug>-contact.png, the first sheet as a picture (<slug>-contact-2.png … the next sheets'), printed
 * from the deck in its folder.
 */
export const contactSheetOutput: OutputStage<'contactSheet'> = {
  name: 'contactSheet',
  label: 'contact',
  phase: 'printed',
  wanted: (options) => Boolean(options.contactSheet),
  write: async (built, _dir, { pool, options, run }) => {
    if (!pool) throw new Error('the contact sheet stage runs with the print pool');
    const { printContactSheet } = await import('../pdf/contact-sheet.js');
    const job = contactSheetJob(built, options.contactSheet || 'a4');
    return { output: await pool.run((tab) => printContactSheet(tab.browser, job, options.timeout), run) };
  },
  files: (sheet) => [sheet.pdfFile, ...sheet.pngFiles],
  movedTo: (sheet, dir) => ({
    ...sheet,
    pdfFile: path.join(dir, path.basename(sheet.pdfFile)),
    pngFiles: sheet.pngFiles.map((file) => path.join(dir, path.basename(file))),
  }),
  record: (sheet) => ({
    contactSheet: path.basename(sheet.pdfFile),
    contactSheetPng: path.basename(sheet.pngFiles[0]!),
  }),
  planned: ({ slug }) => ({ contactSheet: contactName(slug, '.pdf'), contactSheetPng: contactName(slug, '.png') }),
  size: (sheet) => ({ bytes: sheet.bytes, count: sheet.pages === 1 ? '1 page' : `${sheet.pages} pages` }),
  json: (sheet) => ({
    file: sheet.pdfFile,
    pages: sheet.pages,
    bytes: sheet.bytes,
    png: sheet.pngFiles,
    pngBytes: sheet.pngBytes,
  }),
};

/** What printing the deck's contact sheet needs; printed from the deck in its folder (after any staging). */
function contactSheetJob(built: BuiltDeck, paper: HandoutSize): ContactSheetJob {
  const { deck, rendered } = built;
  return {
    htmlFile: deck.htmlFile,
    pdfFile: path.join(deck.dir, contactName(deck.slug, '.pdf')),
    pngFile: path.join(deck.dir, contactName(deck.slug, '.png')),
    meta: rendered.briefing.meta,
    labels: rendered.labels,
    marking: rendered.marking,
    slides: rendered.slides.length,
    paper,
  };
}

const contactName = (slug: string, extension: '.pdf' | '.png') => `${slug}-contact${extension}`;
