import path from 'node:path';
import { buildFiles, startBuild, type BuildOptions, type BuildResult } from './batch.js';
import { BriefingBuilder } from './briefing.js';
import { OUTPUT_STAGES, outputOf } from './outputs.js';
import { findContentFiles } from '../content/discover.js';
import { formatWarning } from '../errors.js';
import { contentToWatch, watchSources, type Change } from '../serve/watch.js';
import type { PrintPool } from '../pdf/pool.js';

export interface WatchBuildOptions extends BuildOptions {
  /** Where the line of each rebuild goes. */
  log: (line: string) => void;
}

export interface WatchingBuild {
  /** The first, whole build, reported like `build`'s. */
  first: BuildResult;
  close(): Promise<void>;
}

/**
 * `build --watch`: builds like `build`, then watches the content, its images, the templates and the
 * config (serve's watcher) and rebuilds the HTML and PDFs of what changed, one line per deck. One
 * builder (config, templates, slug owners) and one print pool (one browser) serve the whole session.
 * A rebuild with bad input writes nothing for that file: its last good deck stays as it was.
 */
export async function watchBuild(options: WatchBuildOptions): Promise<WatchingBuild> {
  const { files, pool, result } = await startBuild(options, { retryFailedStart: true });
  const builder = new BriefingBuilder(options);
  try {
    const first = await buildFiles(files, builder, pool, options, result);
    let contentFiles = files;
    const watcher = watchSources({
      content: contentToWatch(options.paths),
      ...(await builder.sources()),
      ignore: options.outDir,
      onChange: async (change) => {
        const before = contentFiles;
        contentFiles = await findContentFiles(options.paths).catch(() => contentFiles);
        await rebuild(changedFiles(change, before, contentFiles, builder), builder, pool, options);
      },
    });
    await watcher.ready;
    return {
      first,
      close: async () => {
        await watcher.close();
        await pool?.close();
      },
    };
  } catch (error) {
    await pool?.close();
    throw error;
  }
}

/** The content files a change asks to rebuild (all of them when a template, the config or an image changed). */
function changedFiles(change: Change, before: string[], contentFiles: string[], builder: BriefingBuilder): string[] {
  // A deleted briefing gives up its slug; its deck stays in the output folder, as after `build`.
  for (const removed of change.removed)
    builder.forget(before.find((file) => path.resolve(file) === removed) ?? removed);
  if (change.everything) {
    builder.reload();
    return contentFiles;
  }
  return contentFiles.filter((file) => change.files.includes(path.resolve(file)));
}

/** Rebuilds `files`: its warnings, then one line per deck (`built …`, or `error …` for each failure). */
async function rebuild(
  files: string[],
  builder: BriefingBuilder,
  pool: PrintPool | undefined,
  options: WatchBuildOptions,
): Promise<void> {
  if (files.length === 0) return;
  const { log } = options;
  const started = performance.now();
  const finished = new Map<string, number>(); // content file → when its last output was written
  const result = await buildFiles(files, builder, pool, {
    ...options,
    onProgress: (event) => finished.set(event.file, performance.now()),
  });
  for (const warning of result.warnings) log(formatWarning(warning));
  for (const error of result.errors) log(`error   ${error.message}`);
  const failed = new Set(result.errors.map((error) => error.location?.file));
  for (const deck of result.decks) {
    if (failed.has(deck.file)) continue;
    if (deck.upToDate) {
      log(`skipped ${deck.slug} (up to date: nothing it is made from changed)`);
      continue;
    }
    const prints = [
      deck.pdf && `PDF ${deck.pdf.pages} pages`,
      ...OUTPUT_STAGES.map((stage) => {
        const output = outputOf(deck, stage);
        return output && `${stage.name} ${stage.size(output).count}`;
      }),
    ].filter(Boolean);
    const ms = Math.round((finished.get(deck.file) ?? performance.now()) - started);
    log(`built   ${deck.slug} (${[`${deck.slides} slides`, ...prints].join(', ')}) in ${ms} ms`);
  }
}
