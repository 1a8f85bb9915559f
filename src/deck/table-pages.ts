import { Parser } from 'htmlparser2';

/**
 * A table too long for one slide continues on the next, like a long list:
 * the first table of a body's HTML (one not inside another element) with more
 * body rows than `maxRows` is cut into pages of rows split evenly (13 rows with
 * a limit of 7 give 7+6), each page with the table's header row. What comes
 * before the table is on the first page, what follows it on the last.
 * Returns undefined when no table is too long. The HTML is the sanitizer's
 * output (well-formed), so cutting it at the parser's tag offsets keeps it so.
 */
export function tablePages(html: string, maxRows: number): string[] | undefined {
  const table = firstTopLevelTable(html);
  if (!table || table.rows.length <= maxRows) return undefined;
  const count = Math.ceil(table.rows.length / Math.max(1, maxRows));
  const size = Math.ceil(table.rows.length / count);
  const head = html.slice(table.start, table.rows[0]!.start);
  const tail = html.slice(table.rows.at(-1)!.end, table.end);
  return Array.from({ length: count }, (_, index) => {
    const rows = table.rows.slice(index * size, (index + 1) * size);
    const body = html.slice(rows[0]!.start, rows.at(-1)!.end);
    const before = index === 0 ? html.slice(0, table.start) : '';
    const after = index === count - 1 ? html.slice(table.end) : '';
    return `${before}${head}${body}${tail}${after}`.trim();
  });
}

interface Span {
  start: number;
  end: number;
}

/** Where the first top-level <table> starts and ends, and where each row of its <tbody> does. */
function firstTopLevelTable(html: string): (Span & { rows: Span[] }) | undefined {
  const open: string[] = [];
  let table: (Span & { rows: Span[] }) | undefined;
  let done = false;
  let rowStart = -1;
  const parser: Parser = new Parser(
    {
      onopentag: (name) => {
        if (done) return;
        if (name === 'table' && open.length === 0) table = { start: parser.startIndex, end: -1, rows: [] };
        if (table && name === 'tr' && open.at(-1) === 'tbody' && open.length === 2) rowStart = parser.startIndex;
        open.push(name);
      },
      onclosetag: (name) => {
        if (done) return;
        open.pop();
        if (!table) return;
        if (name === 'tr' && rowStart >= 0 && open.length === 2) {
          table.rows.push({ start: rowStart, end: parser.endIndex + 1 });
          rowStart = -1;
        }
        if (name === 'table' && open.length === 0) {
          table.end = parser.endIndex + 1;
          done = true;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return table && table.end > 0 && table.rows.length > 0 ? table : undefined;
}
