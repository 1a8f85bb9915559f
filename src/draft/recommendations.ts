/**
 * Recommendations, in order of preference:
 * 1. an explicit list: list items introduced by a recommendations heading or lead-in
 *    ("Following Recommendations:", "## What utilities should do"), or a list whose items are
 *    mostly prescriptive — every item (shortened by deletion when over 25 words and its bold lead survives);
 * 2. a section under such a heading, written as paragraphs: its prescriptive sentences;
 * 3. otherwise the author's prescriptions in the prose: "should", "must", "needs to",
 *    "First, … Second, …", step frames ("A third step is for …", "What is needed is …"), and,
 *    next to those, softer ones ("X would help") and imperatives.
 * Reported, rejected and hypothetical "should" sentences are left out (the rules are in cues.ts).
 * Nothing found means no recommendations: the caller warns, it never invents any.
 */

import {
  dropStepFrame,
  ENUMERATION,
  isImperative,
  isImperativeSentence,
  isPrescriptive,
  isRecommendationIntro,
  isSoftPrescription,
  isStep,
  REJECTION,
  trimConnective,
} from './cues.js';
import type { Article, Recommendation, RecommendationOrigin, Sentence } from './article.js';
import { countWords, shorten } from './compress.js';
import { firstClause, isEnglish } from './languages/index.js';

export interface FoundRecommendations {
  items: Recommendation[];
  from: RecommendationOrigin;
  intro?: string;
  /** Sentence ids used, so summary and implications can leave them out. */
  used: Set<number>;
}

export function findRecommendations(article: Article, sentences: Sentence[]): FoundRecommendations {
  const byBlock = new Map<number, Sentence[]>();
  for (const s of sentences) (byBlock.get(s.block) ?? byBlock.set(s.block, []).get(s.block)!).push(s);
  const lang = article.language;
  // Step frames, softer prescriptions, imperatives and rejections are English word patterns.
  const english = isEnglish(lang);
  const rejected = english ? rejectedViews(sentences) : new Set<number>();
  const step = (text: string) => english && isStep(text);
  const soft = (text: string) => english && isSoftPrescription(text);
  const prescriptive = (text: string) => isPrescriptive(text, lang) || step(text) || (english && isImperative(text));
  const announces = (text: string | undefined) => text !== undefined && isRecommendationIntro(text, lang);

  // 1. Lists.
  const lists = new Map<number, number[]>();
  article.blocks.forEach((block, b) => {
    if (block.kind === 'item' && block.list !== undefined)
      (lists.get(block.list) ?? lists.set(block.list, []).get(block.list)!).push(b);
  });
  const items: Recommendation[] = [];
  const used = new Set<number>();
  let intro: string | undefined;
  for (const blockIds of lists.values()) {
    const first = blockIds[0]!;
    const before = previousText(article, first);
    const heading = byBlock.get(first)?.[0]?.heading;
    const announced = announces(before) || announces(heading);
    const share = blockIds.filter((b) => prescriptive(article.blocks[b]!.text)).length / blockIds.length;
    if (!announced && !(blockIds.length >= 2 && share >= 0.6)) continue;
    intro ??= announced ? (announces(before) ? before : heading) : undefined;
    for (const b of blockIds) {
      const parts = byBlock.get(b) ?? [];
      if (!parts.length) continue;
      for (const s of parts) used.add(s.id);
      items.push(recommendation(article.blocks[b]!.text, lang, parts[0]!, parts, true));
    }
  }
  if (items.length) return { items, from: 'list', intro, used };

  // 2. A recommendations section written as paragraphs.
  const inSection = sentences.filter(
    (s) =>
      s.kind === 'paragraph' && announces(s.heading) && !rejected.has(s.id) && (prescriptive(s.text) || soft(s.text)),
  );
  if (inSection.length) {
    for (const s of inSection) used.add(s.id);
    return {
      items: inSection.map((s) => recommendation(s.text, lang, s)),
      from: 'section',
      intro: inSection[0]!.heading,
      used,
    };
  }

  // 3. The author's prescriptions in the prose; softer ones only next to those (a run of them).
  const strong = sentences.filter(
    (s) =>
      s.kind === 'paragraph' &&
      !rejected.has(s.id) &&
      (isPrescriptive(s.text, lang) ||
        step(s.text) ||
        (ENUMERATION.test(s.text) && isPrescriptive(trimConnective(s.text).text))),
  );
  const chosen = new Set(strong.map((s) => s.id));
  const run = new Set(strong.flatMap((s) => [s.para - 1, s.para, s.para + 1]));
  const prose = sentences.filter(
    (s) =>
      chosen.has(s.id) ||
      (english &&
        strong.length >= 2 &&
        s.kind === 'paragraph' &&
        run.has(s.para) &&
        !rejected.has(s.id) &&
        (isSoftPrescription(s.text) || isImperativeSentence(trimConnective(s.text).text))),
  );
  for (const s of prose) used.add(s.id);
  return { items: prose.map((s) => recommendation(s.text, lang, s)), from: prose.length ? 'prose' : 'none', used };
}

