import { ContentError } from '../errors.js';
import {
  anything,
  boolean,
  type InferInput,
  integer,
  list,
  map,
  object,
  oneOf,
  optional,
  partial,
  problemKey,
  refine,
  reject,
  sentence,
  string,
  unknownKeysAre,
  validate,
} from '../validate.js';
import { BRIEFING_TYPES, type BriefingMeta, type BriefingType, type Warning } from './model.js';
import type { RawFrontMatter } from './frontmatter.js';
import { impossibleDate } from './dates.js';
import { closest } from '../did-you-mean.js';
import { digitsSchema, isLanguageTag, labelOverridesSchema } from '../labels/index.js';

const text = refine(string(), (value) => value.trim() || reject('must not be empty'));

const DATE_FORMAT = 'must be a date written YYYY-MM-DD, e.g. 2026-11-29';

/** YAML 1.2 keeps dates as strings (yaml.ts turns tags like !!timestamp away), so a date is a YYYY-MM-DD string of a real day. */
const isoDate = refine(
  string((input) => `${DATE_FORMAT}, not ${describeValue(input)}`),
  (value) => {
    const date = value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return reject(DATE_FORMAT);
    const problem = impossibleDate(date);
    return problem ? reject(`is not a real date: ${problem}`) : date;
  },
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

const marking = refine(text, (value) => {
  const tlp = /^tlp\s*:\s*(.*)$/i.exec(value);
  if (!tlp) return value;
  const label = `TLP:${tlp[1]!.toUpperCase().replace(/\s+/g, '')}`;
  if (TLP_LABELS.includes(label)) return label;
  return reject(
    label === 'TLP:WHITE'
      ? 'must be TLP:CLEAR, not TLP:WHITE (renamed in TLP 2.0)'
      : `must be a TLP 2.0 label, not ${value}`,
  );
});

/** `type:`, with the nearest type for a misspelt one (`decison`). */
const briefingType = refine(string(), (value): BriefingType | ReturnType<typeof reject> => {
  const type = value.trim().toLowerCase();
  if ((BRIEFING_TYPES as readonly string[]).includes(type)) return type as BriefingType;
  const guess = closest(type, [...BRIEFING_TYPES]);
  return reject(
    `must be ${BRIEFING_TYPES.slice(0, -1).join(', ')} or ${BRIEFING_TYPES.at(-1)}, not "${value}"${guess ? ` — did you mean "${guess}"?` : ''}`,
  );
});

const URL_MESSAGE = 'must be an http(s) URL';
const httpUrl = refine(
  string(() => URL_MESSAGE),
  (value) => {
    const url = value.trim();
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return reject(URL_MESSAGE);
    // The URL parser skips tabs and newlines inside a URL; drop them from the value too, so it is the URL that was checked.
    return url.replace(/[\t\n\r]/g, '');
  },
);

/** Unknown keys of `source:` and of the front matter itself are warnings (a "did you mean"), not errors. */
const sourceSchema = object(
  {
    title: text,
    author: optional(text),
    publisher: optional(text),
    url: optional(httpUrl),
    date: optional(isoDate),
    credit: optional(text),
    license: optional(text),
    note: optional(text),
  },
  { unknown: 'ignore' },
);

const transition = oneOf(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']);

/**
 * reveal.js settings a briefing may change. Layout settings (size, margin,
 * centring) and print settings stay with the template, so they are not here.
 * An unknown key is an error: a misspelt reveal.js setting would otherwise do nothing.
 */
export const revealSchema = object(
  partial({
    transition,
    transitionSpeed: oneOf(['default', 'fast', 'slow']),
    backgroundTransition: transition,
    controls: boolean(),
    progress: boolean(),
    slideNumber: oneOf([true, false, 'h.v', 'h/v', 'c', 'c/t']),
    hash: boolean(),
    history: boolean(),
    keyboard: boolean(),
    overview: boolean(),
    touch: boolean(),
    loop: boolean(),
    mouseWheel: boolean(),
    fragments: boolean(),
    help: boolean(),
    pause: boolean(),
    autoSlide: integer({ min: 0 }),
    autoSlideStoppable: boolean(),
    navigationMode: oneOf(['default', 'linear', 'grid']),
    controlsTutorial: boolean(),
  }),
);

export const frontMatterSchema = object(
  {
    title: text,
    /** article (the default: a source and its author's recommendations), information, or decision. */
    type: optional(briefingType, 'article'),
    subtitle: optional(text),
    date: optional(isoDate),
    author: optional(text),
    organization: optional(text),
    marking: optional(marking),
    source: optional(sourceSchema),
    keywords: optional(list(text), []),
    /** A machine-made draft (briefdeck draft): every slide says so, and empty sections are allowed. */
    draft: optional(boolean(), false),
    template: optional(text),
    options: optional(map(anything()), {}),
    reveal: optional(revealSchema, {}),
    lang: optional(
      refine(string(), (tag) =>
        isLanguageTag(tag) ? tag : reject('must be a language tag such as en, en-GB or fa-AF'),
      ),
      'en',
    ),
    /** The briefing's own words for briefdeck's labels (labels/en.yaml names them). */
    labels: optional(labelOverridesSchema),
    /** `latin` writes numbers and dates with 0–9 in a language whose own digits are others. */
    digits: optional(oneOf(digitsSchema)),
    slug: optional(
      refine(string(), (slug) =>
        !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)
          ? reject('must be lower-case letters, digits and single dashes')
          : slug.length > MAX_SLUG_LENGTH
            ? reject(`is ${slug.length} characters long: at most ${MAX_SLUG_LENGTH}`)
            : slug,
      ),
    ),
  },
  { unknown: 'ignore' },
);

export type FrontMatter = InferInput<typeof frontMatterSchema>;

const HINTS: Record<string, string> = {
  title: 'write e.g. title: "ISKP plot in Moscow"',
  type: "article reads out a source and its author's recommendations, information recommends nothing, decision sets out options and your recommendation",
  date: 'write the date as YYYY-MM-DD',
  'source.date': 'write the date as YYYY-MM-DD',
  source: 'source needs at least a title, e.g. source: { title: "…", publisher: "…" }',
  keywords: 'write keywords as a list, e.g. keywords: [ISKP, Russia]',
  options: 'options is a map of template option names to values',
  slug: `use lower-case letters, digits and dashes, at most ${MAX_SLUG_LENGTH} characters; or leave slug out to derive it from the file name`,
  reveal: `reveal.js settings allowed here: ${Object.keys(revealSchema.fields).join(', ')}`,
  marking: `use one of ${TLP_LABELS.join(', ')}, or free text such as UNCLASSIFIED`,
  labels: 'name a label of labels/en.yaml and your text, e.g. labels: { bottomLine: "En bref" }',
  digits: "digits is latin (0–9) or native (the language's own digits)",
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
  const result = validate(frontMatterSchema, raw.data);
  if (!result.ok) {
    const problem = result.problems[0]!;
    // Unknown keys are errors only in `reveal:` (elsewhere they are warnings, below).
    const what =
      problem.kind === 'unknown'
        ? `${unknownKeysAre(problem, ['a reveal.js setting', 'reveal.js settings'])} briefdeck passes on`
        : `"${problem.path.join('.')}" ${sentence(problem)}`;
    throw new ContentError(
      `front matter: ${what}`,
      HINTS[problem.path.join('.')] ?? HINTS[problem.path[0] ?? ''] ?? 'see the content format in README.md',
      { file, line: raw.lineOf(problemKey(problem)) },
    );
  }
  const { slug, ...meta } = result.value;
  const lines = {
    template: 'template' in raw.data ? raw.lineOf(['template']) : undefined,
    slug: 'slug' in raw.data ? raw.lineOf(['slug']) : undefined,
    options: Object.fromEntries(Object.keys(meta.options).map((key) => [key, raw.lineOf(['options', key])])),
  };
  return {
    meta: { ...meta, dir: textDirection(meta.lang) },
    slug,
    lines,
    warnings: unknownKeyWarnings(result.ignored, raw, file),
  };
}

/** `rtl` for Arabic, Dari, Pashto, Urdu, Hebrew… (from the language tag, via ICU), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
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

/** An unknown key of the front matter or of `source:` is ignored, with a "did you mean" among the keys known there. */
function unknownKeyWarnings(ignored: string[][], raw: RawFrontMatter, file: string): Warning[] {
  return ignored.map((path) => {
    const known = Object.keys(path.length > 1 ? sourceSchema.fields : frontMatterSchema.fields);
    const guess = closest(path.at(-1)!, known);
    return {
      file,
      line: raw.lineOf(path),
      message: `unknown front matter field "${path.join('.')}" is ignored${guess ? ` — did you mean "${guess}"?` : ''}`,
    };
  });
}
