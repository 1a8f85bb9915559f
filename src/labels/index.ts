/**
 * Labels: the words briefdeck itself puts on every output, in the briefing's language. A shared leaf
 * module: the content stage reads its section headings, every output stage its texts.
 */
import { type LabelOverrides, Labels } from './labels.js';
import { fallbackTags } from './sets.js';

export { LABEL_KEYS, isLabelKey, type LabelKey, type LabelText } from './keys.js';
export { Labels, type LabelOverrides } from './labels.js';
export { labelSetFor, labelFile, fallbackTags, type LabelSet } from './sets.js';
export { labelOverridesSchema, digitsSchema, isLanguageTag } from './schema.js';

/** What a briefing says of its labels (front matter `lang`, `digits`, `labels`). */
export interface BriefingLabelChoice {
  lang: string;
  digits?: 'latin' | 'native';
  labels?: LabelOverrides;
}

/** What a project says of them (the config's `labels:` by language tag, and `digits`). */
export interface ProjectLabelChoice {
  labels?: Record<string, LabelOverrides>;
  digits?: 'latin' | 'native';
}

/**
 * A briefing's labels: its language's set, then the project's labels for that language (its general
 * tag, then the exact one: `fr`, then `fr-CA`), then the briefing's own. The project's `en` labels
 * apply to English briefings only, not to the English fallbacks of another language.
 */
export function briefingLabels(briefing: BriefingLabelChoice, project: ProjectLabelChoice = {}): Labels {
  const tags = fallbackTags(briefing.lang);
  const ownTags = new Intl.Locale(briefing.lang).language === 'en' ? tags : tags.slice(1);
  const fromProject = ownTags.map((tag) => project.labels?.[tag]).filter((layer) => layer !== undefined);
  return new Labels({
    lang: briefing.lang,
    digits: briefing.digits ?? project.digits,
    overrides: [...fromProject, ...(briefing.labels ? [briefing.labels] : [])],
  });
}
