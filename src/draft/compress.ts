/**
 * Short bullets by deletion only: a bullet is its source sentence with removable parts taken out
 * (leading connectives, parentheticals, reporting clauses, trailing elaborations, introductory
 * phrases), so it stays word for word a sub-sequence of the source. Nothing is reworded, added or
 * reordered; only the first letter may be capitalised and the end normalised to a full stop.
 *
 * Rules are punctuation and word lists, not a parser: wink-nlp's part-of-speech tags (cheap: about
 * 30 ms on the seed) mis-tag exactly the words these rules turn on ("challenges those claims" and
 * "offering them" as nouns), so each cut is guarded by what must follow it instead. A cut that would
 * take a number or a negation with it is never made, and hedges ("may", "could", "likely") are never
 * a cut of their own.
 */

import type { Sentence } from './article.js';
import { trimConnective } from './cues.js';
import { isEnglish, wordSegmenter } from './languages/index.js';

export interface ShortenOptions {
  /** The longest bullet wanted, in words (Intl word segments, as `npm run eval:draft` counts them). */
  maxWords?: number;
  /** BCP 47 language of the sentence: the word-level rules are English; other languages lose brackets and dashed asides only. */
  language?: string;
}

export interface Shortened {
  text: string;
  words: number;
  /** What was taken out, in the order it was taken ("However,", ", which has been … Syria,"). */
  removed: string[];
  /** False when no grammatical deletion gets the sentence to `maxWords`: `text` is then the shortest safe version. */
  fits: boolean;
  /** The connectives removed ("However", "therefore"), for `leansOnPrevious`. */
  connectives: string[];
  /** The bullet refers to something outside itself: see `leansOnPrevious`. */
  leans: boolean;
}

/** A span of the current text to delete; `connective` when what it removes is a linking word. */
interface Cut {
  from: number;
  to: number;
  connective?: string;
  /** The "not just … but" scaffold: its "not" is not a negation of the kept clause. */
  scaffold?: boolean;
  /**
   * A whole trailing clause of purpose, reason or accompaniment (", because …", " so that …",
   * ", with …"): a negation or figure inside it qualifies that clause, not the one kept, so it
   * may go with it ("… stewardship rules, so that resistance does not develop" → "… stewardship rules.").
   */
  subordinate?: boolean;
}

/** Opens a trailing clause that a bullet can lose whole, numbers and negations included. */
const SUBORDINATE = /^(?:because|since|so that|so as to|in order to|with)\b/;

type Rule = (text: string) => Cut[];

