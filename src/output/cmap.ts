import { brotliDecompressSync } from 'node:zlib';

/**
 * The code points a WOFF2 font has glyphs for, read from its `cmap` table.
 * A @font-face `unicode-range` only says which characters a subset is *meant*
 * for: Noto Sans SC's ranges list hangul it has no glyphs for, and a Latin
 * subset's range spans all of General Punctuation. The cmap says what the
 * font really draws.
 *
 * WOFF2 (https://www.w3.org/TR/WOFF2/): a 48-byte header, a table directory
 * of variable-length entries, then every table in one Brotli stream, stored
 * one after another in directory order. The cmap table is never transformed,
 * so it is read as in any OpenType font (https://learn.microsoft.com/typography/opentype/spec/cmap).
 */
export function woff2CodePoints(woff2: Uint8Array): CodePointSet {
  const font = Buffer.from(woff2.buffer, woff2.byteOffset, woff2.byteLength);
  if (font.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a WOFF2 font');
  const numTables = font.readUInt16BE(12);
  const compressedLength = font.readUInt32BE(20);
  let at = 48;
  const readBase128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = font[at++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128');
  };
  let cmap: { offset: number; length: number } | undefined;
  let offset = 0;
  for (let i = 0; i < numTables; i++) {
    const flags = font[at++]!;
    const tagIndex = flags & 0x3f;
    if (tagIndex === 63) at += 4; // an explicit tag follows
    const transform = flags >> 6;
    const origLength = readBase128();
    // glyf (10) and loca (11) are transformed unless their version is 3; any other table only when its version is not 0.
    const transformed = tagIndex === 10 || tagIndex === 11 ? transform !== 3 : transform !== 0;
    const length = transformed ? readBase128() : origLength;
    if (tagIndex === 0) cmap = { offset, length }; // index 0 of the known tags is cmap
    offset += length;
  }
  if (!cmap) throw new Error('no cmap table');
  const tables = brotliDecompressSync(font.subarray(at, at + compressedLength));
  return cmapCodePoints(tables.subarray(cmap.offset, cmap.offset + cmap.length));
}

/** Sorted, disjoint inclusive ranges of code points, with a binary-search lookup. */
export class CodePointSet {
  constructor(private readonly ranges: Array<[number, number]>) {}

  has(codePoint: number): boolean {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, end] = this.ranges[mid]!;
      if (codePoint < start) high = mid - 1;
      else if (codePoint > end) low = mid + 1;
      else return true;
    }
    return false;
  }
}

/** Reads the best Unicode subtable: format 12 (all planes) if there is one, else format 4 (BMP). */
function cmapCodePoints(cmap: Buffer): CodePointSet {
  const count = cmap.readUInt16BE(2);
  const subtables: number[] = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode) subtables.push(cmap.readUInt32BE(8 + i * 8));
  }
  const format12 = subtables.find((offset) => cmap.readUInt16BE(offset) === 12);
  if (format12 !== undefined) return format12Ranges(cmap, format12);
  const format4 = subtables.find((offset) => cmap.readUInt16BE(offset) === 4);
  if (format4 !== undefined) return format4Ranges(cmap, format4);
  throw new Error('no Unicode cmap subtable');
}

function format12Ranges(cmap: Buffer, offset: number): CodePointSet {
  const groups = cmap.readUInt32BE(offset + 12);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < groups; i++) {
    const group = offset + 16 + i * 12;
    ranges.push([cmap.readUInt32BE(group), cmap.readUInt32BE(group + 4)]);
  }
  return new CodePointSet(merge(ranges));
}

/** Format 4 maps a code point to glyph 0 (.notdef, a box) when it has no glyph, so each code point is checked. */
function format4Ranges(cmap: Buffer, offset: number): CodePointSet {
  const segments = cmap.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const ranges: Array<[number, number]> = [];
  for (let s = 0; s < segments; s++) {
    const start = cmap.readUInt16BE(starts + s * 2);
    const end = cmap.readUInt16BE(ends + s * 2);
    const delta = cmap.readUInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let codePoint = start; codePoint <= end && codePoint !== 0xffff; codePoint++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (codePoint + delta) & 0xffff;
      else {
        const index = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) ranges.push([codePoint, codePoint]);
    }
  }
  return new CodePointSet(merge(ranges));
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
