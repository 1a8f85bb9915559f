import { existsSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from './content/decode.js';
import { parseYamlMap } from './content/yaml.js';
import type { OptionLayer } from './deck/options.js';
import { ConfigError } from './errors.js';
import { MAX_TEXT_BYTES, readRegularFile } from './files.js';
import { FORMAT_NAMES, type FormatName } from './formats.js';
import { digitsSchema, isLanguageTag, labelOverridesSchema, type LabelOverrides } from './labels/index.js';
import {
  anything,
  number,
  oneOf,
  map,
  object,
  oneOrList,
  partial,
  refine,
  reject,
  sentence,
  string,
  problemKey,
  unknownKeysAre,
  validate,
} from './validate.js';

/** Looked for in the working directory, in this order. JSON is read as YAML (it is a subset). */
export const CONFIG_NAMES = ['briefdeck.config.yaml', 'briefdeck.config.yml', 'briefdeck.config.json'];

const nonEmpty = refine(string(), (value) => value || reject('must not be empty'));
const configSchema = object(
  partial({
    template: nonEmpty,
    templates: oneOrList(nonEmpty),
    options: map(anything()),
    formats: oneOrList(oneOf(FORMAT_NAMES)),
    paper: oneOf(['a4', 'letter'] as const),
    scale: refine(number(), (scale) => (scale >= 1 && scale <= 4 ? scale : reject('must be from 1 to 4'))),
    labels: map(labelOverridesSchema, {
      key: (tag) => (isLanguageTag(tag) ? tag : reject('is not a language tag (e.g. fr, pt-BR, ar)')),
    }),
    digits: oneOf(digitsSchema),
  }),
);

/** What the format fields take, for the hint of a bad value there; any other problem lists the config fields. */
const FIELD_HINTS: Partial<Record<string, string>> = {
  formats: `formats are ${FORMAT_NAMES.join(', ')} (e.g. formats: [pdf, pptx])`,
  paper: 'paper (of the handout and the contact sheet) is a4 or letter',
  scale: 'scale (of the PNG slides) is a number from 1 to 4 times the deck size, e.g. scale: 2',
  labels: 'labels maps a language tag to label names and your words, e.g. labels: { fr: { bottomLine: "En bref" } }',
  digits: "digits is latin (0–9) or native (the language's own digits)",
};

/** Project-wide settings: defaults that each briefing's front matter can override. */
export interface ProjectConfig {
  file?: string;
  /** Template for briefings that do not name one. */
  template?: { name: string; line?: number };
  /** User template folders, absolute, searched before the built-in templates. */
  templates: string[];
  /** Template options for every briefing, under the briefing's own. */
  options?: OptionLayer;
  /** The output formats `build` writes when the command line names none (see formats.ts), on `paper`, at `scale`. */
  formats?: FormatName[];
  paper?: 'a4' | 'letter';
  scale?: number;
  /** The project's own words for labels, by language tag (`fr`, `pt-BR`): over the language's, under a briefing's. */
  labels?: Record<string, LabelOverrides>;
  digits?: 'latin' | 'native';
}

export async function loadConfig(cwd: string, explicit?: string): Promise<ProjectConfig> {
  const file = explicit ?? CONFIG_NAMES.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate));
  if (!file) return { templates: [] };
  const display = path.relative(cwd, file) || file;
  const bytes = await readRegularFile(file, {
    as: ConfigError,
    noun: 'config file',
    maxBytes: MAX_TEXT_BYTES,
    shown: display,
    whenMissing: { what: 'cannot read the config file', hint: 'check the --config path' },
  });
  const text = decodeText(bytes, display, 'the config file is UTF-8 YAML text', ConfigError).replace(/^\uFEFF/, '');
  const yaml = parseYamlMap(text, display, 1, 'config', ConfigError);
  if (!yaml) return { file, templates: [] };
  const result = validate(configSchema, yaml.data);
  if (!result.ok) {
    const problem = result.problems[0]!;
    throw new ConfigError(
      problem.kind === 'unknown'
        ? `config: ${unknownKeysAre(problem, ['a config field', 'config fields'])}`
        : `config: "${problem.path.join('.')}" ${sentence(problem)}`,
      (problem.kind !== 'unknown' && FIELD_HINTS[String(problem.path[0])]) ||
        'config fields are template, templates, options, formats, paper, scale, labels and digits',
      { file: display, line: yaml.lineOf(problemKey(problem)) },
    );
  }
  const base = path.dirname(path.resolve(file));
  const { template, templates = [], options, formats, paper, scale, labels, digits } = result.value;
  return {
    file,
    formats,
    paper,
    scale,
    labels,
    digits,
    template: template ? { name: template, line: yaml.lineOf(['template']) } : undefined,
    templates: templates.map((dir) => path.resolve(base, dir)),
    options: options ? { values: options, file: display, lineOf: (key) => yaml.lineOf(['options', key]) } : undefined,
  };
}
