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
  return `${where}${what}${hint ? ` — ${hint}` : ''}`;
}
