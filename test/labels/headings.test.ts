import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseBriefing } from '../../src/content/parse.js';
import { NAMED_SECTION_KINDS } from '../../src/content/sections.js';
import { packagePath } from '../../src/paths.js';

const folder = packagePath('labels');
const languages = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''));

/** A briefing in `lang` whose `##` headings are the given section headings (as a briefer would capitalise them). */
function briefing(lang: string, headings: string[]): string {
  // A list and a blockquote: enough for every kind (recommendations need items, a quote its blockquote).
  const body = headings.map(
    (heading) => `## ${heading.charAt(0).toLocaleUpperCase(lang)}${heading.slice(1)}\n\n- Text.\n\n> Quoted.\n`,
  );
  return `---\ntitle: T\nlang: ${lang}\n---\n${body.join('\n')}`;
}

describe.each(languages)('section headings of %s', (lang) => {
  const { sections } = parse(readFileSync(path.join(folder, `${lang}.yaml`), 'utf8'));

  it('name their section kind, every one of them, with a colon or a qualifier after them too', () => {
    for (const kind of NAMED_SECTION_KINDS) {
      for (const alias of sections[kind] as string[]) {
        // Required sections around it, in English, so that the briefing builds whatever `kind` is.
        const text = briefing(
          lang,
          ['summary', 'implications', 'recommendations'].filter((k) => k !== kind).concat(alias),
        );
        const parsed = parseBriefing(text, 'x.md').briefing.sections.at(-1)!;
        expect(parsed.kind, `${lang}: "## ${alias}"`).toBe(kind);
        const withColon = parseBriefing(text.replace(/\n## ([^\n]*)(\n[^#]*)$/, '\n## $1:$2'), 'x.md');
        expect(withColon.briefing.sections.at(-1)!.kind, `${lang}: "## ${alias}:"`).toBe(kind);
      }
    }
  });

  it('are told apart: no heading names two kinds', () => {
    const owner = new Map<string, string>();
    for (const kind of NAMED_SECTION_KINDS) {
      for (const alias of sections[kind] as string[]) {
        expect(owner.get(alias), `${lang}: "${alias}" is both ${owner.get(alias)} and ${kind}`).toBeUndefined();
        owner.set(alias, kind);
      }
    }
  });

  it('the required ones in this language alone make a briefing', () => {
    const [summary, implications, recommendations] = ['summary', 'implications', 'recommendations'].map(
      (kind) => sections[kind][0] as string,
    );
    const { briefing: parsed } = parseBriefing(briefing(lang, [summary!, implications!, recommendations!]), 'x.md');
    expect(parsed.sections.map((section) => section.kind)).toEqual(['summary', 'implications', 'recommendations']);
  });
});
