import type { Source } from '../content/model.js';
import type { Labels } from '../labels/index.js';

/**
 * A citation's parts after its title, as the `citation` partial writes them: author, publisher and the
 * date in the briefing's language (the PPTX, the speaker script and the handout cover join them with
 * the language's `citationSeparator`, each in its own markup).
 */
export function citationDetails(source: Source, labels: Labels): string[] {
  return [source.author, source.publisher, source.date && labels.date(source.date)].filter((part): part is string =>
    Boolean(part),
  );
}
