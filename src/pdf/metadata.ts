import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
}

/**
 * Chromium only sets the PDF title (from <title>); the rest comes from here.
 * Dates follow SOURCE_DATE_EPOCH when it is set, so builds can be reproducible.
 */
export async function setMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  if (metadata.subject) doc.setSubject(metadata.subject);
  if (metadata.keywords.length) doc.setKeywords(metadata.keywords);
  doc.setCreator('briefdeck');
  doc.setProducer('briefdeck (Chromium, pdf-lib)');
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}
