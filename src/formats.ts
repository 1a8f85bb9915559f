/**
 * The output formats a build can write, by the names the config file's `formats:` list uses, and the
 * BuildOptions each one sets. The command line has one flag per format (--pptx, --png, --no-pdf …, as
 * Marp CLI has): each takes its own argument (a paper size, a scale), and they add to the formats the
 * config file lists, so `formats: [pdf, pptx]` in the config with `--png` on the command line writes all
 * three, and `--no-pdf` drops the PDF from either.
 */
import type { BuildOptions } from './build/batch.js';
import type { HandoutSize } from './pdf/handout.js';

export const FORMAT_NAMES = [
  'pdf',
  'handout',
  'pptx',
  'png',
  'thumbnails',
  'contact-sheet',
  'script',
  'single-file',
] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/** The BuildOptions of the formats a build writes; `pdf: false` unless listed. */
export type FormatOptions = Pick<
  BuildOptions,
  'pdf' | 'handout' | 'pptx' | 'png' | 'scale' | 'thumbnails' | 'contactSheet' | 'script' | 'singleFile'
>;

/** What a `formats:` list means: exactly these formats, on `paper` (handout, contact sheet) and at `scale` (png). */
export function formatOptions(
  formats: readonly FormatName[],
  { paper = 'a4', scale }: { paper?: HandoutSize; scale?: number } = {},
): FormatOptions {
  const has = (name: FormatName) => formats.includes(name);
  return {
    pdf: has('pdf'),
    handout: has('handout') ? paper : false,
    pptx: has('pptx'),
    png: has('png'),
    scale,
    thumbnails: has('thumbnails'),
    contactSheet: has('contact-sheet') ? paper : false,
    script: has('script'),
    singleFile: has('single-file'),
  };
}
