import { tlpColour, type Marking } from '../content/marking.js';

/** The notice beside the marking on every page of a machine-made draft (as the templates show it). */
export const DRAFT_NOTICE = 'DRAFT – generated from source, review before use';

/**
 * The marking as drawn outside a template, on pages the printer makes (handout
 * headers, notes pages): TLP labels in FIRST's colours on black, other text
 * white on slate, as in the built-in templates.
 */
export function markingColours(marking: Marking): { ink: string; background: string } {
  const tlp = tlpColour(marking);
  return { ink: tlp ?? '#ffffff', background: tlp ? '#000000' : '#3d4a63' };
}

/** One line of text for a page margin: the draft notice, then the marking. */
export function markingLine(marking: Marking): { text: string; ink: string; background: string } {
  return {
    text: [marking.draft ? DRAFT_NOTICE : '', marking.text].filter(Boolean).join('   '),
    ...markingColours(marking),
  };
}
