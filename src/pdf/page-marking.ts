import { markingBanner, tlpColour, type Marking } from '../content/marking.js';

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
    text: markingBanner(marking),
    ...markingColours(marking),
  };
}