/** Sentences that the next sentence rejects ("Some say Europe should … That would be a mistake."). */
function rejectedViews(sentences: Sentence[]): Set<number> {
  const rejected = new Set<number>();
  for (const [i, s] of sentences.entries()) {
    const next = sentences[i + 1];
    if (next && next.block <= s.block + 1 && REJECTION.test(trimConnective(next.text).text)) rejected.add(s.id);
  }
  return rejected;
}

/** The paragraph or heading just before a block (a list's lead-in). */
function previousText(article: Article, block: number): string | undefined {
  const previous = article.blocks[block - 1];
  return previous && previous.kind !== 'item' ? previous.text : undefined;
}

/**
 * A recommendation's bullet: the sentence without what only numbers it, shortened by deletion
 * (compress.ts) when it has more than 25 words and is one sentence, with its bold lead. The note
 * (written from `source`/`sources`) keeps the whole sentence.
 */
function recommendation(
  text: string,
  lang: string,
  source: Sentence,
  sources?: Sentence[],
  item = false,
): Recommendation {
  const english = isEnglish(lang);
  const whole = english ? dropListConnectives(text) : trimConnective(text, lang).text;
  const full = english ? splitLead(whole, { item }) : firstClause(whole, lang);
  const oneSentence = (sources?.length ?? 1) === 1;
  const short = oneSentence && countWords(whole, lang) > 25 ? shorten(whole, { language: lang }).text : whole;
  // Only a shortening that keeps the whole prescriptive clause: a cut inside it would change what is asked.
  const at = short === whole ? -1 : short.indexOf(full.lead);
  if (at >= 0) {
    const before = short.slice(0, at);
    return { text: short, before, lead: full.lead, rest: short.slice(at + full.lead.length), source, sources };
  }
  return { text: whole, ...full, source, sources };
}

/**
 * Drops what only numbers the step: "First,", "To begin with,", "And finally,", "A third step is
 * for …", "What is needed is …" (deletion only; the note keeps the whole sentence).
 */
function dropListConnectives(text: string): string {
  let shown = text;
  for (let i = 0; i < 3; i++) {
    const next = dropStepFrame(trimConnective(shown).text).text;
    if (next === shown) break;
    shown = next;
  }
  return shown;
}

export interface Lead {
  /** Text before the bold lead: an opening adverbial ("At home, "), a frame ("We recommend that "), a descriptive clause. */
  before: string;
  /** The bold part: the prescriptive clause (actor + modal + verb + object), or a list item's label. */
  lead: string;
  /** The rest after the lead (may start with punctuation or be empty). */
  rest: string;
}

const BREAK_WORDS =
  /^(?:to|by|so|before|after|that|which|who|whom|whose|where|when|through|with|within|without|for|on|in|at|from|against|during|under|over|across|between|among|including|via|beyond|until|till|instead|except|like|than|rather|while|because|since|unless|as)$/i;
