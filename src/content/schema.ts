import * as v from 'valibot';
import { anyMap, isUnknownKey, issueMessage, issuePath, objectInput, oneOf } from '../validation.js';
import { ContentError } from '../errors.js';
import type { BriefingMeta, Warning } from './model.js';
import type { RawFrontMatter } from './frontmatter.js';
import { impossibleDate } from './dates.js';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

const DATE_FORMAT = 'must be a date written YYYY-MM-DD, e.g. 2026-11-29';

/** YAML 1.2 keeps dates as strings (yaml.ts turns tags like !!timestamp away), so a date is a YYYY-MM-DD string of a real day. */
const isoDate = v.pipe(
  v.string((issue) => `${DATE_FORMAT}, not ${describeValue(issue.input)}`),
  v.trim(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, DATE_FORMAT),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? impossibleDate(dataset.value) : undefined;
    if (problem) addIssue({ message: `is not a real date: ${problem}` });
  }),
);

/** A value the user wrote where a date belongs, as they would recognise it: "a list", "the number 20261129". */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list (remove the [ ])';
  if (typeof value === 'number') return `the number ${value} (write the dashes)`;
  if (value === null) return 'an empty value';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value === 'object' ? 'a map' : typeof value;
}

/** Slugs name folders and files (<slug>/<slug>.pdf): kept well below file systems' 255-byte names. */
export const MAX_SLUG_LENGTH = 80;

/** TLP 2.0 labels (FIRST). Anything else starting with "TLP:" is a mistake; other text is a free marking. */
export const TLP_LABELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];

const marking = v.pipe(
  text,
  v.rawTransform(({ dataset: { value }, addIssue, NEVER }) => {
    const tlp = /^tlp\s*:\s*(.*)$/i.exec(value);
    if (!tlp) return value;
    const label = `TLP:${tlp[1]!.toUpperCase().replace(/\s+/g, '')}`;
    if (TLP_LABELS.includes(label)) return label;
    addIssue({
      message:
        label === 'TLP:WHITE'
          ? 'must be TLP:CLEAR, not TLP:WHITE (renamed in TLP 2.0)'
          : `must be a TLP 2.0 label, not ${value}`,
    });
    return NEVER;
  }),
);

const URL_MESSAGE = 'must be an http(s) URL';
const httpUrl = v.pipe(
  v.string(URL_MESSAGE),
  v.trim(),
  v.check((url) => /^https?:\/\//i.test(url) && URL.canParse(url), URL_MESSAGE),
  // The URL parser skips tabs and newlines inside a URL; drop them from the value too, so it is the URL that was checked.
  v.transform((url) => url.replace(/[\t\n\r]/g, '')),
);

const sourceSchema = v.object({
  title: text,
  author: v.optional(text),
  publisher: v.optional(text),
  url: v.optional(httpUrl),
  date: v.optional(isoDate),
  credit: v.optional(text),
  license: v.optional(text),
  note: v.optional(text),
});

const transition = oneOf(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']);

/**
 * reveal.js settings a briefing may change. Layout settings (size, margin,
 * centring) and print settings stay with the template, so they are not here.
 */
export const revealSchema = v.partial(
  v.strictObject({
    transition,
    transitionSpeed: oneOf(['default', 'fast', 'slow']),
    backgroundTransition: transition,
    controls: v.boolean(),
    progress: v.boolean(),
    slideNumber: v.union([v.boolean(), oneOf(['h.v', 'h/v', 'c', 'c/t'])]),
    hash: v.boolean(),
    history: v.boolean(),
    keyboard: v.boolean(),
    overview: v.boolean(),
    touch: v.boolean(),
    loop: v.boolean(),
    mouseWheel: v.boolean(),
    fragments: v.boolean(),
    help: v.boolean(),
    pause: v.boolean(),
    autoSlide: v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0)),
    autoSlideStoppable: v.boolean(),
    navigationMode: oneOf(['default', 'linear', 'grid']),
    controlsTutorial: v.boolean(),
  }),
);

