import type Handlebars from 'handlebars';
import { impossibleDate } from '../content/dates.js';
import { renderInline } from '../content/markdown.js';
import { isLabelKey, Labels } from '../labels/index.js';

/** A deck's Labels, on the data its layout renders with (a symbol, so no template path reaches it). */
export const LABELS = Symbol('labels');

const plainLabels = new Map<string, Labels>();

/**
 * 2026-11-29 → "29 November 2026" (the briefing's own date, with no time zone shift), in a language
 * with no label overrides: `ar` gives "29 نوفمبر 2026". A deck's own outputs use its `Labels.date`.
 */
export function formatDate(iso: string, lang = 'en'): string {
  if (!plainLabels.has(lang)) plainLabels.set(lang, new Labels({ lang }));
  return plainLabels.get(lang)!.date(iso);
}

/** JSON for a <script type="application/json"> block: `<` is escaped so that no value can close the element. */
export function escapeScriptJson(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/</g, '\\u003c');
}

/**
 * What each helper gives, for the field check (deck/fields.ts): `text` is plain text, printed with
 * {{ }} only; `either` may be printed both ways: markdown's result is sanitized HTML in a SafeString
 * (never escaped), json's is JSON for a script block ({{{ }}}) or an attribute ({{ }}).
 */
export const HELPER_RESULTS: Record<string, 'text' | 'either'> = {
  formatDate: 'text',
  formatNumber: 'text',
  t: 'text',
  eq: 'text',
  json: 'either',
  markdown: 'either',
};
export const HELPER_NAMES = Object.keys(HELPER_RESULTS);

/** Helpers every template can use (templates cannot add their own: a template is markup, not code). Keep them small and pure: templates are the place for markup. */
export function registerHelpers(hbs: typeof Handlebars): void {
  const labelsOf = (options: Handlebars.HelperOptions): Labels | undefined =>
    (options.data?.root as { [LABELS]?: Labels } | undefined)?.[LABELS];
  /** 2026-11-29 → "29 November 2026", in the language (and digits) of the briefing being rendered. */
  hbs.registerHelper('formatDate', (iso: unknown, options: Handlebars.HelperOptions) =>
    // An impossible date (an option value, say) is shown as written: Date would roll 2026-02-30 over to 2 March.
    typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) && !impossibleDate(iso)
      ? (labelsOf(options)?.date(iso) ?? formatDate(iso))
      : iso,
  );
  /** 12 → "12", "١٢" or "۱۲": a number in the briefing's digits. */
  hbs.registerHelper('formatNumber', (value: unknown, options: Handlebars.HelperOptions) =>
    typeof value === 'number' ? (labelsOf(options)?.number(value) ?? String(value)) : value,
  );
  /**
   * `{{t "slideNumber" number=number total=@root.slides.length}}`: a label in the briefing's
   * language, its {placeholders} filled from the hash (numbers in the briefing's digits). Named `t`
   * as in i18n libraries, and because a helper named like a field (`label`) hides that field.
   */
  hbs.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => {
    const labels = labelsOf(options);
    if (typeof key !== 'string' || !isLabelKey(key) || !labels) return '';
    return labels.text(key, options.hash as Record<string, string | number>);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  /** Inline markdown in a plain-text field (e.g. a subtitle with *emphasis*), sanitized like all content. */
  hbs.registerHelper(
    'markdown',
    (text: unknown) => new hbs.SafeString(typeof text === 'string' ? renderInline(text) : ''),
  );
  /**
   * JSON for a <script type="application/json"> block. `<` is escaped so that
   * no value can close the script element.
   */
  hbs.registerHelper('json', (value: unknown) => escapeScriptJson(value));
}
