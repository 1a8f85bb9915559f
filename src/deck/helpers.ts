import type Handlebars from 'handlebars';
import { impossibleDate } from '../content/dates.js';
import { renderInline } from '../content/markdown.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * 2026-11-29 → "29 November 2026" (the briefing's own date, with no time zone
 * shift), in the briefing's language: `ar` gives "29 نوفمبر 2026". Plain `en`
 * reads day-month-year as in most briefing styles; `en-US` gets its own order.
 */
export function formatDate(iso: string, lang = 'en'): string {
  const locale = lang === 'en' ? 'en-GB' : lang;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * What each helper gives, for the field check (deck/fields.ts): `text` is plain text, printed with
 * {{ }} only; `either` may be printed both ways: markdown's result is sanitized HTML in a SafeString
 * (never escaped), json's is JSON for a script block ({{{ }}}) or an attribute ({{ }}).
 */
export const HELPER_RESULTS: Record<string, 'text' | 'either'> = {
  formatDate: 'text',
  eq: 'text',
  json: 'either',
  markdown: 'either',
};
export const HELPER_NAMES = Object.keys(HELPER_RESULTS);

/** Helpers every template can use (templates cannot add their own: a template is markup, not code). Keep them small and pure: templates are the place for markup. */
export function registerHelpers(hbs: typeof Handlebars): void {
  /** 2026-11-29 → "29 November 2026", in the language of the briefing being rendered (`meta.lang`). */
  hbs.registerHelper('formatDate', (iso: unknown, options: Handlebars.HelperOptions) =>
    // An impossible date (an option value, say) is shown as written: Date would roll 2026-02-30 over to 2 March.
    typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) && !impossibleDate(iso)
      ? formatDate(iso, (options.data?.root as { meta?: { lang?: string } })?.meta?.lang)
      : iso,
  );
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
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null).replace(/</g, '\\u003c'));
}
