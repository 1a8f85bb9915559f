import path from 'node:path';
import { deckLocation, type BuiltDeck } from '../build/briefing.js';
import { bookmarksFor } from './bookmarks.js';
import { briefingMarking } from '../content/marking.js';
import type { PrintJob } from './print.js';

/** What printing a built deck needs: its files, metadata, bookmarks; the same for build and serve. */
export function printJobFor(built: BuiltDeck, options: { notesPages?: boolean } = {}): PrintJob {
  const { deck, rendered } = built;
  const { meta } = rendered.briefing;
  // A staged deck (--strict) is printed where it is staged, and moved into place only if accepted.
  const { dir, htmlFile } = deckLocation(built);
  return {
    htmlFile,
    html: rendered.html,
    pdfFile: path.join(dir, `${deck.slug}.pdf`),
    metadata: {
      title: meta.title,
      author: meta.author ?? meta.organization,
      subject: meta.subtitle,
      keywords: meta.keywords,
    },
    bookmarks: bookmarksFor(rendered.slides),
    notesPages: options.notesPages,
    marking: briefingMarking(meta),
    // Decks of one template with the same fonts.css (the same script characters) share stylesheets and
    // fonts, so a tab can be reused between them.
    styleKey: [...rendered.template.chain, built.fontsKey].join('\0'),
  };
}
