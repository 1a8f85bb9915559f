import { closest } from '../did-you-mean.js';
import { ContentError, type Location } from '../errors.js';
import { fallbackTags, labelFile } from '../labels/index.js';
import type { Section } from './model.js';
import { headingName } from './sections.js';

/**
 * The error for a required section that is missing: its heading in the briefing's language (and
 * English), the headings accepted for it in both, and a "did you mean" when a heading of the briefing
 * is a near miss (`## Recomendations`, `## Resume` for `## Résumé`), at that heading's line.
 */
export function missingSectionError(
  kind: string,
  sections: Section[],
  at: Location,
  lang: string,
  /** Whose requirement it is, when not every briefing's: "of a decision briefing". */
  of = '',
): ContentError {
  const own = fallbackTags(lang)
    .slice(1)
    .flatMap((tag) => labelFile(tag)?.sections?.[kind] ?? []);
  const english = labelFile('en')?.sections?.[kind] ?? [kind];
  const named = [...new Set([...own, ...english])];
  const wanted = `${
    own.length ? `"## ${display(own[0]!)}" (or "## ${display(english[0]!)}")` : `"## ${display(english[0]!)}"`
  }${of ? ` ${of}` : ''}`;
  const accepted = (aliases: string[]) => aliases.map(display).join(', ');
  const listed = own.length
    ? `accepted headings: ${accepted([...new Set(own)])}; in English: ${accepted(english)}`
    : `accepted headings: ${accepted(english)}`;
  // Until key judgments had slides of their own, "## Key judgments" headed the summary.
  const judgments = kind === 'summary' ? sections.find((section) => section.kind === 'judgments') : undefined;
  if (judgments) {
    return new ContentError(
      `missing the required section ${wanted}: "## ${judgments.heading}" heads the key judgments (each with its confidence badge), not the summary`,
      `add a summary before it (${listed})`,
      { file: at.file, line: judgments.line },
    );
  }
  const nearMiss = nearestHeading(sections, named, lang);
  if (nearMiss) {
    return new ContentError(
      `missing the required section ${wanted}: "## ${nearMiss.section.heading}" is not one of its headings`,
      `did you mean "## ${display(nearMiss.alias)}"? (${listed})`,
      { file: at.file, line: nearMiss.section.line },
    );
  }
  return new ContentError(`missing the required section ${wanted}`, `add it (${listed})`, at);
}

/** A generic section whose heading is a few edits (about one in five letters, accents aside) from one of `aliases`. */
function nearestHeading(
  sections: Section[],
  aliases: string[],
  lang: string,
): { section: Section; alias: string } | undefined {
  const bare = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
  for (const section of sections) {
    if (section.kind !== 'generic') continue;
    const name = bare(headingName(section.heading, lang));
    const byBare = new Map(aliases.map((alias) => [bare(alias), alias]));
    const guess = closest(name, [...byBare.keys()], Math.max(1, Math.floor(name.length / 5)));
    if (guess !== undefined) return { section, alias: byBare.get(guess)! };
  }
  return undefined;
}

/** An alias as a heading: its first letter in upper case (aliases are written in lower case). */
function display(alias: string): string {
  return alias.charAt(0).toLocaleUpperCase() + alias.slice(1);
}
