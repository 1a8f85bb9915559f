/**
 * What a language's cue table gives the drafter: stop words for similarity, and the patterns that
 * mark a recommendation, a recommendations lead-in and a consequence. English keeps its own, tuned
 * rules in ../cues.ts; the other languages' tables are in this folder, one file each.
 */

export interface LanguageCues {
  /** Words that carry no topic (lower case), left out of the terms TextRank compares. */
  stopWords: ReadonlySet<string>;
  /** A list connective that opens a sentence ("Enfin, …", "Erstens, …", "首先，"), which a recommendation may drop. */
  connective: RegExp;
  /** A sentence that says what should or must be done. */
  prescriptive: RegExp;
  /** Uses of those words that look back ("should have"), report someone else's view or suppose. */
  notPrescriptive: RegExp[];
  /** A heading or lead-in that announces recommendations ("Nous recommandons les mesures suivantes :"). */
  recommendationIntro: RegExp;
  /** Consequence cues with weights; a sentence needs 2 points to count as an implication. */
  implications: [RegExp, number][];
}

/**
 * One of the given words or phrases, as a whole word: JavaScript's `\b` knows only ASCII letters,
 * so "doit" would match inside "endroit" and "débat" would have no boundary after "é".
 */
export function anyWord(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'iu');
}

/** A stop-word set from a space-separated list. */
export function stopWords(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}
