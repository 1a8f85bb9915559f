/**
 * One base error for everything a user can cause or fix, and a class per stage. Stages throw these;
 * only the CLI prints them (one line each) and picks the exit code, from EXIT_CODES.
 */
export interface Location {
  /** Path as the user gave it (relative to the working directory when possible). */
  file: string;
  /** 1-based line number, when the problem has one. */
  line?: number;
}

/**
 * Every exit code of the CLI, with what it means and which errors end with it. cli/main.ts and
 * cli/signals.ts take their codes from here; README.md's table is this one (test/errors.test.ts
 * checks that each error class exits with the code of its row).
 */
export const EXIT_CODES = {
  success: { code: 0, meaning: 'success', errors: '' },
  input: {
    code: 1,
    meaning:
      'bad input: a content file, the config file, a template, an article to draft, shard records that cannot be merged, a file or folder that is in the way; nothing was written for it',
    errors: 'ContentError, ConfigError, TemplateError, DraftError, ProjectError, ServeError, InstallError, ShardError',
  },
  usage: {
    code: 2,
    meaning: 'a usage error: an unknown command or option, an empty path, a number out of range',
    errors: "commander's",
  },
  pdf: {
    code: 3,
    meaning: 'no browser, or a PDF failed to print: the HTML decks are written',
    errors: 'PdfError',
  },
  output: { code: 4, meaning: 'the output folder or file cannot be written', errors: 'OutputError' },
  internal: {
    code: 70, // EX_SOFTWARE in sysexits.h
    meaning: 'an internal error: a bug (please report it with the --debug output)',
    errors: 'any other',
  },
  SIGHUP: { code: 129, meaning: 'the terminal closed (128 + the signal number)', errors: '' },
  SIGINT: { code: 130, meaning: 'interrupted by Ctrl-C (128 + 2)', errors: '' },
  SIGTERM: { code: 143, meaning: 'killed with SIGTERM (128 + 15)', errors: '' },
} as const;

export class BriefdeckError extends Error {
  override name = 'BriefdeckError';
  /** Exit code the CLI uses for this kind of failure. */
  readonly exitCode: number = EXIT_CODES.input.code;

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

/** Content files: finding them, front matter, sections, markdown, images. */
export class ContentError extends BriefdeckError {
  override name = 'ContentError';
}

/** The project's config file (briefdeck.config.yaml, --config). */
export class ConfigError extends BriefdeckError {
  override name = 'ConfigError';
}

/** Templates: manifest, Handlebars syntax, partials, options. */
export class TemplateError extends BriefdeckError {
  override name = 'TemplateError';
}

/** `briefdeck draft`: the article it reads, and the content file it writes. */
export class DraftError extends BriefdeckError {
  override name = 'DraftError';
}

/** `briefdeck init` and `briefdeck new`: the folder or briefing they create. */
export class ProjectError extends BriefdeckError {
  override name = 'ProjectError';
}

/** `briefdeck serve`: the port to listen on. */
export class ServeError extends BriefdeckError {
  override name = 'ServeError';
}

/** `briefdeck index`: shard records it cannot merge (a shard missing or doubled, a slug in two shards, a partial artifact). */
export class ShardError extends BriefdeckError {
  override name = 'ShardError';
}

/** briefdeck's own installation: a font package or reveal.js missing, damaged or of another version. */
export class InstallError extends BriefdeckError {
  override name = 'InstallError';
}

/** Writing to the output folder. */
export class OutputError extends BriefdeckError {
  override name = 'OutputError';
  override readonly exitCode: number = EXIT_CODES.output.code;
}

/** Finding or launching a browser, printing a PDF. */
export class PdfError extends BriefdeckError {
  override name = 'PdfError';
  override readonly exitCode: number = EXIT_CODES.pdf.code;
}

/**
 * How bad a failure is for a batch: least first. A batch whose briefings fail in different ways
 * exits with the code of the worst, so the code does not depend on the order of the files:
 * an output folder that cannot be written (it may stop every deck, and the fix is not in the
 * content) over a briefing that was not built over a PDF that was not printed. Exit 3 so keeps
 * its promise that every HTML deck was written; stderr has a line for every failure. Chosen
 * over a code of its own for "several kinds failed": a script still learns which fix comes first.
 */
const SEVERITY: readonly number[] = [EXIT_CODES.pdf.code, EXIT_CODES.input.code, EXIT_CODES.output.code];

/** The exit code of a batch that ended with these errors (0 for none): the worst, in SEVERITY's order. */
export function batchExitCode(errors: readonly BriefdeckError[]): number {
  const codes = errors.map((error) => error.exitCode);
  return codes.reduce(
    (worst, code) => (SEVERITY.indexOf(code) > SEVERITY.indexOf(worst) ? code : worst),
    codes[0] ?? EXIT_CODES.success.code,
  );
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
