// finishPdf on a real PDF (made with pdf-lib, no browser): document info, reproducible dates, and the outline.
import { PDFDict, PDFDocument, type PDFHexString, PDFName, type PDFNumber, type PDFRef } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/metadata.js';

async function blankPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([960, 540]);
  return doc.save();
}

/** The outline as `title -> page` lines (0-based page), indented per level; `closed` marks a negative Count. */
function readOutline(doc: PDFDocument): string[] {
  const pageOf = (dest: unknown) => {
    const ref = (dest as { get(i: number): PDFRef }).get(0);
    return doc.getPages().findIndex((page) => page.ref === ref);
  };
  const walk = (first: PDFRef | undefined, depth: number): string[] => {
    const lines: string[] = [];
    for (let ref = first; ref; ) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = (item.get(PDFName.of('Title')) as PDFHexString).decodeText();
      const count = item.get(PDFName.of('Count')) as PDFNumber | undefined;
      const closed = count && count.asNumber() < 0 ? ' (closed)' : '';
      lines.push(`${'  '.repeat(depth)}${title} -> ${pageOf(item.get(PDFName.of('Dest')))}${closed}`);
      lines.push(...walk(item.get(PDFName.of('First')) as PDFRef | undefined, depth + 1));
      ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
    }
    return lines;
  };
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return outlines ? walk(outlines.get(PDFName.of('First')) as PDFRef, 0) : [];
}

describe('finishPdf', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('writes title, author, subject, keywords, creator and producer, and counts the pages', async () => {
    const { bytes, pages } = await finishPdf(await blankPdf(3), {
      title: 'ISKP — تهدید',
      author: 'Analyst',
      subject: 'Bottom line',
      keywords: ['ISKP', 'Moscow'],
    });
    expect(pages).toBe(3);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect({
      title: doc.getTitle(),
      author: doc.getAuthor(),
      subject: doc.getSubject(),
      keywords: doc.getKeywords(),
      creator: doc.getCreator(),
      producer: doc.getProducer(),
    }).toEqual({
      title: 'ISKP — تهدید',
      author: 'Analyst',
      subject: 'Bottom line',
      keywords: 'ISKP Moscow',
      creator: 'briefdeck',
      producer: 'briefdeck (Chromium, pdf-lib)',
    });
    expect(doc.getPageCount()).toBe(3);
    expect(readOutline(doc)).toEqual([]);
  });

  it('leaves out what the briefing does not have', async () => {
    const doc = await PDFDocument.load((await finishPdf(await blankPdf(1), { title: 'T', keywords: [] })).bytes, {
      updateMetadata: false,
    });
    expect([doc.getAuthor(), doc.getSubject(), doc.getKeywords()]).toEqual([undefined, undefined, undefined]);
  });

  it('dates the PDF by SOURCE_DATE_EPOCH, so the same input gives the same bytes', async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    const input = await blankPdf(2);
    const one = await finishPdf(input, { title: 'Same', keywords: ['k'] }, [{ title: 'A', page: 0, children: [] }]);
    const two = await finishPdf(input, { title: 'Same', keywords: ['k'] }, [{ title: 'A', page: 0, children: [] }]);
    expect(Buffer.from(two.bytes).equals(Buffer.from(one.bytes))).toBe(true);
    const doc = await PDFDocument.load(one.bytes, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('writes the bookmarks as an outline (children closed) that opens shown, pages clamped to the last one', async () => {
    const { bytes } = await finishPdf(await blankPdf(4), { title: 'Deck', keywords: [] }, [
      { title: 'Deck', page: 0, children: [] },
      {
        title: 'Recommendations',
        page: 1,
        children: [
          { title: 'Recommendations (1/2)', page: 1, children: [] },
          { title: 'Recommendations (2/2)', page: 2, children: [] },
        ],
      },
      { title: 'Sources — مصادر', page: 9, children: [] },
    ]);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(readOutline(doc)).toEqual([
      'Deck -> 0',
      'Recommendations -> 1 (closed)',
      '  Recommendations (1/2) -> 1',
      '  Recommendations (2/2) -> 2',
      'Sources — مصادر -> 3',
    ]);
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect((outlines.get(PDFName.of('Count')) as PDFNumber).asNumber()).toBe(3);
  });
});
