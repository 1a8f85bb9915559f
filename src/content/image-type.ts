/**
 * The image types content may use, by extension and by the bytes the file
 * starts with. Both must agree: a text file renamed `.png` is refused here
 * rather than shown as a broken image in the deck and the PDF.
 *
 * SVG is allowed as a plain drawing only (content/svg.ts): in the deck it is
 * shown through <img src>, where browsers run nothing, but its copy can also
 * be opened by its own URL.
 */
export type ImageType = 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'SVG';

export const IMAGE_EXTENSIONS: Record<string, ImageType> = {
  '.png': 'PNG',
  '.jpg': 'JPEG',
  '.jpeg': 'JPEG',
  '.gif': 'GIF',
  '.webp': 'WebP',
  '.svg': 'SVG',
};

/** What the bytes say the file is, or undefined when they match no allowed type. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'PNG';
  if (starts(0xff, 0xd8, 0xff)) return 'JPEG';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'GIF';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (looksLikeSvg(bytes)) return 'SVG';
  return undefined;
}

/** An <svg> root element near the start, after an optional BOM, XML declaration, comments or doctype. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const prolog = /^\s*(?:<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i.exec(head)![0];
  return /^<svg[\s>]/i.test(head.slice(prolog.length));
}
