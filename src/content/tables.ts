import type { Tokens } from 'marked';

/**
 * Numeric table columns: a column whose every non-empty body cell is a
 * number, a percentage, an amount of money or a range of those is numeric; its
 * cells get the class `num` (right-aligned, with tabular figures, unless the
 * markdown's delimiter row aligns the column itself: `:---`, `:---:`, `---:`).
 * Digits of any script count (\p{Nd}), so an Arabic or Devanagari table is read the same.
 */
const CURRENCY = '[$€£¥₹₽₺₩₪¢]';
const AMOUNT = String.raw`[-+−±~≈]?\s*(?:${CURRENCY}\s*)?\p{Nd}(?:[\p{Nd}.,'\u00a0\u202f\u2009 ]*\p{Nd})?\s*(?:%|‰|${CURRENCY}|[kKMBT]|bn|mn|tn)?`;
const NUMERIC = new RegExp(String.raw`^\(?${AMOUNT}\)?(?:\s*[-–—]\s*${AMOUNT})?$`, 'u');

export function isNumericText(text: string): boolean {
  return NUMERIC.test(text.trim());
}

/** A table cell the renderer gives the class `num`. */
export interface NumericCell extends Tokens.TableCell {
  numeric?: boolean;
}

/** Marks the header and body cells of the table's numeric columns. */
export function markNumericColumns(table: Tokens.Table): void {
  table.header.forEach((_, column) => {
    const cells = table.rows.map((row) => row[column]?.text.trim() ?? '').filter(Boolean);
    if (cells.length === 0 || !cells.every(isNumericText)) return;
    for (const cell of [table.header[column], ...table.rows.map((row) => row[column])])
      if (cell) (cell as NumericCell).numeric = true;
  });
}