/** After a comma, the words that open a new clause or phrase (not the next item of a series: "offline, manual"). */
const CLAUSE_OPENER =
  /^(?:and|but|or|nor|so|yet|not|even|especially|particularly|just|both|either|then|thereby|thus|\w+ing|\w+ed)$/i;
/** The words a recommendation turns on; "to" stands in for them after a step frame ("the Nordic states to create …"). */
const MODAL_WORD =
  /^(?:should|must|needs?|ought|has|have|can|could|will|would|may|might|is|are|urge|recommend|propose)$/i;
/** Participles and adjectives that take "to" as part of the verb: "be required to", "be able to". */
const CHAIN =
  /^(?:required|able|allowed|obliged|forced|encouraged|expected|prepared|willing|ready|permitted|empowered|asked|made|compelled)$/i;
/** Modals of possibility: "Encouraging citizens to report … can serve as …" puts the measure in the subject. */
const POSSIBILITY = /^(?:can|could|will|would|may|might)$/i;
/** An opening adverbial, kept out of the bold: "At home, ", "To close this gap, ", "If the EU is serious, ". */
const OPENING =
  /^(?:at|in|on|for|with|within|over|under|by|before|after|as|given|once|until|while|when|where|if|unless|beyond|instead of|rather than|alongside|besides|from|through|throughout|during|across|among|to|ideally|above all|most urgently|domestically|internationally|abroad|locally|nationally)\b[^,;:]{0,80},\s+(?=\S)/i;
/** A frame around the prescription, kept out of the bold: "We recommend that ", "It is essential that ". */
const FRAME =
  /^(?:(?:we|i) (?:\w+ly )?(?:recommend|propose|suggest|advise|believe|think|would argue|argue)(?: strongly)? (?:that )?(?=\S)|(?:we|i) (?:\w+ly )?(?:urge|call on|ask|invite|encourage) (?=\S)|it is (?:\w+ )?(?:essential|imperative|vital|crucial|critical|necessary|important|urgent) that |it is (?:high )?time (?:that |for )|what (?:[\w-]+ ){1,4}(?:needs?|requires?|lacks?) (?:now |most |above all )?is )/i;

/**
 * The bold lead of a recommendation. A list item's short label ("Border Security: …") is the lead:
 * it is the author's own heading for the item, the shortest faithful summary of it, and bolding the
 * clause after it would give the item two headings. Otherwise the lead is the prescriptive clause:
 * of clauses joined by ";" or ":", the first that prescribes; after an opening adverbial or a frame
 * (which stay, not bold); then up to a comma, semicolon, colon or dash that opens a new clause (not
 * one inside a series such as "an offline, manual fallback"), else up to the first preposition or
 * conjunction after the verb and its object; a short clause is all lead.
 */
export function splitLead(text: string, { item = false }: { item?: boolean } = {}): Lead {
  const label = item ? /^([^:;.!?]{2,60}):\s+\S/.exec(text) : null;
  if (label && isLabel(label[1]!)) return { before: '', lead: label[1]!, rest: text.slice(label[1]!.length) };

  const clauses = [...text.matchAll(/[^;:]+(?:[;:]\s+|$)/g)].map((m) => ({ at: m.index, text: m[0] }));
  const clause =
    clauses.find((c) => isPrescriptive(c.text) || isImperative(c.text) || isSoftPrescription(c.text)) ?? clauses[0];
  let start = clause?.at ?? 0;
  for (let i = 0; i < 3; i++) {
    const here = text.slice(start);
    // An opening only when the prescription follows ("At home, governments should …"); a frame always.
    const opening = OPENING.exec(here);
    const frame = opening && hasVerb(here.slice(opening[0].length)) ? opening : FRAME.exec(here);
    if (!frame) break;
    start += frame[0].length;
  }
  const last = clause !== undefined && clause !== clauses[clauses.length - 1];
  const end = last ? clause.at + clause.text.replace(/[;:]\s+$/, '').length : text.length;
  const lead = countWords(text) <= 9 ? text.slice(start, end) : leadOf(text.slice(start, end));
  return { before: text.slice(0, start), lead, rest: text.slice(start + lead.length) };
}

