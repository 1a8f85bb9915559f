import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packagePath } from '../paths.js';
import type { LabelKey, LabelText } from './keys.js';

/**
 * One language's file in `labels/`: the label texts, the section headings, the confidence tags of key
 * judgments and the keywords of the content syntax, each as that language writes them.
 */
export interface LabelSet {
  /** The file's language tag (`en`, `fr`, `zh-Hant`), or the tags merged into this set, most specific last. */
  tags: string[];
  labels: Record<LabelKey, LabelText>;
  /** Lower-case headings by section kind (plus `bottomLine`: the summary headings that name its first paragraph). */
  sections: Record<string, string[]>;
  confidence: Record<string, string[]>;
  keywords: Record<string, string[]>;
}

type LabelFile = Partial<Omit<LabelSet, 'tags'>> & { language?: string };

const files = new Map<string, LabelFile | undefined>();

/** `labels/<tag>.yaml`, parsed once a process; undefined when briefdeck has no file for the tag. */
export function labelFile(tag: string): LabelFile | undefined {
  if (!files.has(tag)) {
    // Tags come from the schema's canonical BCP 47 check: letters, digits and dashes only, never a path.
    const found = /^[A-Za-z0-9-]+$/.test(tag) && existsSync(file(tag));
    files.set(tag, found ? parse(readFileSync(file(tag), 'utf8')) : undefined);
  }
  // English is the last resort of every label and heading: without it, a broken install, not a briefing problem.
  if (tag === 'en' && !files.get(tag)) throw new Error(`briefdeck's ${file(tag)} is missing: reinstall briefdeck`);
  return files.get(tag);
}

const file = (tag: string) => packagePath('labels', `${tag}.yaml`);

/**
 * The files a language tag reads, most general first: English, then the language, its script and its
 * region (`pt-BR` → en, pt, pt-BR; `zh-TW` → en, zh, zh-Hant, zh-TW: Intl.Locale.maximize gives the
 * script a region writes). Unicode extensions (`-u-nu-latn`) name no file.
 */
export function fallbackTags(lang: string): string[] {
  const tags = ['en'];
  const add = (tag: string | undefined) => tag && !tags.includes(tag) && tags.push(tag);
  try {
    const locale = new Intl.Locale(lang);
    const full = locale.maximize();
    add(locale.language);
    if (locale.script || locale.region) add(`${locale.language}-${full.script}`);
    if (locale.region) add(`${locale.language}-${locale.region}`);
    add(locale.baseName);
  } catch {
    // Not a tag Intl reads: English only (the schema refuses such tags before they get here).
  }
  return tags;
}

const sets = new Map<string, LabelSet>();

/** The label set of a language: every key from the most specific file that has it, English as the last resort. */
export function labelSetFor(lang: string): LabelSet {
  let set = sets.get(lang);
  if (!set) {
    const found = fallbackTags(lang).filter((tag) => labelFile(tag));
    const layers = found.map((tag) => labelFile(tag)!);
    set = {
      tags: found,
      labels: Object.assign({}, ...layers.map((layer) => layer.labels)),
      // Headings and keywords add up: a French briefing may head its sections in French or in English.
      sections: mergeLists(layers.map((layer) => layer.sections)),
      confidence: mergeLists(layers.map((layer) => layer.confidence)),
      keywords: mergeLists(layers.map((layer) => layer.keywords)),
    };
    sets.set(lang, set);
  }
  return set;
}

function mergeLists(maps: (Record<string, string[]> | undefined)[]): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const map of maps) {
    for (const [key, words] of Object.entries(map ?? {})) {
      merged[key] ??= [];
      for (const word of words.map((each) => each.normalize('NFKC').toLowerCase()))
        if (!merged[key].includes(word)) merged[key].push(word);
    }
  }
  return merged;
}
