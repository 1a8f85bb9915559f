import { bannerColours, markingBanner, type Marking } from '../content/marking.js';

/**
 * The marking as drawn outside a template, on pages the printer makes (handout
 * headers, notes pages): in its own colours (TLP, a classification, the
 * template's `markings`), free text white on slate, as in the default template.
 */
export function markingColours(marking: Marking): { ink: string; background: string } {
  const { background, text } = bannerColours(marking);
  return { ink: text, background };
}

/** One line of text for a page margin: the draft notice, then the marking. */
export function markingLine(marking: Marking): { text: string; ink: string; background: string } {
  return {
    text: markingBanner(marking),
    ...markingColours(marking),
  };
}
