/**
 * `briefdeck new "Title"`: content/<slug>.md with the front matter filled in and the three
 * required sections, each with one line of guidance that builds as it is (a briefer keeps
 * or replaces it). The file is checked as `build` would check it before it is written.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Document } from 'yaml';
import { loadConfig } from '../config.js';
import { parseBriefing, slugify } from '../content/parse.js';
import { TemplateRegistry } from '../deck/template/registry.js';
import { ProjectError } from '../errors.js';
import { writeOnce } from '../output/write-once.js';

export interface NewOptions {
  template?: string;
  marking?: string;
  /** Content file to write (default content/<slug>.md), relative to cwd. */
  out?: string;
  force?: boolean;
  config?: string;
  cwd?: string;
  /** The date in the front matter (default: today). */
  date?: Date;
}

export async function newBriefing(title: string, options: NewOptions = {}): Promise<{ outFile: string }> {
  const cwd = options.cwd ?? process.cwd();
  const slug = slugify(title);
  const outFile = options.out ?? (slug ? path.join('content', `${slug}.md`) : undefined);
  if (!title.trim() || !outFile)
    throw new ProjectError(
      `the title "${title}" has no letters or digits to name the file after`,
      'give a title with some, or choose the file with -o <file>',
      { file: 'briefdeck new' },
    );
  if (options.template) {
    // An unknown template is an error now rather than at the first build.
    const config = await loadConfig(cwd, options.config);
    await new TemplateRegistry(config.templates).load(options.template);
  }
  // Checked as a build would: a bad --marking fails here, naming its line. Written as the build reads it (tlp:amber → TLP:AMBER).
  const { meta } = parseBriefing(briefingText(title, options), outFile).briefing;
  const markdown = briefingText(title, { ...options, marking: meta.marking });
  await writeOnce(path.resolve(cwd, outFile), markdown, outFile, { force: Boolean(options.force), as: ProjectError });
  return { outFile };
}

function briefingText(title: string, options: NewOptions): string {
  const data: Record<string, string> = { title, date: (options.date ?? new Date()).toISOString().slice(0, 10) };
  const author = gitUserName();
  if (author) data.author = author;
  if (options.marking) data.marking = options.marking;
  if (options.template) data.template = options.template;
  const doc = new Document(data);
  if (!author) doc.commentBefore = ' author: Your name';
  const frontMatter = doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---
${frontMatter}---

## Summary

The bottom line in one or two sentences: what happened, and why it matters to this audience.

- One supporting point per bullet, three to five in all.

## Implications

- What it means for us: one consequence per bullet (group them under ### headings, one per actor, if there are several).

## Recommendations

1. What should be done, by whom and by when: one action per item.
`;
}

/** The author git knows, if any: a new briefing is usually written by whoever commits it. */
function gitUserName(): string | undefined {
  const result = spawnSync('git', ['config', 'user.name'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}
