/**
 * Recommendations, in order of preference:
 * 1. an explicit list: list items introduced by a recommendations heading or lead-in
 *    ("Following Recommendations:", "## What utilities should do"), or a list whose items are
 *    mostly prescriptive — every item, verbatim;
 * 2. a section under such a heading, written as paragraphs: its prescriptive sentences;
 * 3. otherwise prescriptive sentences anywhere in the prose ("should", "must", "needs to",
 *    "First, … Second, …").
 * Nothing found means no recommendations: the caller warns, it never invents any.
 */

import { ENUMERATION, isPrescriptive, isRecommendationIntro, trimConnective } from './cues.js';
import type { Article, Recommendation, RecommendationOrigin, Sentence } from './article.js';
import { firstClause, primaryLanguage } from './languages/index.js';

const IMPERATIVE =
  /^(?:adopt|allow|appoint|avoid|ban|build|cap|change|close|commit|coordinate|create|cut|define|develop|encourage|end|enforce|engage|ensure|establish|expand|extend|focus|fund|give|help|improve|increase|introduce|invest|keep|launch|limit|link|make|monitor|offer|pass|plan|prepare|prioriti[sz]e|promote|protect|provide|publish|push|put|raise|reduce|reform|reinforce|require|restore|review|scale|set|share|start|stop|streamline|strengthen|support|tie|track|train|update|use|widen)\b/i;

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
  const prescriptive = (text: string) => isPrescriptive(text, lang) || IMPERATIVE.test(text);
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
      items.push(recommendation(article.blocks[b]!.text, lang, parts[0]!, parts));
    }
  }
  if (items.length) return { items, from: 'list', intro, used };

  // 2. A recommendations section written as paragraphs.
  const inSection = sentences.filter((s) => s.kind === 'paragraph' && announces(s.heading) && prescriptive(s.text));
  if (inSection.length) {
    for (const s of inSection) used.add(s.id);
    return {
      items: inSection.map((s) => recommendation(s.text, lang, s)),
      from: 'section',
      intro: inSection[0]!.heading,
      used,
    };
  }

  // 3. Prescriptive sentences in the prose.
  const prose = sentences.filter(
    (s) =>
      s.kind === 'paragraph' &&
      (isPrescriptive(s.text, lang) || (ENUMERATION.test(s.text) && isPrescriptive(trimConnective(s.text).text))),
  );
  for (const s of prose) used.add(s.id);
  return { items: prose.map((s) => recommendation(s.text, lang, s)), from: prose.length ? 'prose' : 'none', used };
}

/** The paragraph or heading just before a block (a list's lead-in). */
function previousText(article: Article, block: number): string | undefined {
  const previous = article.blocks[block - 1];
  return previous && previous.kind !== 'item' ? previous.text : undefined;
}

function recommendation(text: string, lang: string, source: Sentence, sources?: Sentence[]): Recommendation {
  const trimmed = trimConnective(text, lang).text;
  const { lead, rest } = primaryLanguage(lang) === 'en' ? splitLead(trimmed) : firstClause(trimmed, lang);
  return { text: trimmed, lead, rest, source, sources };
}

const BREAK_WORDS =
  /^(?:to|by|so|before|after|that|which|who|whom|whose|where|when|through|with|within|without|for|on|in|at|from|against|during|under|over|across|between|among|including|via|beyond|until|till|instead|except|like|than|rather|while|because|since|unless|as)$/i;
/** After a comma, the words that open a new clause or phrase (not the next item of a series: "offline, manual"). */
const CLAUSE_OPENER =
  /^(?:and|but|or|nor|so|yet|not|even|especially|particularly|just|both|either|then|thereby|thus|\w+ing|\w+ed)$/i;

/**
 * The bold lead of a recommendation: its first clause. Split at the first comma, semicolon,
 * colon or dash within 3–14 words (not one that comes before the main verb, as in "At home, …"),
 * else before the first preposition or conjunction after the verb and its first word; a short
 * sentence is all lead.
 */
export function splitLead(text: string): { lead: string; rest: string } {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length <= 9) return { lead: text, rest: '' };
  const modal = words.findIndex((w) =>
    /^(?:should|must|needs?|ought|has|have|can|could|will|would|may|might|is|are)$/i.test(w[0]),
  );
  const last = Math.min(words.length - 2, 14);
  for (let i = 2; i < last; i++) {
    const word = words[i]![0];
    const early = modal > i && i < 4;
    const next = words[i + 1]![0].replace(/^[("“‘]/, '');
    if (!early && (/[;:]$/.test(word) || (/,$/.test(word) && (BREAK_WORDS.test(next) || CLAUSE_OPENER.test(next)))))
      return cut(text, words[i]!.index! + word.length - 1);
    if (!early && /^(?:—|–|--)$/.test(words[i + 1]![0])) return cut(text, words[i + 1]!.index! - 1);
  }
  const from = Math.max(3, modal >= 0 ? modal + 3 : 3);
  for (let i = from; i < Math.min(words.length - 2, 16); i++) {
    const w = words[i]![0].toLowerCase();
    if (BREAK_WORDS.test(w)) return cut(text, words[i]!.index! - 1);
  }
  // No clause boundary: the subject, verb and its first word.
  const end = Math.min(words.length - 2, Math.max(6, modal >= 0 ? modal + 2 : 6));
  return cut(text, words[end]!.index! + words[end]![0].length);
}

function cut(text: string, at: number): { lead: string; rest: string } {
  const lead = text.slice(0, at).trimEnd();
  return { lead, rest: text.slice(lead.length) };
}
