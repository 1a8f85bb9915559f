import { closest } from '../did-you-mean.js';
import { anything, map, refine, reject } from '../validate.js';
import { LABEL_KEYS, type LabelText, isLabelKey } from './keys.js';

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A label's text, or its plural forms (`{ one: "{count} slide", other: "{count} slides" }`). */
const labelText = refine(anything(), (value): LabelText | ReturnType<typeof reject> => {
  if (typeof value === 'string') return value.trim() ? value : reject('must not be empty');
  const forms = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : undefined;
  if (forms?.every(([form, text]) => PLURAL_FORMS.includes(form) && typeof text === 'string')) {
    if (forms.some(([form]) => form === 'other')) return value as LabelText;
  }
  return reject(`must be a text, or plural forms (${PLURAL_FORMS.join(', ')}) with at least "other"`);
});

/** `labels:` of front matter, and of each language in the config: label key → text, keys checked with a "did you mean". */
export const labelOverridesSchema = map(labelText, {
  key: (key) => {
    if (isLabelKey(key)) return key;
    const guess = closest(key, [...LABEL_KEYS]);
    return reject(`is not a label briefdeck knows${guess ? ` — did you mean "${guess}"?` : ''}`);
  },
});

export const digitsSchema = ['latin', 'native'] as const;

/** A well-formed BCP 47 tag, as the Intl APIs that format the deck's dates accept it. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
