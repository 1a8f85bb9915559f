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
  /^(?:(?:moreover|furthermore|additionally|in addition|also|however|meanwhile|indeed|still|likewise|similarly|consequently|therefore|thus|hence|as a result|in short|in sum|overall|importantly|crucially|above all|first and foremost|most importantly|more importantly|equally important(?:ly)?|just as important(?:ly)?|first|second|third|fourth|fifth|sixth|firstly|secondly|thirdly|first of all|to begin with|to start with|for a start|for starters|in the first place|for one thing|for another|next|then|finally|lastly|last but not least|at the same time|on top of that|on top of this|beyond that|beyond this|having said that|that said|that being said)\s*,|(?:and|but|yet|so)\b)\s+(?=\S)/i;

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
  /^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|fifth|sixth|next|then|finally|lastly|last|to begin with|to start with|for a start|first of all|in the first place)\b,?\s/i;

const MODAL =
  /\b(?:should|must|ought to|needs? to|has to|have to|is (?:essential|imperative|vital|crucial|critical|necessary|time) (?:that|to|for)|(?:we|i) (?:recommend|urge|propose|call (?:for|on))|recommends? that|it is time to|would do well to|would be (?:wise|well advised|better advised|right) to|had better|it would be (?:wise|sensible|better|prudent) (?:for \w+ )?to)\b/i;

/** Past participles after "should have" / "must have": hindsight or inference ("should have acted", "must have known"), not "should have a seat". */
const PARTICIPLE =
  /(?:\w+ed|been|done|gone|known|seen|taken|given|made|paid|told|sent|kept|left|felt|lost|brought|thought|bought|caught|taught|won|begun|run|put|set|cut|let|spent|built|held|met|said|heard|found|got|gotten|become|come|chosen|spoken|written|driven|shown|grown|drawn|thrown|fallen|risen|understood|stood|meant)/
    .source;

/** Verbs that report someone's view; before a modal they make the sentence theirs, unless the author ("I", "we") speaks. */
const REPORTING =
  /\b(?:say|says|said|saying|argue|argues|argued|arguing|claimed|claiming|contend|contends|contended|insist|insists|insisted|maintains|maintained|believe|believes|believed|think|thinks|thought|feel|feels|felt|suggest|suggests|suggested|suggesting|recommends|warn|warns|warned|tell|tells|told|declares|write|writes|wrote|noted|adds|asserts|asserted|explains|explained|acknowledges|acknowledged|admits|admitted|concedes|conceded|demanded|reckon|reckons|reckoned|urges|urged)\b/gi;

/** Words between a reporting verb and its subject that say nothing about who speaks ("is often argued", "have long said"). */
const AUXILIARY =
  /^(?:is|are|was|were|has|have|had|be|been|being|will|would|might|may|could|can|do|does|did|not|never|also|often|widely|sometimes|repeatedly|now|long|once|always|still|rightly|wrongly|\w+ly)$/i;

