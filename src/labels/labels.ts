import { LABEL_KEYS, type LabelKey, type LabelText } from './keys.js';
import { labelSetFor } from './sets.js';

/** Labels a project or a briefing writes itself, over the language's set: key → text (or plural forms). */
export type LabelOverrides = Partial<Record<LabelKey, LabelText>>;

export interface LabelChoice {
  /** The briefing's language tag (front matter `lang`). */
  lang: string;
  /** `latin` keeps 0–9 in languages whose default digits are others (Arabic in Egypt, Persian, …). */
  digits?: 'latin' | 'native';
  /** Later layers win: the project config's labels for this language, then the briefing's own. */
  overrides?: LabelOverrides[];
}

/**
 * The words and formats of one briefing's language: every label (its language's, then the overrides),
 * and numbers and dates through Intl in the briefing's locale (a citation's separators are labels).
 */
export class Labels {
  /** The Intl locale: the briefing's tag, with `-u-nu-latn` for `digits: latin` and the Gregorian calendar unless the tag names one. */
  readonly locale: string;
  readonly lang: string;
  private readonly texts: Record<LabelKey, LabelText>;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;

  constructor({ lang, digits, overrides = [] }: LabelChoice) {
    this.lang = lang;
    this.locale = intlLocale(lang, digits);
    this.texts = Object.assign({}, labelSetFor(lang).labels, ...overrides);
    this.plurals = new Intl.PluralRules(this.locale);
    this.numbers = new Intl.NumberFormat(this.locale, { useGrouping: false });
    this.dates = new Intl.DateTimeFormat(this.locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }

  /** A label with its `{placeholders}` filled; a `count` picks the plural form. Numbers are written in the locale's digits. */
  text(key: LabelKey, params: Record<string, string | number> = {}): string {
    const label = this.texts[key];
    const form = typeof label === 'string' ? label : pluralForm(label, this.plurals, params.count);
    return form.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? this.number(value) : value;
    });
  }

  /** Every label as plain text (the plural labels in their `other` form), for templates' `labels` object. */
  get all(): Record<LabelKey, string> {
    return Object.fromEntries(LABEL_KEYS.map((key) => [key, this.text(key)])) as Record<LabelKey, string>;
  }

  /** 12 → "12", "١٢" or "۱۲" as the locale writes it (no grouping: slide and item numbers). */
  number(value: number): string {
    return this.numbers.format(value);
  }

  /**
   * 2026-11-29 → "29 November 2026", "29 نوفمبر 2026", "2026年11月29日": the briefing's own date,
   * with no time zone shift. Plain `en` reads day-month-year as in most briefing styles; `en-US`
   * gets its own order.
   */
  date(iso: string): string {
    return this.dates.format(new Date(`${iso}T00:00:00Z`));
  }
}

/**
 * Briefings date to the Gregorian day their front matter names, so the calendar is Gregorian unless the
 * tag asks for another (`fa-IR-u-ca-persian`): Intl would otherwise give Persian and Pashto the Solar
 * Hijri calendar. Plain `en` reads day-month-year (en-GB).
 */
function intlLocale(lang: string, digits: LabelChoice['digits']): string {
  const locale = new Intl.Locale(lang === 'en' ? 'en-GB' : lang);
  return new Intl.Locale(locale.baseName, {
    calendar: locale.calendar ?? 'gregory',
    ...(digits === 'latin'
      ? { numberingSystem: 'latn' }
      : locale.numberingSystem
        ? { numberingSystem: locale.numberingSystem }
        : {}),
    ...(locale.hourCycle ? { hourCycle: locale.hourCycle } : {}),
  }).toString();
}

function pluralForm(label: Exclude<LabelText, string>, rules: Intl.PluralRules, count: unknown): string {
  return (typeof count === 'number' ? label[rules.select(count)] : undefined) ?? label.other;
}
