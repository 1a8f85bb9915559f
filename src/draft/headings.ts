/**
 * Headings for groups of implications: a short phrase (at most 8 words) naming who or what is
 * affected ("For Russia", "Afghanistan’s credibility", "Strategic implications", "Effects of
 * closures"), cut out of a sentence of the article. A heading is always one contiguous span of its
 * source sentence, with only its first letter capitalised: nothing is added, not even "For", so a
 * reader finds it word for word in the article. No phrase names an actor or a domain → no heading,
 * and the caller does not group rather than show a bad one.
 *
 * Rules are word lists, not a parser (wink-nlp's tags get the words they turn on wrong: "closures
 * spread" is two nouns to it). They are English; a sentence in another language yields no phrase.
 */

import { isEnglish } from './languages/index.js';

export const MAX_HEADING_WORDS = 8;

/** Words that say "consequences" and head a topic phrase ("The strategic implications …"). */
const CUE = /^(?:implications?|consequences?|effects?|impacts?|risks?|stakes|costs?|fallout|repercussions?|threats?)$/i;

/** Adjectives that rate a consequence instead of naming its domain ("significant implications"). */
const EVALUATIVE =
  /^(?:significant|serious|severe|growing|rising|increasing|mounting|major|minor|real|important|wide|wider|broad|broader|far-reaching|profound|potential|possible|grave|dire|lasting|long-term|short-term|immediate|direct|indirect|unintended|obvious|clear|likely|several|many|other|further|more|most|some|any|all|no|big|bigger|biggest|huge|great|greater|greatest|larger|large|small|new|first|second|third|main|key|real-world|deep|deeper|negative|positive|similar|same|such|own|wider-ranging|considerable|substantial|enormous|obvious|hidden|unexpected|knock-on|second-order)$/i;

/** Words that end a noun phrase: prepositions, conjunctions, relatives, auxiliaries and modals, pronouns, a few adverbs. */
const STOP =
  /^(?:of|for|on|upon|to|in|into|at|by|with|without|from|over|under|after|before|during|between|about|against|through|across|beyond|within|among|amid|around|and|or|but|nor|yet|so|that|which|who|whom|whose|where|when|while|as|if|because|than|is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|shall|should|can|could|may|might|must|it|its|itself|they|them|their|themselves|he|she|him|her|we|us|our|you|your|i|me|my|this|these|those|there|here|too|also|not|just|well|even|only|now|then|still|already|too|very|again|alone|itself|at large|each|every)$/i;

/** Verbs that follow a topic's subject ("The effects of closures spread beyond …"). */
const VERB =
  /^(?:extends?|extended|spread|spreads|reach(?:es|ed)?|go(?:es)?|went|run|runs|fall|falls|fell|remain|remains|lie|lies|matter|matters|include|includes|stretch(?:es)?|ripple[sd]?|appl(?:y|ies|ied)|affect(?:s|ed)?|hit|hits|weigh(?:s|ed)?|loom(?:s|ed)?|follow(?:s|ed)?|seem|seems|look|looks|could|would|may|might)$/i;

/** Heads that name nothing on their own ("for the rest", "for now"). */
const EMPTY_HEAD =
  /^(?:rest|part|parts|time|times|years?|decades?|months?|moment|now|example|instance|most|many|some|all|others?|both|one|ones|way|ways|thing|things|matter|fact|case|reason|point|lot|kind|sort|side|world|future|long|while|good|sake)$/i;

/** Heads that only frame what follows "of" ("the effectiveness of counterterrorism coordination"). */
const ABSTRACT =
  /^(?:effectiveness|extent|nature|state|wisdom|viability|sustainability|durability|adequacy|degree|scale)$/i;

/** Determiners that may open a phrase; the pointing ones ("this", "its") would leave it dangling. */
const ARTICLE = /^(?:the|a|an)$/i;
/** Quantifiers that make a phrase vague ("both sides", "all parties"). */
const QUANTIFIER = /^(?:both|all|each|every|some|many|most|several|other|others|any)$/i;
const POINTING = /^(?:this|these|those|that|its|their|his|her|our|such|it|they)$/i;

interface Token {
  text: string;
  from: number;
  to: number;
  word: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu))
    tokens.push({ text: m[0], from: m.index, to: m.index + m[0].length, word: /[\p{L}\p{N}]/u.test(m[0]) });
  return tokens;
}

