import { describe, expect, it } from 'vitest';
import { contactGrid, contactPngFiles } from '../../src/pdf/contact-sheet.js';

describe('contactGrid', () => {
  it('puts a deck of up to 12 slides on one sheet, at most four across', () => {
    for (let slides = 1; slides <= 12; slides++) {
      const { columns, rows } = contactGrid(slides);
      expect(columns * rows, `${slides} slides`).toBeGreaterThanOrEqual(slides);
      expect(columns, `${slides} slides: no more across than legible`).toBeLessThanOrEqual(4);
    }
    expect(contactGrid(4)).toEqual({ columns: 2, rows: 2 });
    expect(contactGrid(9)).toEqual({ columns: 3, rows: 3 });
    expect(contactGrid(10)).toEqual({ columns: 4, rows: 3 });
  });

  it('gives a longer deck 12 slides a sheet', () => {
    expect(contactGrid(30)).toEqual({ columns: 4, rows: 3 });
  });
});

describe('contactPngFiles', () => {
  it('names the first sheet <slug>-contact.png and the next ones -2, -3 …', () => {
    expect(contactPngFiles('/o/x/x-contact.png', 3)).toEqual([
      '/o/x/x-contact.png',
      '/o/x/x-contact-2.png',
      '/o/x/x-contact-3.png',
    ]);
  });
});
