import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { OutputStage } from './outputs.js';

/** The speaker script written for a deck (`build --script`). */
export interface ScriptFile {
  file: string;
  slides: number;
  /** How many of those slides have speaker notes. */
  withNotes: number;
  bytes: number;
}

/**
 * `--script`: writes <slug>-script.md beside the deck's HTML (in its staging folder while it is
 * staged: commitDeck moves it in with the PDF), from the same rendered slides (output/speaker-script.ts).
 * Needs no browser.
 */
export const scriptOutput: OutputStage<'script'> = {
  name: 'script',
  label: 'script',
  phase: 'rendered',
  wanted: (options) => Boolean(options.script),
  write: async (built, dir) => {
    const { speakerScript } = await import('../output/speaker-script.js');
    const script = speakerScript(built.rendered);
    const file = path.join(dir, scriptName(built.deck.slug));
    const bytes = Buffer.from(script.markdown, 'utf8');
    await writeFileAtomic(file, bytes);
    return { output: { file, slides: script.slides, withNotes: script.withNotes, bytes: bytes.length } };
  },
  files: (script) => [script.file],
  movedTo: (script, dir) => ({ ...script, file: path.join(dir, path.basename(script.file)) }),
  record: (script) => ({ script: path.basename(script.file) }),
  planned: ({ slug }) => ({ script: scriptName(slug) }),
  size: (script) => ({ bytes: script.bytes, count: `${script.slides} slides, ${script.withNotes} with notes` }),
  json: (script) => ({ file: script.file, slides: script.slides, withNotes: script.withNotes, bytes: script.bytes }),
};

const scriptName = (slug: string) => `${slug}-script.md`;
