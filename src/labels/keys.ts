/**
 * The names of every label: each is a word or phrase briefdeck puts on a slide, page, handout, notes
 * page, contact sheet, index page, PPTX or speaker script. Their texts live in `labels/<lang>.yaml`
 * (labels/en.yaml is the reference); a key added here must be added there too (a unit test checks).
 */
export const LABEL_KEYS = [
  'briefing',
  'informationBriefing',
  'decisionBriefing',
  'basedOn',
  'bottomLine',
  'sources',
  'licence',
  'credit',
  'slideNumber',
  'part',
  'noRecommendations',
  'authorsRecommendations',
  'authorsRecommendationsBy',
  'brieferRecommendation',
  'decisionOptions',
  'option',
  'optionPros',
  'optionCons',
  'optionCost',
  'keyJudgments',
  'confidenceHigh',
  'confidenceModerate',
  'confidenceLow',
  'confidenceLegend',
  'confidenceHighMeaning',
  'confidenceModerateMeaning',
  'confidenceLowMeaning',
  'marking',
  'draftNotice',
  'draft',
  'nextSlide',
  'previousSlide',
  'aboveSlide',
  'belowSlide',
  'slideLabel',
  'noNotes',
  'notesForSlide',
  'page',
  'slideOfTotal',
  'onTheSlide',
  'speakerNotes',
  'noSpeakerNotes',
  'contactSheet',
  'handoutSummary',
  'speakerScriptTitle',
  'handoutPdfTitle',
  'contactSheetPdfTitle',
  'speakerScriptIntro',
  'slideCount',
  'titleSlideOf',
  'briefings',
  'openDeck',
  'pdf',
  'handout',
  'powerPoint',
  'singleFile',
  'slideImages',
  'speakerScript',
  'earlierBuilds',
  'earlierBuildsNote',
  'noBriefings',
  'layoutTitle',
  'layoutImplication',
  'layoutRecommendations',
  'layoutQuote',
  'layoutContent',
  'clickToAddTitle',
  'clickToAddText',
] as const;

export type LabelKey = (typeof LABEL_KEYS)[number];

/** A label's text, or for a count its plural forms by Intl.PluralRules category (`one`, `few`, `other`, …). */
export type LabelText = string | (Partial<Record<Intl.LDMLPluralRule, string>> & { other: string });

export function isLabelKey(key: string): key is LabelKey {
  return (LABEL_KEYS as readonly string[]).includes(key);
}
