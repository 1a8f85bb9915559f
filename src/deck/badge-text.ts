import { escapeHtml } from '../html-text.js';
import type { SlideItem } from './slide.js';

/**
 * A list item's HTML with its confidence badge written before it, in words and bold: for the outputs
 * that draw no badge (the PPTX's text, the speaker script), so the level is never lost.
 */
export function itemWithBadge(item: SlideItem): string {
  return item.confidence ? `<strong>[${escapeHtml(item.confidence.label)}]</strong> ${item.html}` : item.html;
}
