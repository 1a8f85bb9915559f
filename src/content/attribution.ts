/**
 * The dash that names a quotation's speaker (`— Name`), one set for the briefing parser and every
 * article reader of `briefdeck draft`: em dash, horizontal bar (U+2015, the "quotation dash"), en
 * dash, and the typewriter forms `--` and `-`.
 */
const ATTRIBUTION_DASH = /^\s*(?:—|―|–|--|-)\s*/;

/** What follows an attribution dash at the start of `line` (`— A. Person` → `A. Person`), or undefined without one. */
export function afterAttributionDash(line: string): string | undefined {
  const dash = ATTRIBUTION_DASH.exec(line);
  return dash ? line.slice(dash[0].length) : undefined;
}
