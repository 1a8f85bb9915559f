/**
 * Key terms: the content words an article keeps coming back to, across its paragraphs, written
 * the way the article writes them ("ISKP", "Taliban", "storage"). Used for `keywords:` and for
 * a title when the article has none and its lead sentence gives none.
 */

import type { Sentence } from './article.js';

export interface KeyTerm {
  stem: string;
  /** The most common spelling in the article. */
  text: string;
  score: number;
}

/** Words that wink does not count as stop words but that say nothing as a label. */
const GENERIC =
  /^(?:moreover|furthermore|additionally|however|also|even|still|yet|thus|therefore|meanwhile|indeed|instead|rather|perhaps|already|just|much|many|more|most|less|least|new|one|two|three|first|second|third|last|well|may|might|could|would|should|must|will|can|year|years|time|way|fact|thing|things|part|lot|kind|make|made|take|taken|say|said|says|mr|ms|per|percent|cent)$/i;

/** Terms ranked by frequency × spread over paragraphs, names and acronyms first among equals. */
export function keyTerms(sentences: Sentence[], surface: Map<string, Map<string, number>>, limit = 5): KeyTerm[] {
  const paragraphs = new Set(sentences.map((s) => s.para)).size || 1;
  const docFreq = new Map<string, Set<number>>();
  for (const s of sentences) for (const t of s.terms) (docFreq.get(t) ?? docFreq.set(t, new Set()).get(t)!).add(s.para);
  const counts = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const scored: KeyTerm[] = [];
  for (const [stem, count] of counts) {
    const forms = surface.get(stem);
    if (!forms || !/^\p{L}/u.test(stem)) continue; // a letter of any script, not a digit or a sign
    const text = spelling(forms);
    if (text.length < 3 || GENERIC.test(text)) continue;
    const spread = docFreq.get(stem)?.size ?? 1;
    const name = /^\p{Lu}/u.test(text) ? 1.5 : 1;
    // Frequent and spread out over the article.
    const score = count * (spread / paragraphs + 0.5) * name;
    scored.push({ stem, text, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text)).slice(0, limit);
}

/**
 * Most frequent spelling, not counting capitals that only start a sentence (marked `^`); a
 * capitalised spelling only when the word is capitalised most of the time.
 */
function spelling(forms: Map<string, number>): string {
  const inner = [...forms].filter(([form]) => !form.startsWith('^'));
  if (!inner.length)
    return [...forms]
      .sort((a, b) => b[1] - a[1])[0]![0]
      .slice(1)
      .toLowerCase();
  let best = '';
  let bestCount = -1;
  let lower = 0;
  let total = 0;
  for (const [form, count] of inner) {
    total += count;
    if (form === form.toLowerCase()) lower += count;
    if (count > bestCount) [best, bestCount] = [form, count];
  }
  return lower >= total / 2 ? best.toLowerCase() : best;
}

/** "ISKP, Afghanistan and Taliban" */
export function titleFrom(terms: KeyTerm[], lang = 'en'): string {
  const words = terms.slice(0, 3).map((t) => t.text);
  if (!words.length) return 'Untitled draft';
  words[0] = words[0]!.charAt(0).toLocaleUpperCase(lang) + words[0]!.slice(1);
  // Another language joins the terms its own way ("A, B et C", "A、B和C"); English keeps "A, B and C".
  if (!lang.startsWith('en')) return new Intl.ListFormat(lang, { type: 'conjunction' }).format(words);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Words a title does not end on, and where a long subject is cut: prepositions, articles, conjunctions. */
const FUNCTION_WORD =
  /^(?:of|in|on|at|by|for|from|to|with|without|into|onto|over|under|after|before|during|since|about|against|between|among|through|across|within|a|an|the|and|or|but|nor|as|than|that|which|who|whose|whom|its|their|his|her|this|these|those)$/i;
/** The start of an opening clause before the subject: "When the EU raised its duties, …", "In January, …". */
const OPENER =
  /^(?:when|after|before|although|though|as|since|while|if|because|despite|in|on|at|during|over|for|last|this|three|two|several|for years|until|once|with|without|amid|following|according)\b/i;
/** Where the subject ends: the first auxiliary or modal verb. */
const AUXILIARY =
  /^(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|shall|does|do|did|remains|remain|seems|appears)$/i;

/**
 * A title for an article without a headline, by deletion from its first sentence: without
 * parentheses and an opening clause, its subject (up to the first auxiliary verb) when that is 4–10
 * words, else its first words up to a preposition, at most 10. "The recent killing of an Islamic
 * State Khorasan Province affiliate". Undefined when the sentence gives fewer than 4 words.
 */
export function titleFromLead(sentences: Sentence[]): string | undefined {
  const lead = sentences.find((s) => s.kind === 'paragraph' && s.words >= 6);
  if (!lead) return undefined;
  let text = lead.text.replace(/\s*\([^()]*\)/g, '').replace(/\s*\[[^\]]*\]/g, '');
  const opening = /^([^,;:]{3,160}),\s+(.+)$/.exec(text);
  if (opening && OPENER.test(opening[1]!) && opening[2]!.split(/\s+/).length >= 6) text = opening[2]!;
  const words = text.replace(/[.!?…]+$/, '').split(/\s+/);
  const clause = words.findIndex((w, i) => i > 0 && (/[,;:—–]$/.test(words[i - 1]!) || AUXILIARY.test(w)));
  let phrase: string[];
  // Not "Officials promised that the measure": an auxiliary after "that" is in a clause of its own.
  const subordinate = words.slice(0, Math.max(clause, 0)).some((w) => /^(?:that|which|who)$/i.test(w));
  if (clause >= 4 && clause <= 10 && !subordinate) phrase = words.slice(0, clause);
  else {
    // Up to the last preposition or conjunction within 10 words, so the phrase ends where a phrase can.
    let end = Math.min(words.length, 10);
    for (let k = end; k >= 4; k--) {
      if (k === words.length || FUNCTION_WORD.test(words[k]!)) {
        end = k;
        break;
      }
    }
    phrase = words.slice(0, end);
  }
  while (phrase.length && FUNCTION_WORD.test(phrase[phrase.length - 1]!.replace(/[,;:]$/, ''))) phrase.pop();
  const title = phrase.join(' ').replace(/[,;:—–]+$/, '');
  if (phrase.length < 4) return undefined;
  return title.charAt(0).toUpperCase() + title.slice(1);
}
