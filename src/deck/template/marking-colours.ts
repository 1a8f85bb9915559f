import type { MarkingColours } from '../../content/marking.js';
import { TemplateError } from '../../errors.js';
import { object, refine, reject, string } from '../../validate.js';
import { contrastRatio, formatRatio, nearestPassing, parseColour, REQUIRED, toHex } from '../contrast.js';

/*
 * template.json `markings`: banner colours for markings the built-in table does not know (OFFICIAL,
 * a national scheme) or that a template colours otherwise. Each entry names a banner's whole text or
 * its first `//` segment; the colours are fixed, so their contrast is checked when the template loads.
 */

/** `#rgb` or `#rrggbb`, kept as `#rrggbb` in lower case (what every place that draws a banner takes). */
const bannerColour = refine(string(), (value) => {
  const colour = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? parseColour(value) : undefined;
  return colour ? toHex(colour) : reject('must be a colour like #c8102e (#rrggbb or #rgb)');
});

const match = refine(string(), (value) =>
  !value.trim()
    ? reject('must name a marking, e.g. "OFFICIAL"')
    : value !== value.trim()
      ? reject('must not start or end with spaces (it is compared with the marking exactly)')
      : /^tlp\s*:/i.test(value)
        ? reject("must not be a TLP label: TLP labels keep FIRST's colours")
        : value,
);

export const markingColoursSchema = object({ match, background: bannerColour, text: bannerColour });

/**
 * No two entries for one marking, and every pair readable: banner text is bold 17px, below WCAG's
 * "large" size, so it needs 4.5:1 (https://www.w3.org/TR/WCAG22/#contrast-minimum).
 */
export function checkMarkingColours(
  entries: readonly MarkingColours[],
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): void {
  entries.forEach((entry, index) => {
    const where = { file, line: lineOf(['markings', index, 'match']) };
    if (entries.findIndex((other) => other.match === entry.match) !== index)
      throw new TemplateError(
        `template.json: "markings.${index}.match" "${entry.match}" is listed twice`,
        'keep one entry for each marking',
        where,
      );
    const text = parseColour(entry.text)!;
    const background = parseColour(entry.background)!;
    const ratio = contrastRatio(text, background);
    if (ratio >= REQUIRED.normal) return;
    const suggestion = nearestPassing(text, (colour) => contrastRatio(colour, background) >= REQUIRED.normal);
    throw new TemplateError(
      `template.json: "markings.${index}" text ${entry.text} on ${entry.background} has contrast ${formatRatio(ratio)}, below WCAG AA ${REQUIRED.normal}:1 for banner text ("${entry.match}")`,
      suggestion
        ? `choose a ${suggestion.lighter ? 'lighter' : 'darker'} text colour, e.g. ${toHex(suggestion.colour)}`
        : 'choose another background',
      { file, line: lineOf(['markings', index, 'text']) },
    );
  });
}