export const frontMatterSchema = v.object({
  title: text,
  subtitle: v.optional(text),
  date: v.optional(isoDate),
  author: v.optional(text),
  organization: v.optional(text),
  marking: v.optional(marking),
  source: v.optional(v.pipe(objectInput(), sourceSchema)),
  keywords: v.optional(v.array(text), []),
  /** A machine-made draft (briefdeck draft): every slide says so, and empty sections are allowed. */
  draft: v.optional(v.boolean(), false),
  template: v.optional(text),
  options: v.optional(anyMap(), {}),
  reveal: v.optional(v.pipe(objectInput(), revealSchema), {}),
  lang: v.optional(
    v.pipe(v.string(), v.check(isLanguageTag, 'must be a language tag such as en, en-GB or fa-AF')),
    'en',
  ),
  slug: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes'),
      v.maxLength(
        MAX_SLUG_LENGTH,
        (issue) => `is ${(issue.input as string).length} characters long: at most ${MAX_SLUG_LENGTH}`,
      ),
    ),
  ),
});

export type FrontMatter = v.InferInput<typeof frontMatterSchema>;

const HINTS: Record<string, string> = {
  title: 'write e.g. title: "ISKP plot in Moscow"',
  date: 'write the date as YYYY-MM-DD',
  'source.date': 'write the date as YYYY-MM-DD',
  source: 'source needs at least a title, e.g. source: { title: "…", publisher: "…" }',
  keywords: 'write keywords as a list, e.g. keywords: [ISKP, Russia]',
  options: 'options is a map of template option names to values',
  slug: `use lower-case letters, digits and dashes, at most ${MAX_SLUG_LENGTH} characters; or leave slug out to derive it from the file name`,
  reveal: `reveal.js settings allowed here: ${Object.keys(revealSchema.entries).join(', ')}`,
  marking: `use one of ${TLP_LABELS.join(', ')}, or free text such as UNCLASSIFIED`,
  lang: 'write a BCP 47 language tag, e.g. lang: en, lang: ar (Arabic) or lang: fa-AF (Dari)',
};

export interface ValidatedFrontMatter {
  meta: BriefingMeta;
  slug?: string;
  lines: { template?: number; slug?: number; options: Record<string, number> };
  warnings: Warning[];
}

/** Validates raw front matter into `BriefingMeta`; errors name the line of the offending key. */
export function validateFrontMatter(raw: RawFrontMatter, file: string): ValidatedFrontMatter {
  const result = v.safeParse(frontMatterSchema, raw.data, { message: issueMessage });
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    if (isUnknownKey(issue)) {
      // Only `reveal:` is strict: a misspelt reveal.js setting would otherwise do nothing.
      throw new ContentError(
        `front matter: "${path.join('.')}" is not a reveal.js setting briefdeck passes on`,
        HINTS.reveal!,
        { file, line: raw.lineOf(path) },
      );
    }
    const field = path.join('.');
    const missing = issue.kind === 'schema' && getIn(raw.data, path) === undefined; // valibot's issue for a missing key
    const what = missing
      ? `front matter: "${field}" is required`
      : `front matter: "${field}" ${plainMessage(issue.message)}`;
    throw new ContentError(what, HINTS[field] ?? HINTS[path[0] ?? ''] ?? 'see the content format in README.md', {
      file,
      line: raw.lineOf(path),
    });
  }
  const { slug, ...meta } = result.output;
  const lines = {
    template: 'template' in raw.data ? raw.lineOf(['template']) : undefined,
    slug: 'slug' in raw.data ? raw.lineOf(['slug']) : undefined,
    options: Object.fromEntries(Object.keys(meta.options).map((key) => [key, raw.lineOf(['options', key])])),
  };
  return { meta: { ...meta, dir: textDirection(meta.lang) }, slug, lines, warnings: unknownKeyWarnings(raw, file) };
}

/** A well-formed BCP 47 tag, as the Intl APIs that format the deck's dates accept it. */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** `rtl` for Arabic, Dari, Pashto, Urdu, Hebrew… (from the language tag, via ICU), else `ltr`. */
function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    // Node 20's V8 has the `textInfo` getter; later versions replace it with getTextInfo().
    const locale = new Intl.Locale(lang) as Intl.Locale & {
      textInfo?: { direction?: string };
      getTextInfo?: () => { direction?: string };
    };
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr'; // not reached for tags the schema accepted; kept so that rendering never fails on direction
  }
}

function plainMessage(message: string): string {
  // issueMessage says "Invalid input: expected string, received array"; make it read as part of a sentence.
  const m = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (m) return `should be ${article(m[1]!)}, not ${article(m[2]!)}`;
  return /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function getIn(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    data,
  );
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
  check(raw.data, Object.keys(frontMatterSchema.entries), []);
  check(raw.data.source, Object.keys(sourceSchema.entries), ['source']);
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