/** "Afghanistan’s" → "Afghanistan": a possessive is part of the noun phrase it opens. */
const possessive = (word: string) => /['’]s$/i.test(word);

/**
 * The noun phrase that starts at token `at`: an optional "the/a/an", then up to five words that are
 * not stop words or listed verbs ("the international community", "Afghanistan’s credibility",
 * "Nordic insurers"); "of" + a name goes on ("the people of Gaza"). The end index is exclusive.
 */
function nounPhrase(tokens: Token[], at: number): { from: number; to: number } | undefined {
  let i = at;
  if (tokens[i] && ARTICLE.test(tokens[i]!.text)) i++;
  const start = i;
  while (i < tokens.length && i - start < 5) {
    const t = tokens[i]!;
    if (!t.word || STOP.test(t.text) || VERB.test(t.text) || /ly$/i.test(t.text)) {
      const name = tokens[i + 1];
      if (/^of$/i.test(t.text) && i > start && name?.word && /^\p{Lu}/u.test(name.text)) {
        i += 2;
        continue;
      }
      break;
    }
    i++;
  }
  if (i === start) return undefined;
  const head = tokens[i - 1]!.text;
  if (possessive(head) || EMPTY_HEAD.test(head) || CUE.test(head) || /ing$/i.test(tokens[start]!.text))
    return undefined;
  if (tokens.slice(start, i).some((t) => POINTING.test(t.text)) || QUANTIFIER.test(tokens[start]!.text))
    return undefined;
  return { from: at, to: i };
}

/** The phrase of `text` from token `a` to `b` (exclusive), first letter capitalised. */
function span(text: string, tokens: Token[], a: number, b: number): string {
  const phrase = text.slice(tokens[a]!.from, tokens[b - 1]!.to);
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

function fits(phrase: string | undefined): phrase is string {
  return phrase !== undefined && phrase.split(/\s+/).length <= MAX_HEADING_WORDS;
}

/**
 * The phrase of a topic sentence that names the actor or domain its consequences touch, in order
 * of preference:
 *   1. "for X", "on X", "extend to X", "beyond X" after a consequence word ("implications, not just
 *      for Russia" → "For Russia"; "extend to Afghanistan’s credibility" → "Afghanistan’s
 *      credibility"; "a financial risk for the city" → "Financial risk for the city");
 *   2. a domain word before a consequence word ("The strategic implications" → "Strategic implications");
 *   3. "consequence of X" ("The effects of closures" → "Effects of closures");
 *   4. what questions are raised about ("raises pressing questions about the effectiveness of
 *      counterterrorism coordination" → "Counterterrorism coordination");
 *   5. a possessive of a name ("Afghanistan’s credibility").
 * A sentence that opens on "For X," gives "For X" first. English only (`language`, BCP 47): other
 * languages get no phrase.
 */
export function topicPhrase(text: string, language = 'en'): string | undefined {
  if (!isEnglish(language)) return undefined;
  const tokens = tokenize(text);
  const cues = tokens.map((t, i) => (CUE.test(t.text) ? i : -1)).filter((i) => i >= 0);
  const candidates: (string | undefined)[] = [];
  // 0. "For Nordic insurers, the consequences …": the article's own framing.
  if (/^for$/i.test(tokens[0]!.text)) {
    const np = nounPhrase(tokens, 1);
    if (np && tokens[np.to]?.text === ',') candidates.push(span(text, tokens, 0, np.to));
  }
  for (const c of cues) {
    const modifier = c > 0 && isModifier(tokens[c - 1]!) ? c - 1 : undefined;
    // 1. The preposition that names who is affected, within the cue's clause.
    for (let i = c + 1; i < Math.min(tokens.length, c + 8); i++) {
      const t = tokens[i]!;
      if (/^[.;:!?]$/.test(t.text)) break;
      const to =
        /^to$/i.test(t.text) && /^(?:extends?|extended|spreads?|applies|apply)$/i.test(tokens[i - 1]?.text ?? '');
      // "impact on X" only right after the cue: "visible on both sides" names no one.
      const on = i === c + 1 && /^(?:on|upon)$/i.test(t.text);
      if (!/^(?:for|beyond)$/i.test(t.text) && !on && !to) continue;
      const np = nounPhrase(tokens, i + 1);
      if (!np) break;
      // "a financial risk for the city": the domain and the actor together, when they are adjacent.
      if (i === c + 1 && modifier !== undefined) candidates.push(span(text, tokens, modifier, np.to));
      else if (i === c + 1 && /^(?:on|upon)$/i.test(t.text)) candidates.push(span(text, tokens, c, np.to));
      candidates.push(
        to
          ? span(text, tokens, np.from + (ARTICLE.test(tokens[np.from]!.text) ? 1 : 0), np.to)
          : span(text, tokens, i, np.to),
      );
      break;
    }
    // 2. A domain word before the cue.
    if (modifier !== undefined) candidates.push(span(text, tokens, modifier, c + 1));
    // 3. "effects of closures".
    if (/^of$/i.test(tokens[c + 1]?.text ?? '')) {
      const np = nounPhrase(tokens, c + 2);
      if (np) candidates.push(span(text, tokens, c, np.to));
    }
  }
  // 4. "raises pressing questions about the effectiveness of counterterrorism coordination".
  for (let i = 2; i < tokens.length; i++) {
    if (!/^about$/i.test(tokens[i]!.text) || !/^(?:questions|concerns|doubts|fears)$/i.test(tokens[i - 1]!.text))
      continue;
    let np = nounPhrase(tokens, i + 1);
    if (np && ABSTRACT.test(tokens[np.to - 1]!.text) && /^of$/i.test(tokens[np.to]?.text ?? ''))
      np = nounPhrase(tokens, np.to + 1);
    if (np) candidates.push(span(text, tokens, np.from + (ARTICLE.test(tokens[np.from]!.text) ? 1 : 0), np.to));
  }
  // 5. "Afghanistan’s credibility" anywhere in the sentence.
  for (let i = 0; i + 1 < tokens.length; i++)
    if (possessive(tokens[i]!.text) && /^\p{Lu}/u.test(tokens[i]!.text) && i > 0) {
      const np = nounPhrase(tokens, i);
      if (np && np.to > i + 1) candidates.push(span(text, tokens, i, np.to));
    }
  return candidates.find(fits);
}

/** "strategic", "financial", "security": a word before a consequence word that names a domain, not a rating. */
function isModifier(t: Token): boolean {
  return (
    t.word &&
    !STOP.test(t.text) &&
    !EVALUATIVE.test(t.text) &&
    !ARTICLE.test(t.text) &&
    !POINTING.test(t.text) &&
    !/ly$/i.test(t.text)
  );
}
