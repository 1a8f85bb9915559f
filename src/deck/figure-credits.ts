import { escapeHtml } from '../html-text.js';
import type { Labels } from '../labels/index.js';

/** A figure's credit as the content stage writes it (content/figures.ts): the source's name, escaped. */
const CREDIT = /<span class="figure__credit">([^<]*)<\/span>/g;
const SLOT = '\u0000';

/**
 * Puts each figure credit in the briefing's `credit` label ("Credit: ACLED",
 * "Source : ACLED"): the content stage knows the name, only the deck knows the
 * labels (the project's and the briefing's overrides included).
 */
export function labelCredits(html: string, labels: Labels): string {
  if (!html.includes('figure__credit')) return html;
  const [before = '', after = ''] = labels.text('credit', { credit: SLOT }).split(SLOT);
  return html.replace(
    CREDIT,
    (_, name: string) => `<span class="figure__credit">${escapeHtml(before)}${name}${escapeHtml(after)}</span>`,
  );
}
