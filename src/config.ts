import { existsSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { anyMap, isUnknownKey, issueMessage, issuePath } from './validation.js';
import { decodeText } from './content/decode.js';
import { parseYamlMap } from './content/yaml.js';
import type { OptionLayer } from './deck/options.js';
import { BriefdeckError } from './errors.js';
import { MAX_TEXT_BYTES, readRegularFile } from './files.js';

/** Looked for in the working directory, in this order. JSON is read as YAML (it is a subset). */
export const CONFIG_NAMES = ['briefdeck.config.yaml', 'briefdeck.config.yml', 'briefdeck.config.json'];

const nonEmpty = v.pipe(v.string(), v.minLength(1));
const configSchema = v.partial(
  v.strictObject({
    template: nonEmpty,
    templates: v.union([nonEmpty, v.array(nonEmpty)]),
    options: anyMap(),
  }),
);

/** Project-wide settings: defaults that each briefing's front matter can override. */
export interface ProjectConfig {
  file?: string;
  /** Template for briefings that do not name one. */
  template?: { name: string; line?: number };
  /** User template folders, absolute, searched before the built-in templates. */
  templates: string[];
  /** Template options for every briefing, under the briefing's own. */
  options?: OptionLayer;
}

export async function loadConfig(cwd: string, explicit?: string): Promise<ProjectConfig> {
  const file = explicit ?? CONFIG_NAMES.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate));
  if (!file) return { templates: [] };
  const display = path.relative(cwd, file) || file;
  const bytes = await readRegularFile(file, {
    as: BriefdeckError,
    noun: 'config file',
    maxBytes: MAX_TEXT_BYTES,
    shown: display,
    whenMissing: { what: 'cannot read the config file', hint: 'check the --config path' },
  });
  const text = decodeText(bytes, display, 'the config file is UTF-8 YAML text', BriefdeckError).replace(/^\uFEFF/, '');
  const yaml = parseYamlMap(text, display, 1, 'config', BriefdeckError);
  if (!yaml) return { file, templates: [] };
  const result = v.safeParse(configSchema, yaml.data, { message: issueMessage });
  if (!result.success) {
    const issue = result.issues[0];
    const key = issuePath(issue);
    throw new BriefdeckError(
      `config: "${key.join('.')}" ${isUnknownKey(issue) ? 'is not a config field' : issue.message.toLowerCase()}`,
      'config fields are template, templates and options',
      {
        file: display,
        line: yaml.lineOf(key),
      },
    );
  }
  const base = path.dirname(path.resolve(file));
  const { template, templates, options } = result.output;
  return {
    file,
    template: template ? { name: template, line: yaml.lineOf(['template']) } : undefined,
    templates: (typeof templates === 'string' ? [templates] : (templates ?? [])).map((dir) => path.resolve(base, dir)),
    options: options ? { values: options, file: display, lineOf: (key) => yaml.lineOf(['options', key]) } : undefined,
  };
}