/** Words as `Intl.Segmenter` counts them (so "ISKP-linked" is two, and Chinese and Arabic count too). */
export function countWords(text: string, language = 'en'): number {
  const segmenter = wordSegmenter(language);
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Word lists

/** Discourse frames that open a sentence and say nothing of its content (beyond cues.ts's connectives). */
const LEADING_FRAME =
  /^(?:in (?:this|that|the same) (?:context|regard|respect|sense|light|vein)|from (?:a|an|the|this) (?:[\w-]+ ){0,2}(?:perspective|standpoint|point of view|viewpoint|angle)|to (?:begin|start) with|for (?:one thing|a start)|in other words|in fact|in particular|in turn|in practice|in reality|in the meantime|on the other hand|by contrast|in contrast|nevertheless|nonetheless|that said|even so|instead|ultimately|after all|equally|accordingly|conversely|notably|interestingly|significantly|specifically|simply put|put simply|in brief|to sum up|in summary|in conclusion|to conclude|all in all|as such|as (?:noted|mentioned|discussed)(?: (?:above|earlier|before))?|on balance|for (?:its|their|his|her) part|needless to say)\s*,\s*/i;

/** Fillers that announce a statement ("It is worth noting that …"). */
const FILLER =
  /^(?:it (?:is|'s|’s) (?:also )?(?:worth (?:noting|mentioning|remembering|stressing|pointing out|recalling)|important to (?:note|remember|stress|recognise|recognize|emphasi[sz]e|understand)|notable|noteworthy)|it (?:should|must) (?:also )?be (?:noted|said|stressed|emphasi[sz]ed|remembered|pointed out|recalled))(?: here)? that\s+/i;

/** Connectives that carry the contrast or the reply to the sentence before: without them a bullet reads as if it stood alone when it does not. */
const LINKING =
  /^(?:however|but|yet|still|nevertheless|nonetheless|even so|that said|in contrast|by contrast|on the other hand|conversely|instead|rather|in turn|in response|in return|otherwise)\b/i;

/** "The report argues that …", "Experts say that …": a reporting frame of up to five words. Critics' and opponents' views are not the author's, so they keep their frame. */
const REPORTING =
  /^(?!(?:the )?(?:critics|opponents|sceptics|skeptics|detractors)\b)(?:[\p{L}’'-]+ ){1,5}?(?:say|says|said|argue|argues|argued|note|notes|noted|write|writes|wrote|observe|observes|observed|report|reports|reported|explain|explains|explained|points? out|pointed out|stress|stresses|stressed|emphasi[sz]es?|emphasi[sz]ed|contends?|contended|concludes?|concluded|finds|found|shows?|showed|states?|stated|adds?|added) that\s+/iu;
const ACCORDING_TO = /^according to [^,]{1,80},\s*/i;

/** Words after a comma that open an aside: relative clauses, examples, appositives, prepositional asides. */
const ASIDE_OPENER =
  /^(?:which|who|whose|whom|where|particularly|especially|notably|including|such as|like|namely|for (?:example|instance)|in particular|among (?:them|others)|along with|together with|as well as|alongside|under|amid|despite|unlike|according to|in (?:recent|the past|some|many|most) \w+|itself|themselves|for (?:its|their|his|her) part)\b/i;
/** Parenthetical connectives and adverbs between commas (", however,", ", wittingly or unwittingly,"). */
const ASIDE_ADVERB =
  /^(?:however|therefore|thus|hence|moreover|furthermore|meanwhile|in turn|in fact|of course|too|for (?:example|instance)|in particular|at least|at times|as a result|in other words|[a-z]+ly(?: (?:or|and) [a-z]+ly)?)$/;
/** ", officials say,": a reporting aside. */
const REPORTING_ASIDE =
  /^(?:[\p{L}’'-]+ ){0,4}[\p{L}’'-]+ (?:say|says|said|argue|argues|argued|note|notes|noted|warn|warns|warned|write|writes|wrote|told [\p{L}]+)$/iu;
/** Words that go on with the main clause after a relative clause's closing comma. */
const RESUMES_CLAUSE =
  /^(?:through|to|for|in|on|at|by|with|from|because|so|as|until|before|after|when|while|into|across)\b/;
/**
 * After a relative clause's closing comma: the main clause goes on ("…, face a growing wave", "…,
 * through partnerships"), not another list item ("…, hospitals and prisons, …", "…, Iran, and …").
 */
function resumesClause(rest: string, before: string): boolean {
  if (RESUMES_CLAUSE.test(rest) || continuesPredicate(rest)) return true;
  // Otherwise only a subject's relative clause ("Water utilities, which serve most towns, face …"):
  // after a verb the comma may be a series' ("routes operated, which rewards sprawling, infrequent networks").
  const segment = /^[^,]*/.exec(rest)![0];
  return /^[a-z]/.test(rest) && !LIST_WORD.test(rest) && !/\b(?:and|or)\b/.test(segment) && !HAS_VERB.test(before);
}
const HAS_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|does|do|did|needs?|[a-z]+ed)\b/;
const LIST_WORD = /^(?:and|or|nor|the|a|an|its|their|his|her|this|these|those|some|many|most|all|other)\b/;
/** ", and Russia has courted …": a second main clause (an auxiliary or past form shows it is a clause, not a list item). */
const COORDINATE =
  /^(?:and|while) (?!(?:with|without|in|on|at|by|for|from|to|under|over|through|after|before)\b)(?:[\p{L}’'-]+ ){0,8}?(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|[a-z]+ed)\b/u;
/** Adverbs that only intensify or repeat: taking them out does not change the claim. */
const FILLER_ADVERB =
  /(?<!\bbut)\s(?:once again|actively|closely|consistently|particularly|indeed|also|truly|really|very)(?=\s)/g;
/** Tails after a comma that elaborate a complete clause: examples, lists, participles, asides to the end. */
const TAIL_OPENER =
  /^(?:[a-z]+ly )?(?:including|such as|like|particularly|especially|notably|namely|among them|which|who|whose|where|despite|according to|while|whereas|whether|rather than|with|as well as|along with|even as|thereby|in order to|so as to|so that|because|since|through|via|amid|across|beyond|as part of|[a-z]+ing\b)/;
/** A summing-up noun phrase at the end: ", a fraction of what neighbouring markets have built." */
const TAIL_APPOSITIVE = /^(?:a|an) \p{L}/u;
/** "-ing" words that are not participles. */
const ING_NOUN =
  /^(?:thing|nothing|something|anything|everything|morning|evening|ceiling|king|ring|sing|wing|spring|string|sibling|during|bring|swing|sting|bling|ping|warning|funding|training|meaning|building|spending|housing|planning|understanding|beginning|being)$/;
/** Openers of an introductory phrase that can go ("While Russia …, the broader challenge remains"). Conditions ("If", "Unless", "When") are never removed: they change what is claimed. */
const INTRO_OPENER =
  /^(?:while|although|though|even though|despite|in spite of|since|after|before|following|given|amid|as part of|having|already|once|from|in|on|at|by|during|through|over|across|among|beyond|within|against|unlike|apart from|besides|with|under|[a-z]+ing)\b/i;
/** Never removed with a cut: digits and negations. ("Not just … but" is a scaffold, handled by its own cut.) */
const KEEP = /\d|\b(?:not|no|never|nor|neither|none|nobody|nothing|cannot|without)\b|n[’']t\b/i;

/** A word that cannot end what a tail cut keeps: "The grid appears to be[, according to …]". */
const NEEDS_COMPLEMENT =
  /\b(?:be|been|being|is|are|was|were|am|to|the|a|an|of|and|or|but|that|has|have|had|will|would|can|could|may|might|must|should|for|with|by|in|on|at|from|as|than|its|their|his|her|our|very|more|most|not|become|becomes|remain|remains|seem|seems)\s*$/i;
const AUX =
  /^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|does|do|did|remains?|seems?|appears?|became|becomes?|made|took|saw|found|led|left|lost|met|paid|put|ran|sent|stood|told|won|wrote|gave|got|held|kept|began|came|grew|knew|brought|thought|faced|said)$/;
const ADVERB =
  /^(?:now|also|still|already|only|even|then|often|just|soon|again|once|ever|never|always|rarely|seldom|[a-z]+ly)$/;
const NOT_VERB =
  /(?:ous|ss|is|us|ics|ies|ness|ment|tion|sion)$|^(?:this|its|his|hers|ours|yours|theirs|as|was|has|does|less|across|unless|whereas|thus|perhaps|always|sometimes|news|series|species|status|bias|gas|yes|towards|afterwards|besides|red|bed|need|speed|seed|feed|deed|shed|indeed|united|limited|based)$/;

/** Does the text after a closing comma go on as the sentence's predicate ("now faces", "has been", "challenges")? */
function continuesPredicate(rest: string): boolean {
  const words = rest.trim().split(/\s+/).slice(0, 4);
  let i = 0;
  while (i < 2 && words[i] && ADVERB.test(words[i]!)) i++;
  const word = words[i]?.replace(/[^\p{L}’'-]/gu, '');
  if (!word || word !== word.toLowerCase()) return false;
  return AUX.test(word) || (/(?:s|ed)$/.test(word) && !NOT_VERB.test(word));
}

// ---------------------------------------------------------------------------------------------
// Cuts, each a rule that proposes spans of the current text to delete, best first

/** A leading connective or discourse frame ("However,", "From a broader perspective,") or a filler ("It is worth noting that"). */
const leading: Rule = (text) => {
  const trimmed = trimConnective(text);
  if (trimmed.dropped) {
    return [{ from: 0, to: text.length - trimmed.text.length, connective: trimmed.dropped.replace(/,$/, '') }];
  }
  const frame = LEADING_FRAME.exec(text);
  if (frame) return [{ from: 0, to: frame[0].length, connective: frame[0].replace(/\s*,\s*$/, '') }];
  const filler = FILLER.exec(text);
  return filler ? [{ from: 0, to: filler[0].length }] : [];
};

/** Brackets: "(ISKP)", "[…]"; footnote marks like "[12]" go even though they are numbers. */
const bracketed: Rule = (text) =>
  [...text.matchAll(/\s*(?:\(([^()]*)\)|\[([^[\]]*)\]|（([^（）]*)）)/g)]
    .filter((m) => m.index > 0)
    .map((m) => ({ from: m.index, to: m.index + m[0].length, footnote: /^\[\d+(?:[,–-]\d+)*\]$/.test(m[0].trim()) }))
    .filter((c) => c.footnote || !/\d/.test(text.slice(c.from, c.to)))
    .map(({ from, to }) => ({ from, to }));

/** An aside between two dashes: "… the plot — one of several this year — shows …". */
const dashPair: Rule = (text) =>
  [...text.matchAll(/\s*(?:—|–|\s-\s|\s--\s)[^—–]+?(?:—|–|\s-\s|\s--\s)\s*/g)].map((m) => ({
    from: m.index,
    to: m.index + m[0].length,
  }));

/** An aside between commas: ", which has been …,", ", such as this plot,", ", a senior analyst,", ", however,". */
const commaPair: Rule = (text) => {
  const cuts: Cut[] = [];
  const commas = [...text.matchAll(/,/g)].map((m) => m.index);
  for (const [k, open] of commas.entries()) {
    const after = text.slice(open + 1).trimStart();
    const before = text.slice(0, open).trim().split(/\s+/).pop() ?? '';
    for (const close of commas.slice(k + 1)) {
      const inner = text.slice(open + 1, close).trim();
      const rest = text.slice(close + 1);
      const adverb = ASIDE_ADVERB.test(inner) && /^[a-z]/.test(inner);
      const words = inner.split(/\s+/).length;
      const opens =
        ASIDE_OPENER.test(after) ||
        REPORTING_ASIDE.test(inner) ||
        (/^(?:a|an|the) /i.test(after) && /^\p{Lu}/u.test(before) && words <= 12);
      if (adverb) {
        cuts.push({ from: open, to: close + 1, connective: inner });
        break;
      }
      // A relative clause may also close before an adjunct: "research, where most compounds fail, through partnerships".
      const relative =
        /^(?:which|who|whose|whom|where)\b/i.test(after) && resumesClause(rest.trim(), text.slice(0, open));
      // A participle between commas: "wells, starting with the largest, because …".
      const participle = /^[a-z]+(?:ing|ed)\b/.test(after) && RESUMES_CLAUSE.test(rest.trim());
      if (
        (opens || participle) &&
        !/^(?:and|or|nor)\b/i.test(rest.trim()) &&
        (relative || participle || continuesPredicate(rest))
      ) {
        cuts.push({ from: open, to: close + 1 });
        break;
      }
    }
  }
  // The longest aside first: one cut then does the work of several.
  return cuts.sort((a, b) => b.to - b.from - (a.to - a.from));
};

/** A reporting frame at the start: "Experts say that", "The report argues that", "According to X,". */
const reporting: Rule = (text) => {
  const m = ACCORDING_TO.exec(text) ?? REPORTING.exec(text);
  return m ? [{ from: 0, to: m[0].length }] : [];
};

/** A trailing elaboration after a comma or dash: ", including …", ", demonstrating …", ", which …", "— one of several", ", not just X but Y". Last first. */
const trailing: Rule = (text) => {
  const cuts: Cut[] = [];
  // "despite" opens an adjunct even without a comma: "… the growing reach of radical factions despite the operations against them."
  for (const m of text.matchAll(/,\s+|\s*(?:—|–)\s*|\s-\s|\s+(?=despite\b|so that\b)/g)) {
    const rest = text.slice(m.index + m[0].length);
    const first = /^[a-z]+/.exec(rest)?.[0] ?? '';
    const isDash = /[—–-]/.test(m[0]);
    const scaffold = /^not (?:just|only|merely|simply)\b.*\bbut\b/.test(rest);
    // After a colon the commas separate list items: "things that are hard to find: internet access, a warm room".
    const appositive = !isDash && TAIL_APPOSITIVE.test(rest) && !text.slice(0, m.index).includes(':');
    // A dash that spells out a choice ("a decisive choice—either … or …") is the point, not an aside.
    if (
      (isDash && !/^(?:either|both|neither)\b/i.test(rest)) ||
      scaffold ||
      appositive ||
      (TAIL_OPENER.test(rest) && !(first.endsWith('ing') && ING_NOUN.test(first)))
    ) {
      cuts.push({ from: m.index, to: text.length, scaffold, subordinate: !isDash && SUBORDINATE.test(rest) });
    }
  }
  return cuts.reverse();
};

/** A second main clause after ", and" or ";": one claim of two is still the source's claim. Last first. */
const coordinate: Rule = (text) => {
  if (text.includes(':')) return [];
  const cuts: Cut[] = [];
  for (const m of text.matchAll(/,\s+(?=and |while )|;\s+/g)) {
    const rest = text.slice(m.index + m[0].length);
    if (m[0].startsWith(';') || COORDINATE.test(rest)) cuts.push({ from: m.index, to: text.length });
  }
  return cuts.reverse();
};

/** "has once again underscored", "is particularly alarming": intensifiers inside the clause. */
const fillerAdverb: Rule = (text) =>
  [...text.matchAll(FILLER_ADVERB)].map((m) => ({ from: m.index, to: m.index + m[0].length }));

/** An introductory phrase or clause before the first comma: "While Russia eliminated this threat, …", "Already facing …, …". */
const intro: Rule = (text) => {
  const m = /^([^,]{3,140}),\s+/.exec(text);
  if (!m || !INTRO_OPENER.test(m[1]!) || /^(?:if|unless|when|whether|until|only|even if|as long as)\b/i.test(m[1]!))
    return [];
  const rest = text.slice(m[0].length);
  // Not a list: "Despite Russia, China and Iran's efforts, …" must not become "China and Iran's efforts, …".
  const segment = /^[^,]*,/.exec(rest)?.[0];
  if (
    /^(?:and|or)\b/i.test(rest) ||
    (segment && /^\S+(?: \S+){0,2},$|\b(?:and|or)\b/.test(segment)) ||
    continuesPredicate(rest)
  )
    return [];
  return [{ from: 0, to: m[0].length }];
};

/** Applied whatever the length: they never carry content. */
const ALWAYS: Rule[] = [leading];
/** Applied in this order of preference while the bullet is too long. */
const BY_LENGTH: Rule[] = [bracketed, dashPair, commaPair, reporting, trailing, fillerAdverb, intro, coordinate];
/** Rules that do not depend on English words. */
const ANY_LANGUAGE = new Set<Rule>([bracketed, dashPair]);

/** Another language's leading connective ("Enfin,", "Erstens,", "首先，"), from its cue table in languages/. */
const leadingIn =
  (language: string): Rule =>
  (text) => {
    const trimmed = trimConnective(text, language);
    if (!trimmed.dropped) return [];
    return [{ from: 0, to: text.length - trimmed.text.length, connective: trimmed.dropped.replace(/[,，、،]$/, '') }];
  };

/** Whitespace and punctuation left over by a cut; the first letter capitalised. Deletes characters only. */
function tidy(text: string): string {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)\]”’])/g, '$1')
    .replace(/[,;:]+(?=[.!?])/g, '')
    .replace(/^[\s,;:—–-]+/, '')
    .trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Ends the bullet with a full stop when a cut took its end (or left a comma or dash there). */
function endSentence(text: string): string {
  const t = text.replace(/[\s,;:—–-]+$/, '');
  return /[.!?]["”’)]?$/.test(t) ? t : t + '.';
}

/**
 * The bullet for a sentence: the leading connective dropped, then asides, reporting frames, trailing
 * elaborations and introductory phrases cut (in that order of preference) until it has at most
 * `maxWords` words. Cuts that would leave fewer than five words, or take a number or a negation, are
 * not made.
 */
export function shorten(sentence: Sentence | string, options: ShortenOptions = {}): Shortened {
  const { maxWords = 25, language = 'en' } = options;
  const english = isEnglish(language);
  const source = (typeof sentence === 'string' ? sentence : sentence.text).replace(/\s+/g, ' ').trim();
  const removed: string[] = [];
  const connectives: string[] = [];
  let text = source;
  let cutEnd = false;
  // Cuts fall between words, so a cut removes exactly its span's words: no need to count the whole text again.
  let count = countWords(source, language);

  const apply = (rules: Rule[]): boolean => {
    for (const rule of rules) {
      for (const cut of rule(text)) {
        const span = text.slice(cut.from, cut.to);
        if (KEEP.test(span) && !cut.scaffold && !cut.subordinate) continue;
        if (cut.scaffold && KEEP.test(span.replace(/^[\s,]*not /, ''))) continue;
        if (cut.to >= text.length && NEEDS_COMPLEMENT.test(text.slice(0, cut.from))) continue;
        const left = count - countWords(span, language);
        if (left < 5) continue;
        const next = tidy(text.slice(0, cut.from) + ' ' + text.slice(cut.to));
        removed.push(span.trim());
        if (cut.connective) connectives.push(cut.connective);
        if (cut.to >= text.length) cutEnd = true;
        text = next;
        count = left;
        return true;
      }
    }
    return false;
  };

  while (apply(english ? ALWAYS : [leadingIn(language)]));
  if (text !== source) text = tidy(text);
  const byLength = english ? BY_LENGTH : BY_LENGTH.filter((rule) => ANY_LANGUAGE.has(rule));
  while (count > maxWords && apply(byLength));
  if (cutEnd) text = endSentence(text);
  const words = countWords(text, language);
  return { text, words, removed, fits: words <= maxWords, connectives, leans: leansOnPrevious(text, connectives) };
}

/** Starts that point back: "This reinforces …", "Such developments …", "It suggests …", "The latter …". */
const LEANING_START =
  /^(?:this|these|those(?! who| that| which| with| of| in)|that|it|its|they|them|their|he|she|his|her|such|the (?:latter|former|same)|another|here)\b/i;
/** "It is clear that …", "It is time to …": an "it" that points at nothing. */
const EXPLETIVE_IT =
  /^it (?:is|was|seems|seemed|appears|appeared|remains|remained) (?:\S+ ){0,3}?(?:that|to|whether|how)\b/i;
/** "those claims", "such developments", "the latter" anywhere; not "those who …", "such as". */
const LEANING_PHRASE =
  /\b(?:those (?!who\b|that\b|which\b|whose\b|of\b|in\b|with\b|are\b|were\b)\p{L}+|such (?!as\b|that\b)\p{L}+|the (?:latter|former))\b/iu;

/**
 * True when a bullet refers to something outside itself, so that it reads wrongly alone: it starts
 * with a pointer back ("This reinforces …", "It could …", "Such developments …"), names "those
 * claims" or "the latter", or lost a connective that carried the link to the sentence before
 * ("However, concrete evidence … challenges those claims"). Callers skip such a sentence or keep the
 * one before it. Takes the raw sentence too: its own leading connectives are looked at first.
 */
export function leansOnPrevious(text: string, removedConnectives: string | string[] = []): boolean {
  const connectives = typeof removedConnectives === 'string' ? [removedConnectives] : [...removedConnectives];
  let rest = text.replace(/\s+/g, ' ').trim();
  for (let cuts = leading(rest); cuts.length > 0; cuts = leading(rest)) {
    const cut = cuts[0]!;
    if (cut.connective) connectives.push(cut.connective);
    rest = tidy(rest.slice(cut.to));
  }
  if (connectives.some((c) => LINKING.test(c))) return true;
  if (LEANING_START.test(rest) && !EXPLETIVE_IT.test(rest)) return true;
  return LEANING_PHRASE.test(rest);
}

/**
 * The fewest words a sentence needs to make a bullet or the bottom line on its own: 8, less in an
 * article whose sentences are all short (scripts that join words, such as Arabic, say in six words
 * what English says in ten), never under 4.
 */
export function fewestWords(sentences: { words: number }[]): number {
  const lengths = sentences.map((s) => s.words).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 8;
  return Math.max(4, Math.min(8, median - 2));
}
