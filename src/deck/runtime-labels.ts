import { escapeScriptJson } from './helpers.js';
import { intoHead } from './csp.js';
import type { LabelKey, Labels } from '../labels/index.js';

/**
 * The labels the deck's own scripts write (runtime/: reveal's control names and pause overlay, the handout's "Slide 3.",
 * the notes pages' footer), with their {placeholders}, and the locale they write numbers in. Added to
 * every deck, whatever its template, as `<script type="application/json" id="briefdeck-labels">`.
 */
export const RUNTIME_LABEL_KEYS = [
  'nextSlide',
  'previousSlide',
  'aboveSlide',
  'belowSlide',
  'resumePresentation',
  'slideLabel',
  'noNotes',
  'notesForSlide',
  'speakerNotes',
  'page',
] as const satisfies readonly LabelKey[];

export function withRuntimeLabels(html: string, labels: Labels): string {
  const texts = Object.fromEntries(RUNTIME_LABEL_KEYS.map((key) => [key, labels.text(key)]));
  const json = escapeScriptJson({ locale: labels.locale, labels: texts });
  return intoHead(html, `<script type="application/json" id="briefdeck-labels">${json}</script>`);
}
