import type { BriefingMeta } from './model.js';
import { TLP_LABELS } from './schema.js';

/** The notice beside the marking on every slide and page of a machine-made draft (as the templates show it). */
export const DRAFT_NOTICE = 'DRAFT – generated from source, review before use';

/** A briefing's marking as templates, the index page and the PDF banners draw it. */
export interface Marking {
  text: string;
  /** Also show the "DRAFT – generated from source" notice (front matter `draft: true`). */
  draft: boolean;
  /** `tlp tlp-amber-strict` for TLP 2.0 labels, so templates can colour them; empty for free text. */
  className: string;
}

/**
 * FIRST's TLP 2.0 label colours (text on black), by the class markingOf gives
 * each label. Templates carry the same values in their CSS; this copy serves
 * what is drawn outside a template (the index page, handout headers).
 */
export const TLP_COLOURS: Record<string, string> = {
  'tlp-red': '#ff2b2b',
  'tlp-amber': '#ffc000',
  'tlp-amber-strict': '#ffc000',
  'tlp-green': '#33ff00',
  'tlp-clear': '#ffffff',
};

/** Marking text is already validated; TLP 2.0 labels get a class so the template can colour them. */
export function markingOf(text: string, draft = false): Marking {
  const tlp = TLP_LABELS.includes(text) ? `tlp-${text.slice(4).toLowerCase().replace('+', '-')}` : undefined;
  return { text, draft, className: tlp ? `tlp ${tlp}` : '' };
}

/** The marking as one line of text, after the draft notice when there is one (banners drawn outside a template, the speaker script). */
export function markingBanner(marking: Marking, separator = '   '): string {
  return [marking.draft ? DRAFT_NOTICE : '', marking.text].filter(Boolean).join(separator);
}

/** A briefing's marking (and draft notice), or undefined when it has neither. */
export function briefingMarking(meta: BriefingMeta): Marking | undefined {
  return meta.marking || meta.draft ? markingOf(meta.marking ?? '', meta.draft) : undefined;
}

/** The colour of a TLP marking's text, or undefined for free text. */
export function tlpColour(marking: Marking): string | undefined {
  return TLP_COLOURS[marking.className.split(' ')[1] ?? ''];
}