/** True when a reporting verb before the modal has a speaker other than the author ("The minister said …", "It is often argued …"). */
function isReported(text: string): boolean {
  const modal = MODAL.exec(text);
  if (!modal) return false;
  // The modal may itself be the reporting verb: "The report recommends that …".
  const before = text.slice(0, modal.index + (/^recommends? that/i.test(modal[0]) ? modal[0].length : 0));
  for (const verb of before.matchAll(REPORTING)) {
    const words = before.slice(0, verb.index).trim().split(/\s+/).reverse();
    const subject = words
      .find((w) => !AUXILIARY.test(w))
      ?.toLowerCase()
      .replace(/[^\p{L}']/gu, '');
    if (subject === 'i' || subject === 'we') continue; // "We believe the region should …" is the author's
    // "As Berg rightly argues, …": the author endorses it.
    if (/\b(?:rightly|correctly)\s+$/i.test(before.slice(0, verb.index))) continue;
    // "This report recommends that …": the article speaking of itself.
    if (
      /\b(?:this|our|my) (?:report|paper|brief|briefing|article|study|analysis|essay|piece|note)$/i.test(
        before.slice(0, verb.index).trim(),
      )
    )
      continue;
    // "This suggests that we should …" is the author's own inference.
    if (/^(?:this|that|which|it)$/.test(subject ?? '') && /^suggests?$/i.test(verb[0])) continue;
    if (subject === 'having' || subject === '') continue; // "Having said that, …" is a connective
    return true;
  }
  // The modal inside a quotation: someone else's words ("“Europe must act,” she said.").
  for (const quote of text.matchAll(/[“"]([^”"]{8,})[”"]/g))
    if (MODAL.test(quote[1]!) && quote[1]!.trim().split(/\s+/).length >= 3) return true;
  return false;
}

/** Modal uses that describe, speculate or report instead of prescribing. */
const NOT_PRESCRIPTIVE = [
  // Hindsight and inference: "should have acted", "should never have cut", "must have been tempting".
  new RegExp(
    `\\b(?:should|must|ought to)(?:n't| not)? (?:\\w+ly |never |already |also |not |at least )?have ${PARTICIPLE}\\b`,
    'i',
  ),
  /\b(?:should|must)(?:n't)? (?:\w+ )?(?:have|'ve) (?:been|known)\b|\b(?:should|must)'ve\b/i,
  /\b(?:should|must) be (?:noted|remembered|said|stressed|emphasi[sz]ed|recalled|acknowledged|admitted|pointed out|clear|obvious)\b/i,
  /\bshould (?:not |n't )?(?:surprise|worry|concern|alarm|trouble|reassure|come as)\b/i,
  /\bshould(?: not|n't)? be (?:surprised|shocked|alarmed|reassured|fooled|misled|deceived|underestimated|overstated|exaggerated|dismissed)\b/i,
  /\bmust (?:be|feel|seem|look) (?:\w+ )?(?:tempting|frustrating|galling|painful|bewildering|puzzling|maddening|disheartening|daunting|sobering|strange|odd|surprising|a relief)\b/i,
  // "will have to keep" is a consequence; "would need to agree", "would then have to" a hypothetical.
  /\b(?:will|would|might|may|could|did|had|do|does|don't|doesn't) (?:still |then |first |also |probably |likely |surely |certainly )?(?:have|need) to\b/i,
  /\bwould (?:\w+ )?be (?:required|obliged|forced|compelled|expected) to\b/i,
  /\b(?:remains|remain) to be seen\b/i,
  // A complaint, not an instruction: "They should not have to." (a positive "should have to disclose" prescribes).
  /\bshould(?: not|n't) have to\b/i,
  // A warning about an abstract thing, not a task for an actor: "it should not breed complacency", "The lesson
  // should not be lost again", "The response should not be more warships alone", "should not be an excuse".
  /\bshould(?: not|n't) (?:\w+ly )?(?:breed|become|obscure|distract|blind|lull|mask|hide|overshadow|eclipse|excuse|justify|be (?:lost|forgotten|wasted|squandered|overlooked|mistaken|confused|more|less|an? (?!\w+ (?:for|to)\b)|the|seen|read|taken))\b/i,
  // A burden of proof, described: "Investigators must prove that a product …", "Applicants must show that …".
  /\bmust (?:first |still |also )?(?:prove|show|demonstrate|establish) that\b/i,
  // Forecasts: "Prices should fall next year", "The plant should be online by 2027".
  /\bshould (?:\w+ly )?(?:fall|rise|drop|ease|recover|peak|arrive|rebound|be (?:online|operational|ready|complete|completed|finished|in place)) (?:\w+ ){0,3}(?:by|next|later|soon|this|within|in \d{4}|early|late|once)\b/i,
  // A step in a procedure, described: "The bill must still pass the Senate", "must first be approved by".
  /\b(?:must|has to|have to|needs? to) (?:still|first|yet) (?:pass|clear|survive|win|go through|be (?:approved|ratified|signed|confirmed|passed|agreed))\b/i,
  // A speaker in the middle: "The EU should, he added, lift the ban."
  /,\s+(?:[\w-]+\s+){1,4}?(?:said|says|added|adds|argued|argues|insisted|insists|warned|warns|wrote|writes|told \w+),/i,
  // An announcement, not a recommendation: "We recommend three changes." "The author proposes the following steps:"
  /\b(?:recommend|propose|suggest|urge)s? (?:the following|(?:a few|several|some|two|three|four|five|six|seven|\d+) (?:\w+ )?(?:steps|changes|measures|actions|reforms|priorities|things|ideas|principles|recommendations|proposals))\b/i,
  /\b(?:if|whether|when|unless) [^,;]{0,60}\b(?:should|must)\b/i,
  // Counterfactuals: "If Sweden were to leave, it would …", "Were the EU to …", "Should the talks fail, …".
  /\b(?:if|even if|suppose|supposing|imagine|unless)\b[^.;,]{0,80}\b(?:were|had)\b/i,
  /^(?:were|had|should) (?:the |a |an |this |that |these |those |its |their |\p{Lu}\w* )?[\w-]+(?: [\w-]+){0,4} (?:to |not |fail|succeed|collapse|break|go|come|happen|prove|turn|decide|refuse|choose|win|lose)/iu,
  /\b(?:critics|opponents|skeptics|sceptics|some|others|many|they|defenders|supporters|proponents|advocates|commentators|analysts|observers|officials|experts) (?:\w+ )?(?:will |would |might |may |have |had |often |long )?(?:say|argue|claim|contend|insist|object|reply|respond|suggest|believe|think|warn|maintain|propose)(?:s|ed)?\b/i,
  // The same with the speaker after: "The EU should lift the ban, the minister told reporters." "…, according to X."
  /,\s+(?:\w+\s+){0,6}?(?:said|says|argued|argues|added|adds|warned|warns|insisted|insists|told|tells|wrote|writes|believes|claimed|claims)\b[^,;]*[.!]?["”’]?\s*$/i,
  /\b[Aa]ccording to (?:the |a |an |its |his |her |their )?(?:\p{Lu}|(?:[\w-]+ ){0,3}(?:minister|ministry|government|officials?|reports?|study|survey|analysts?|experts?|association|agency|commission|spokes\w+|sources?|critics|industry|police|unions?|council|president|chancellor|authorities|data|figures|estimates|polls?)\b)/u,
  /\b(?:in (?:the|their|his|her|its) (?:view|words|opinion)(?! of (?:this|the) (?:author|writer))|in the view of|as (?:\w+ ){1,4}(?:put|puts) it|the argument goes|on this view|in this view|the (?:conventional|received) wisdom|the (?:common|popular|standard|usual|prevailing|tempting|easy|obvious) (?:view|answer|conclusion|assumption|response|argument|refrain|reflex) (?:is|was|holds|has been))\b/i,
  // An existing rule, described: "Under the current rules, operators must report …"; "The law says firms must …".
  /^under (?:the |its |their |this |that |a |an |these |those )?(?:\w+ ){0,3}(?:law|laws|rules?|regulations?|directive|act|treaty|agreement|deal|regime|scheme|plan|proposal|bill|code|standard|framework|guidelines|terms|contract|convention|system)\b/i,
  /\b(?:law|laws|rules?|regulations?|directive|act|treaty|statute|code|contract|constitution)s? (?:already |currently |now )?(?:says?|states?|requires?|stipulates?|mandates?|provides?) that\b/i,
  /^to (?:qualify|be eligible|apply|enter|vote|register|receive|claim|obtain|get|win)\b/i,
];

/** A headline, not prose: most words capitalised ("They Should Not Have To."). */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.7;
}

/** True for a sentence that tells someone what to do, in the author's voice, in the article's language (English by default). */
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
  if (/\?\s*["”’)]?$/.test(text) || isTitleCase(text)) return false;
  if (!MODAL.test(text)) return false;
  return !NOT_PRESCRIPTIVE.some((pattern) => pattern.test(text)) && !isReported(text);
}

/**
 * The frame of one step in a run of prose recommendations, with the words that follow it:
 * "A third step is for [the Nordic states to …]", "One option is to [raise …]", "The next step
 * should be [a joint …]", "What is needed is [a single …]". The frame may be dropped from the bullet.
 */
const STEP_FRAME =
  /^(?:(?:a|an|the|one|another|our|my|a further|one more) (?:(?:first|second|third|fourth|fifth|sixth|next|final|last|further|other|additional|related|complementary|parallel|obvious|simplest|cheapest|quickest|best|most urgent|most important|urgent|immediate|logical|natural|sensible|useful|good|better|practical|concrete|clear|big|bigger|more ambitious|longer-term|short-term|first and most urgent)\s+)*(?:step|move|measure|priority|task|change|reform|option|fix|remedy|answer|solution|lever|tool|element|ingredient|piece|part|pillar|idea|proposal|recommendation|place to start|starting point|way forward|approach|course|order of business|thing to do|job)s? (?:(?:is|would be) (?:for|to|that)|(?:should|must|needs? to|has to|will) be(?: for| to| that)?|lies in)|what (?:is|are) (?:now |urgently |really |most |therefore |also |still )?(?:needed|required|called for|wanted) (?:now |most |above all |therefore |instead )?(?:is|are))\s+(?=\S)/i;

/** Drops a step frame ("A third step is for …") and capitalises what follows; nothing else changes. */
export function dropStepFrame(text: string): Trimmed {
  const m = STEP_FRAME.exec(text);
  if (!m) return { text };
  const rest = text.slice(m[0].length);
  if (!/^[\p{L}\d"“‘(]/u.test(rest)) return { text };
  return { text: rest.charAt(0).toUpperCase() + rest.slice(1), dropped: m[0].trim() };
}

/** A step frame opens the sentence: a recommendation in a run even without "should". */
export function isStep(text: string): boolean {
  const trimmed = trimConnective(text).text;
  return (STEP_FRAME.test(trimmed) || NEED.test(trimmed)) && !/\?\s*["”’)]?$/.test(text);
}

/** "What Europe needs is …": a step whose actor is in the frame, so the frame stays in the bullet. */
const NEED = /^what (?:[\w-]+ ){1,4}(?:needs?|requires?|lacks?) (?:now |most |above all )?(?:is|are)\s/i;

/**
 * Softer prescriptions: "X would help", "… would go a long way", "… would be a good start",
 * "… is long overdue". The author's prescription only inside a run of recommendations, never alone
 * ("A weaker krona would help exporters" in a news story is not one).
 */
const SOFT =
  /\b(?:would|could|will|can) (?:also |greatly |further |really |certainly |surely )?(?:help|go a long way|make a (?:real |big |huge )?difference|be a (?:good |useful |sensible |welcome |necessary |modest )?(?:start|step|first step|place to start)|pay off|be worth (?:it|trying|the cost)|serve as)\b|\bis (?:the|a) (?:place|way) to (?:start|begin)\b|\bis (?:long )?overdue\b/i;

/** Imperatives that open a sentence in prose but are set phrases, not instructions. */
const SET_PHRASE =
  /^(?:make no mistake|keep in mind|put (?:simply|another way|differently|bluntly)|take (?:the|for) example|consider)\b/i;

export function isSoftPrescription(text: string): boolean {
  const trimmed = trimConnective(text).text;
  if (/\?\s*["”’)]?$/.test(text) || SET_PHRASE.test(trimmed)) return false;
  return (
    (SOFT.test(text) || isStep(text)) && !NOT_PRESCRIPTIVE.some((pattern) => pattern.test(text)) && !isReported(text)
  );
}

/**
 * The author rejecting the view just stated: "That would be a mistake.", "This is the wrong
 * lesson.", "Nothing could be further from the truth." The sentence before it is not a recommendation.
 */
export const REJECTION =
  /^(?:but |yet |and )?(?:(?:that|this|such|it|they|both|the idea|the argument|the proposal|the plan)(?: \w+)?) (?:\w+ )?(?:would|will|is|was|are|were|seems?|looks?|sounds?)(?: \w+ly)?(?: be)?(?: a| an| the)?(?: \w+)? (?:mistake|error|misreading|folly|wrong|mistaken|misguided|misplaced|naive|naïve|short-sighted|shortsighted|illusion|fantasy|dead end|bad idea|wishful thinking|backwards|unwise|counterproductive|self-defeating|flawed|dangerous|lesson to avoid)\b|^(?:this|that|it) (?:gets|has) (?:it|things) (?:backwards|wrong)\b|^nothing could be further from the truth\b|^(?:they|critics|such arguments|both) are wrong\b|^(?:that|this|it) (?:is|would be|was) (?:not|hardly|no) (?:the |an? )?(?:answer|solution|way|remedy|fix)\b|^(?:i|we) (?:disagree|doubt it|am not convinced|are not convinced)\b|^(?:not so|wrong|hardly)[.!]/i;

/** Verbs that open an instruction ("Fund the agency …"): recommendations in lists and recommendation sections, and in a run of them in prose. */
const IMPERATIVE =
  /^(?:adopt|allow|appoint|avoid|ban|build|cap|change|close|commit|coordinate|create|cut|define|develop|encourage|end|enforce|engage|ensure|establish|expand|extend|focus|fund|give|help|improve|increase|introduce|invest|keep|launch|limit|link|make|monitor|offer|pass|plan|prepare|prioriti[sz]e|promote|protect|provide|publish|push|put|raise|reduce|reform|reinforce|require|restore|review|scale|set|share|start|stop|streamline|strengthen|support|tie|track|train|update|use|widen)\b/i;

export function isImperative(text: string): boolean {
  return IMPERATIVE.test(text) && !SET_PHRASE.test(text) && !/\?\s*["”’)]?$/.test(text);
}

/** An imperative in running prose: a whole sentence, not a button row ("Share on Facebook | Share on X"). */
export function isImperativeSentence(text: string): boolean {
  return isImperative(text) && /[.!]["”’)]?$/.test(text) && !/[|•·]/.test(text) && text.split(/\s+/).length >= 4;
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
const RECOMMENDATION_INTRO =
  /\b(?:recommend\w*|what (?:\w+ ){0,4}(?:should|must|can|needs? to|ought to) (?:do|be done)|the way forward|way ahead|policy (?:options|proposals|prescriptions)|next steps|action (?:points|items|plan)|what (?:needs|has) to (?:happen|change)|(?:our|my|key) proposals?|we (?:propose|urge|call for))\b/i;

/**
 * Words that carry consequences, with weights. A sentence needs 2 points to count as an implication
 * (1 when fewer than two sentences of the article have 2: implications.ts).
 */
const IMPLICATION_CUES: [RegExp, number][] = [
  [/\bimplications?\b/i, 3],
  [/\bconsequences?\b/i, 3],
  [/\b(?:effects?|impacts?|repercussions?|fallout|knock-on)\b/i, 2],
  [/\braises? (?:\w+ ){0,2}(?:concerns?|questions?|fears?|doubts?|the (?:risk|prospect|stakes))\b/i, 3],
  [
    /\b(?:could|would|may|might|will) (?:\w+ ){0,2}(?:lead to|result in|cause|trigger|provoke|prompt|force|undermine|erode|isolate|alienate|reshape|destabili[sz]e|threaten|jeopardi[sz]e|cut|raise|lose|undercut|disturb|overwhelm|widen|deepen|worsen|hurt|harm|weaken|damage|strain|squeeze|delay)\b/i,
    3,
  ],
  // Not inside a compound: "war-risk premiums" and "low-risk bonds" state no risk.
  [/(?<![\p{L}-])(?:risks?|risky|riskier)(?![\p{L}-])|\bat (?:risk|stake)\b/iu, 2],
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
