/**
 * One base error for everything a user can cause or fix. Stages throw these;
 * only the CLI prints them (one line each) and picks the exit code.
 */
export interface Location {
  /** Path as the user gave it (relative to the working directory when possible). */
  file: string;
  /** 1-based line number, when the problem has one. */
  line?: number;
}

export class BriefdeckError extends Error {
  override name = 'BriefdeckError';
  /** Exit code the CLI uses for this kind of failure. */
  readonly exitCode: number = 1;

  constructor(
    /** What is wrong, without the location. */
    readonly what: string,
    /** What to do about it. */
    readonly hint: string,
    readonly location?: Location,
    options?: { cause?: unknown },
  ) {
    super(formatMessage(what, hint, location), options);
  }
}

/** BriefdeckError or one of its subclasses, for code that serves several stages (YAML, file decoding). */
export type BriefdeckErrorClass = new (
  what: string,
  hint: string,
  location?: Location,
  options?: { cause?: unknown },
) => BriefdeckError;

/** Content files: front matter, sections, markdown. */
export class ContentError extends BriefdeckError {
  override name = 'ContentError';
}

/** Templates: manifest, Handlebars syntax, partials, options. */
export class TemplateError extends BriefdeckError {
  override name = 'TemplateError';
}

/** Writing to the output folder. */
export class OutputError extends BriefdeckError {
  override name = 'OutputError';
  override readonly exitCode: number = 4;
}

/** Finding or launching a browser, printing a PDF. */
export class PdfError extends BriefdeckError {
  override name = 'PdfError';
  override readonly exitCode: number = 3;
}

export function formatMessage(what: string, hint: string, location?: Location): string {
  const where = location ? `${location.file}${location.line ? `:${location.line}` : ''}: ` : '';
  return printable(`${where}${what}${hint ? ` — ${hint}` : ''}`);
}

/** A warning's one line: `file:line: warning: message`. */
export function formatWarning(warning: { file: string; line?: number; message: string }): string {
  return printable(`${warning.file}${warning.line ? `:${warning.line}` : ''}: warning: ${warning.message}`);
}

/**
 * Control characters written out as escapes (`\n`, `\u001b`), so that a
 * message stays one line and a file name or front-matter key cannot drive the
 * terminal: ESC sequences clear the screen or recolour it, CR and LF split or
 * overwrite a line, bidi overrides reorder what is read. Covers C0, DEL, C1,
 * the line/paragraph separators and the bidi controls (Trojan Source,
 * CVE-2021-42574). Every line briefdeck prints about a problem passes here.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
