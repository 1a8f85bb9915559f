import { ContentError, type BriefdeckErrorClass } from '../errors.js';

/**
 * A file's bytes as text, refusing what is not UTF-8 text: UTF-16, NUL bytes
 * (binary files), invalid UTF-8; at the line of the first bad byte. Errors
 * are `ErrorClass` (ContentError for content, ConfigError for the config);
 * `expected` says what the file should be.
 */
export function decodeText(
  bytes: Buffer,
  file: string,
  expected = 'content files are UTF-8 markdown text',
  ErrorClass: BriefdeckErrorClass = ContentError,
): string {
  if (isUtf16(bytes)) {
    throw new ErrorClass(
      'the file is UTF-16 text, not UTF-8',
      'save it as UTF-8 (most editors: "Save with encoding" → UTF-8; Windows Notepad: Save as → Encoding: UTF-8)',
      { file, line: 1 },
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new ErrorClass('the file contains NUL bytes (is it binary?)', expected, {
      file,
      line: lineAt(bytes, nul),
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ErrorClass(
      'the file is not valid UTF-8',
      'save it as UTF-8 (most editors: "Save with encoding")',
      { file, line: firstInvalidLine(bytes) },
      { cause: error },
    );
  }
}

/**
 * UTF-16, as Windows Notepad's "Unicode" saves: a byte order mark, or (without
 * one) text whose characters are mostly ASCII and so have a NUL byte each,
 * always on the same side. Binary files have NULs anywhere.
 */
function isUtf16(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 1024);
  const nuls = [0, 0]; // at even and at odd offsets
  sample.forEach((byte, i) => {
    if (byte === 0) nuls[i % 2]!++;
  });
  const [even, odd] = nuls as [number, number];
  const pairs = Math.floor(sample.length / 2);
  return pairs >= 2 && Math.max(even, odd) >= pairs * 0.3 && Math.min(even, odd) * 10 <= Math.max(even, odd);
}

/** The first line whose bytes are not UTF-8 (lines split on the byte 0x0A, which UTF-8 never uses inside a character). */
function firstInvalidLine(bytes: Buffer): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(10, start);
    const stop = end < 0 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return undefined;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}