/** A label is short and states no verb: "Enhanced Intelligence Sharing", "Border security". */
function isLabel(label: string): boolean {
  const words = label.trim().split(/\s+/);
  return words.length <= 6 && !words.some((w) => MODAL_WORD.test(w) || /^(?:was|were|be|been|do|does|did)$/i.test(w));
}

function hasVerb(text: string): boolean {
  return isPrescriptive(text) || isSoftPrescription(text) || text.split(/\s+/).some((w) => MODAL_WORD.test(w));
}

/** "has", "need", "is" count only as "has to", "need to", "is essential" ("The EU, which has dithered, must …"). */
function isModalAt(word: string, next = ''): boolean {
  if (/^(?:has|have|needs?|ought)$/i.test(word)) return /^to$/i.test(next);
  if (/^(?:is|are)$/i.test(word))
    return /^(?:essential|imperative|vital|crucial|critical|necessary|time|to)$/i.test(next);
  return MODAL_WORD.test(word);
}

function leadOf(text: string): string {
  const words = [...text.matchAll(/\S+/g)];
  let modal = words.findIndex((w, i) => isModalAt(w[0], words[i + 1]?.[0]));
  if (modal < 0) modal = words.findIndex((w) => /^to$/i.test(w[0]));
  const upTo = (i: number) => text.slice(0, words[i]!.index + words[i]![0].length);
  // "Promoting moderate interpretations of Islam can help counter …": the subject is the measure.
  if (modal >= 3 && modal <= 10 && POSSIBILITY.test(words[modal]![0]) && !upTo(modal - 1).includes(','))
    return upTo(modal - 1);
  const last = Math.min(words.length - 2, 14);
  for (let i = 2; i < last; i++) {
    const word = words[i]![0];
    const early = modal > i && i < 4;
    const next = words[i + 1]![0].replace(/^[("“‘]/, '');
    // A short aside right after the modal ("should not, under any circumstances, subsidise …") is
    // inside the clause: the verb after it is the lead's.
    if (modal >= 0 && i >= modal && i <= modal + 2 && /,$/.test(word)) {
      const close = words.findIndex((w, j) => j > i && j <= i + 5 && /,$/.test(w[0]));
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (!early && (/[;:]$/.test(word) || (/,$/.test(word) && (BREAK_WORDS.test(next) || CLAUSE_OPENER.test(next)))))
      return upTo(i).slice(0, -1);
    // A dash after the modal opens a new clause; before it, it opens an aside ("The EU — which … — must").
    if (i > modal && /^(?:—|–|--)$/.test(words[i + 1]![0])) return upTo(i);
  }
  const from = Math.max(3, modal >= 0 ? modal + 3 : 3);
  for (let i = from; i < Math.min(words.length - 2, Math.max(16, modal + 8)); i++) {
    // "must be required to report …": that "to" belongs to the verb.
    if (/^to$/i.test(words[i]![0]) && i <= modal + 4 && CHAIN.test(words[i - 1]![0])) continue;
    // "heavier than 250 grams" is the object's comparison, not a new phrase ("rather than" is).
    if (/^than$/i.test(words[i]![0]) && /^(?:(?!rather)\w+er|more|less|fewer)$/i.test(words[i - 1]![0])) continue;
    if (BREAK_WORDS.test(words[i]![0])) return upTo(i - 1);
  }
  if (words.length <= 14) return text;
  // No clause boundary: the subject, verb and its first word.
  return upTo(Math.min(words.length - 2, Math.max(6, modal >= 0 ? modal + 2 : 6)));
}
