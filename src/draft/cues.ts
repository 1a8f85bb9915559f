/**
 * The words that mark a sentence's job: prescriptive ("should", "must", "needs to"), consequence
 * ("could lead to", "raises concerns", "risk"), and the leading connectives a bullet may lose.
 * Kept in one place so the lists can be read and tuned together. These are English; the functions
 * take the article's language and use its table in languages/ instead.
 */

import { classify, sectionAliases } from '../content/sections.js';
import { cuesFor } from './languages/index.js';

/** Leading connectives that a bullet drops ("Moreover, the plot…" → "The plot…"). Nothing else is ever changed. */
const CONNECTIVE =
  /^(?:(?:moreover|furthermore|additionally|in addition|also|however|meanwhile|indeed|still|likewise|similarly|consequently|therefore|thus|hence|as a result|in short|in sum|overall|importantly|crucially|above all|first and foremost|most importantly|more importantly|first|second|third|fourth|fifth|sixth|firstly|secondly|thirdly|next|finally|lastly|last but not least|at the same time|on top of that|beyond that)\s*,|(?:and|but|yet|so)\b)\s+(?=\S)/i;

export interface Trimmed {
  text: string;
  /** The connective that was removed, if any. */
  dropped?: string;
}

/** Drops one leading connective and capitalises what follows. */
export function trimConnective(text: string, lang = 'en'): Trimmed {
  const other = cuesFor(lang);
  if (other) {
    const m = other.connective.exec(text);
    const rest = m ? text.slice(m[0].length) : '';
    if (!m || !/^[\p{L}\d«"“„(]/u.test(rest)) return { text };
    return { text: rest.charAt(0).toLocaleUpperCase(lang) + rest.slice(1), dropped: m[0].trim() };
  }
  const m = CONNECTIVE.exec(text);
  if (!m) return { text };
  const rest = text.slice(m[0].length);
  // Keep the connective when what is left would not start a sentence (e.g. "So far, …" is not "So").
  if (!/^[\p{L}\d"“‘(]/u.test(rest) || /^(?:far|much|many|long|too|that|as|on)\b/i.test(rest)) return { text };
  return { text: rest.charAt(0).toUpperCase() + rest.slice(1), dropped: m[0].trim() };
}

/** "First, …", "Second, …", "Finally, …": the markers of enumerated recommendations in prose. */
export const ENUMERATION =
  /^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|fifth|sixth|next|finally|lastly|last)\b,?\s/i;

const MODAL =
  /\b(?:should|must|ought to|needs? to|has to|have to|is (?:essential|imperative|vital|crucial|critical|necessary|time) (?:that|to|for)|(?:we|i) (?:recommend|urge|propose|call (?:for|on))|recommends? that|it is time to)\b/i;

/** Modal uses that describe, speculate or report instead of prescribing. */
const NOT_PRESCRIPTIVE = [
  /\b(?:should|must|ought to) (?:not )?have\b/i, // "should have acted", "must have been tempting"
  /\b(?:should|must) be (?:noted|remembered|said|stressed|emphasi[sz]ed|recalled|acknowledged|admitted|pointed out)\b/i,
  /\bshould (?:not )?(?:surprise|worry|concern|alarm|trouble|reassure|come as)\b/i,
  /\b(?:will|would|might|may|could|did|had|do|does|don't|doesn't) (?:still )?(?:have|need) to\b/i, // "will have to keep" is a consequence
  /\b(?:remains|remain) to be seen\b/i,
  // An announcement, not a recommendation: "We recommend three changes." "The author proposes the following steps:"
  /\b(?:recommend|propose|suggest|urge)s? (?:the following|(?:a few|several|some|two|three|four|five|six|seven|\d+) (?:\w+ )?(?:steps|changes|measures|actions|reforms|priorities|things|ideas|principles|recommendations|proposals))\b/i,
  /\b(?:if|whether|when|unless) [^,;]{0,60}\b(?:should|must)\b/i,
  /\b(?:critics|opponents|skeptics|sceptics|some|others|many|they|defenders|supporters|proponents) (?:will |would |might |may )?(?:say|argue|claim|contend|insist|object|reply|respond)s?\b/i,
  /\b(?:said|says|argued|argues|claimed|claims|insisted|believes?|believed) (?:that )?[^.]{0,80}\b(?:should|must)\b/i,
];

/** True for a sentence that tells someone what to do, in the article's language (English by default). */
export function isPrescriptive(text: string, lang = 'en'): boolean {
  const other = cuesFor(lang);
  if (other) {
    // A modal inside quotation marks is someone else's words: « devraient faire preuve de patience ».
    const own = text.replace(/«[^»]*»|“[^”]*”|„[^“”]*[“”]|"[^"]*"|「[^」]*」/gu, '…');
    return (
      !/[?؟？]\s*["”’»]?$/u.test(text) &&
      other.prescriptive.test(own) &&
      !other.notPrescriptive.some((pattern) => pattern.test(text))
    );
  }
  if (/\?\s*["”’]?$/.test(text)) return false;
  if (!MODAL.test(text)) return false;
  return !NOT_PRESCRIPTIVE.some((pattern) => pattern.test(text));
}

/**
 * A heading or lead-in that announces recommendations, in the article's language: the English
 * patterns, the language's table, and its label set's recommendation headings ("Recommandations",
 * "Empfehlungen", "التوصيات", "建议").
 */
export function isRecommendationIntro(text: string, lang = 'en'): boolean {
  if (RECOMMENDATION_INTRO.test(text)) return true;
  const other = cuesFor(lang);
  if (!other) return false;
  if (other.recommendationIntro.test(text)) return true;
  const kind = classify(text, sectionAliases(lang), lang);
  return kind === 'recommendations' || kind === 'recommendation';
}

/** A heading or lead-in that announces recommendations ("Recommendations", "What governments should do", "Following Recommendations:"). */
export const RECOMMENDATION_INTRO =
  /\b(?:recommend\w*|what (?:\w+ ){0,4}(?:should|must|can|needs? to|ought to) (?:do|be done)|the way forward|way ahead|policy (?:options|proposals|prescriptions)|next steps|action (?:points|items|plan)|what (?:needs|has) to (?:happen|change)|(?:our|my|key) proposals?|we (?:propose|urge|call for))\b/i;

/** Words that carry consequences, with weights. A sentence needs 2 points to count as an implication. */
const IMPLICATION_CUES: [RegExp, number][] = [
  [/\bimplications?\b/i, 3],
  [/\bconsequences?\b/i, 3],
  [/\b(?:effects?|impacts?|repercussions?|fallout|knock-on)\b/i, 2],
  [/\braises? (?:\w+ ){0,2}(?:concerns?|questions?|fears?|doubts?|the (?:risk|prospect|stakes))\b/i, 3],
  [
    /\b(?:could|would|may|might|will) (?:\w+ ){0,2}(?:lead to|result in|cause|trigger|provoke|prompt|force|undermine|erode|isolate|alienate|reshape|destabili[sz]e|threaten|jeopardi[sz]e|cut|raise|lose|undercut|disturb|overwhelm|widen|deepen|worsen|hurt|harm|weaken|damage|strain|squeeze|delay)\b/i,
    3,
  ],
  [/\b(?:risks?|risky|riskier|at risk|at stake)\b/i, 2],
  [/\b(?:threat(?:en)?s?|danger(?:ous)?|vulnerab\w+|exposure|exposed)\b/i, 1],
  [/\b(?:undermin\w+|jeopardi[sz]\w+|isolat\w+|destabili[sz]\w+|erod\w+|escalat\w+|backfir\w+|alienat\w+)\b/i, 2],
  [/\b(?:challenges?|challenging)\b/i, 1],
  [
    /\b(?:suggests?|indicates?|signals?|underscores?|highlights?|reinforces?|shows?|demonstrates?|means? that|reveals?)\b/i,
    1,
  ],
  [/\b(?:the need for|necessitates?|calls? for|depends? on|requires?)\b/i, 1],
  [/\b(?:could|would|might|may)\b/i, 1],
  [/^(?:if|unless|without)\b|\bif (?:\w+ ){1,8}(?:continues?|persists?|spreads?|reach(?:es)?|fails?)\b/i, 1],
  [
    /\b(?:costs?|burden|bills?|losses|harm|damage|fall(?:s)? hardest|unevenly|pressure|sanctions?|blackouts?|outages?|dependence)\b/i,
    1,
  ],
  [/\b(?:beyond|extends? to|spill(?:s|over)?|second-order|knock-on|ripple)\b/i, 1],
];

/** Consequence score of a sentence: the sum of the cue weights it matches (the article's language's cues). */
export function implicationScore(text: string, lang = 'en'): number {
  let score = 0;
  for (const [pattern, weight] of cuesFor(lang)?.implications ?? IMPLICATION_CUES)
    if (pattern.test(text)) score += weight;
  return score;
}
