import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, writeNewFile } from '../atomic-write.js';
import { slugify } from '../content/parse.js';
import { BUILTIN_TEMPLATES } from '../deck/template/registry.js';
import { OutputError, ProjectError } from '../errors.js';
import { MAX_TEXT_BYTES, readRegularFile } from '../files.js';
import { packagePath } from '../paths.js';

const SAMPLE = packagePath('content', 'iskp-moscow-plot.md');
const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };

export interface InitResult {
  /** The project folder, as given. */
  dir: string;
  /** Files written, relative to the project. */
  written: string[];
  /** Files that were there already and were left as they are (only with force). */
  kept: string[];
}

export async function initProject(dir: string, options: { force?: boolean } = {}): Promise<InitResult> {
  const root = path.resolve(dir);
  const present: string[] = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new OutputError('cannot read the folder', error.message, { file: dir }, { cause: error });
  });
  // A fresh `git init` is still an empty project.
  if (!options.force && present.some((name) => name !== '.git')) {
    throw new ProjectError(
      'the folder is not empty',
      'run init in a new or empty folder, or add --force to add the project files to it (files already there are kept; package.json gets the scripts and devDependency it lacks)',
      { file: dir },
    );
  }
  const result: InitResult = { dir, written: [], kept: [] };
  const files = await projectFiles(path.basename(root));
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(root, name);
    const where = { shown: path.join(dir, name), elsewhere: 'run init in another folder' };
    if (name === 'package.json' && present.includes(name)) {
      const existing = await readRegularFile(target, {
        as: OutputError,
        noun: 'package.json',
        maxBytes: MAX_TEXT_BYTES,
        ...where,
      });
      const merged = mergePackageJson(existing.toString('utf8'), contents, where.shown);
      await writeFileAtomic(target, merged, where);
      result.written.push(name);
    } else if (await writeNewFile(target, contents, where)) {
      result.written.push(name);
    } else {
      result.kept.push(name); // never replaces a file of the user's
    }
  }
  return result;
}

/** An existing package.json gets the scripts and the devDependency it lacks; nothing of it is replaced. */
function mergePackageJson(existing: string, ours: string, shown: string): string {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(existing) as Record<string, unknown>;
  } catch (error) {
    throw new ProjectError('is not valid JSON', 'fix it, or init in a new folder', { file: shown }, { cause: error });
  }
  const add = JSON.parse(ours) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
  const merged = { ...data } as Record<string, unknown> & {
    scripts?: Record<string, string>;
    devDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  merged.scripts = { ...add.scripts, ...merged.scripts };
  if (!merged.dependencies?.briefdeck) merged.devDependencies = { ...add.devDependencies, ...merged.devDependencies };
  return `${JSON.stringify(merged, null, 2)}\n`;
}

async function projectFiles(folderName: string): Promise<Record<string, string>> {
  return {
    'package.json': `${JSON.stringify(
      {
        name: slugify(folderName) ?? 'briefings',
        private: true,
        description: 'Briefing decks built with briefdeck',
        scripts: {
          build: 'briefdeck build content',
          serve: 'briefdeck serve content',
          draft: 'briefdeck draft',
        },
        devDependencies: { briefdeck: `^${version}` },
      },
      null,
      2,
    )}\n`,
    [path.join('content', path.basename(SAMPLE))]: await readFile(SAMPLE, 'utf8'),
    'briefdeck.config.yaml': CONFIG,
    [path.join('templates', 'house', 'template.json')]:
      `${JSON.stringify({ name: 'house', extends: 'default', description: 'Our house style: the default layout in our colours (edit theme.css).' }, null, 2)}\n`,
    [path.join('templates', 'house', 'theme.css')]: houseTheme(
      await readFile(path.join(BUILTIN_TEMPLATES, 'default', 'theme.css'), 'utf8'),
    ),
    '.gitignore': 'node_modules/\noutput/\n',
    [path.join('.github', 'workflows', 'briefings.yml')]: WORKFLOW,
  };
}

/** The colour variables of the default template, to change here: the rules stay in `default`. */
function houseTheme(defaultCss: string): string {
  const colours = defaultCss
    .split('\n')
    .filter(
      (line) => /^\s*--[\w-]+:\s*(#[0-9a-f]{3,8}|var\(--[\w-]+\))\s*;/i.test(line) && !/^\s*--accent:/.test(line),
    );
  return [
    '/*',
    " * House colours, added after the default template's CSS: change a value here and every",
    ' * slide that uses it follows. The accent colour is the `accent` option (briefdeck.config.yaml',
    " * or a briefing's front matter), not a variable here. Run `npx briefdeck template list` to see",
    ' * the options, and `npx briefdeck template eject default <dir>` to change more than colours.',
    ' */',
    ':root,',
    '.reveal {',
    ...colours.map((line) => `  ${line.trim()}`),
    '}',
    '',
  ].join('\n');
}

const CONFIG = `# briefdeck project settings: every field is optional.

# The template of every briefing that does not name one (\`template:\` in its front matter).
# Built-in: default, dark, print; yours live in the folders under \`templates:\`.
template: house

# Folders of your own templates, relative to this file.
templates: templates

# Template options for every briefing; a briefing's front matter overrides them.
# \`npx briefdeck template list\` shows each template's options.
# options:
#   accent: "#1f4e79"
#   footer: "Our organisation"
`;

const WORKFLOW = `# Builds every briefing (HTML decks and PDFs) on each push and keeps output/ as an artifact.
# GitHub's ubuntu-latest runners come with Google Chrome, which briefdeck finds by itself;
# elsewhere install Chromium first (Debian/Ubuntu: sudo apt-get install -y chromium).
name: briefings
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm run build -- --strict
      - uses: actions/upload-artifact@v4
        with:
          name: briefings
          path: output/
`;
