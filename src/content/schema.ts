import { z } from 'zod';
import { ContentError } from '../errors.js';
import type { BriefingMeta, Warning } from './model.js';
import type { RawFrontMatter } from './frontmatter.js';

const text = z.string().trim().min(1, 'must not be empty');

/** YAML 1.2 keeps dates as strings; a Date only appears with explicit tags. Either way we store YYYY-MM-DD. */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) {
      ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD, e.g. 2026-11-29' });
      return z.NEVER;
    }
    return iso;
  });

/** TLP 2.0 labels (FIRST). Anything else starting with "TLP:" is a mistake; other text is a free marking. */
export const TLP_LABELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];

const marking = text.transform((value, ctx) => {
  const tlp = /^tlp\s*:\s*(.*)$/i.exec(value);
  if (!tlp) return value;
  const label = `TLP:${tlp[1]!.toUpperCase().replace(/\s+/g, '')}`;
  if (TLP_LABELS.includes(label)) return label;
  ctx.addIssue({
    code: 'custom',
    message: label === 'TLP:WHITE' ? 'must be TLP:CLEAR, not TLP:WHITE (renamed in TLP 2.0)' : `must be a TLP 2.0 label, not ${value}`,
  });
  return z.NEVER;
});

const sourceSchema = z.object({
  title: text,
  author: text.optional(),
  publisher: text.optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  date: isoDate.optional(),
  credit: text.optional(),
  license: text.optional(),
  note: text.optional(),
});

const transition = z.enum(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']);

/**
 * reveal.js settings a briefing may change. Layout settings (size, margin,
 * centring) and print settings stay with the template, so they are not here.
 */
export const revealSchema = z
  .object({
    transition,
    transitionSpeed: z.enum(['default', 'fast', 'slow']),
    backgroundTransition: transition,
    controls: z.boolean(),
    progress: z.boolean(),
    slideNumber: z.union([z.boolean(), z.enum(['h.v', 'h/v', 'c', 'c/t'])]),
    hash: z.boolean(),
    history: z.boolean(),
    keyboard: z.boolean(),
    overview: z.boolean(),
    touch: z.boolean(),
    loop: z.boolean(),
    mouseWheel: z.boolean(),
    fragments: z.boolean(),
    help: z.boolean(),
    pause: z.boolean(),
    autoSlide: z.number().int().min(0),
    autoSlideStoppable: z.boolean(),
    navigationMode: z.enum(['default', 'linear', 'grid']),
    controlsTutorial: z.boolean(),
  })
  .partial()
  .strict();

export const frontMatterSchema = z.object({
  title: text,
  subtitle: text.optional(),
  date: isoDate.optional(),
  author: text.optional(),
  organization: text.optional(),
  marking: marking.optional(),
  source: sourceSchema.optional(),
  keywords: z.array(text).default([]),
  /** A machine-made draft (briefdeck draft): every slide says so, and empty sections are allowed. */
  draft: z.boolean().default(false),
  template: text.optional(),
  options: z.record(z.string(), z.unknown()).default({}),
  reveal: revealSchema.default({}),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or en-GB')
    .default('en'),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes')
    .optional(),
});

export type FrontMatter = z.input<typeof frontMatterSchema>;

const HINTS: Record<string, string> = {
  title: 'write e.g. title: "ISKP plot in Moscow"',
  date: 'write the date as YYYY-MM-DD',
  source: 'source needs at least a title, e.g. source: { title: "…", publisher: "…" }',
  keywords: 'write keywords as a list, e.g. keywords: [ISKP, Russia]',
  options: 'options is a map of template option names to values',
  slug: 'or leave slug out to derive it from the file name',
  reveal: `reveal.js settings allowed here: ${Object.keys(revealSchema.shape).join(', ')}`,
  marking: `use one of ${TLP_LABELS.join(', ')}, or free text such as UNCLASSIFIED`,
};

export interface ValidatedFrontMatter {
  meta: BriefingMeta;
  slug?: string;
  lines: { template?: number; options: Record<string, number> };
  warnings: Warning[];
}

/** Validates raw front matter into `BriefingMeta`; errors name the line of the offending key. */
export function validateFrontMatter(raw: RawFrontMatter, file: string): ValidatedFrontMatter {
  const result = frontMatterSchema.safeParse(raw.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      // Only `reveal:` is strict: a misspelt reveal.js setting would otherwise do nothing.
      const key = [...issue.path.map(String), issue.keys[0]!];
      throw new ContentError(`front matter: "${key.join('.')}" is not a reveal.js setting briefdeck passes on`, HINTS['reveal']!, { file, line: raw.lineOf(key) });
    }
    const path = issue.path.map(String);
    const field = path.join('.');
    const missing = issue.code === 'invalid_type' && getIn(raw.data, path) === undefined;
    const what = missing ? `front matter: "${field}" is required` : `front matter: "${field}" ${plainMessage(issue.message)}`;
    throw new ContentError(what, HINTS[path[0] ?? ''] ?? 'see the content format in README.md', {
      file,
      line: raw.lineOf(issue.path),
    });
  }
  const { slug, ...meta } = result.data;
  const lines = {
    template: 'template' in raw.data ? raw.lineOf(['template']) : undefined,
    options: Object.fromEntries(Object.keys(meta.options).map((key) => [key, raw.lineOf(['options', key])])),
  };
  return { meta, slug, lines, warnings: unknownKeyWarnings(raw, file) };
}

function plainMessage(message: string): string {
  // zod says "Invalid input: expected string, received array"; make it read as part of a sentence.
  const m = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (m) return `should be ${article(m[1]!)}, not ${article(m[2]!)}`;
  return /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function getIn(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function unknownKeyWarnings(raw: RawFrontMatter, file: string): Warning[] {
  const warnings: Warning[] = [];
  const check = (data: unknown, known: string[], prefix: string[]) => {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return;
    for (const key of Object.keys(data)) {
      if (known.includes(key)) continue;
      const guess = closest(key, known);
      warnings.push({
        file,
        line: raw.lineOf([...prefix, key]),
        message: `unknown front matter field "${[...prefix, key].join('.')}" is ignored${guess ? ` — did you mean "${guess}"?` : ''}`,
      });
    }
  };
  check(raw.data, Object.keys(frontMatterSchema.shape), []);
  check(raw.data['source'], Object.keys(sourceSchema.shape), ['source']);
  return warnings;
}

/** The known name within edit distance 2 of `word`, if any. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
