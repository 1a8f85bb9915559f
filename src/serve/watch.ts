import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { printable } from '../errors.js';
import { isInside } from '../files.js';

/** What a burst of file events means for the build. */
export interface Change {
  /** Content files (absolute) added or changed: rebuild just these. */
  files: string[];
  /** Content files (absolute) deleted. */
  removed: string[];
  /** A template, the config or another file changed: rebuild everything. */
  everything: boolean;
}

export interface WatchOptions {
  content: string[];
  templates: string[];
  config: string[];
  /** The output folder: never watched, or every build would trigger another. */
  ignore: string;
  onChange: (change: Change) => Promise<void>;
}

export interface Watcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

const QUIET_MS = 60;

/** What to watch for the given content paths (absolute): a folder as it is, a file with its folder (its images are there). */
export function contentToWatch(paths: string[]): string[] {
  return paths.map((given) =>
    path.resolve(statSync(given, { throwIfNoEntry: false })?.isFile() ? path.dirname(given) : given),
  );
}

/**
 * Watches content, templates and config with chokidar. Events are gathered
 * until the files are quiet for a moment (editors save in several steps), and
 * rebuilds never overlap: changes during one are handled right after it.
 */
export function watchSources(options: WatchOptions): Watcher {
  const ignore = path.resolve(options.ignore);
  const watcher = watch([...options.content, ...options.templates, ...options.config], {
    ignoreInitial: true,
    // Hidden files and folders (editor swap files, .git) and node_modules are never content.
    ignored: (file: string) =>
      isInside(ignore, file) || path.basename(file).startsWith('.') || file.split(path.sep).includes('node_modules'),
    awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 },
  });
  const pending: Change = { files: [], removed: [], everything: false };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const isUnder = (file: string, dirs: string[]) => dirs.some((dir) => isInside(dir, file));
  const record = (kind: 'change' | 'unlink', file: string) => {
    const absolute = path.resolve(file);
    if (isUnder(absolute, options.templates) || options.config.includes(absolute) || !absolute.endsWith('.md'))
      pending.everything = true;
    else if (kind === 'unlink') pending.removed.push(absolute);
    else pending.files.push(absolute);
    clearTimeout(timer);
    timer = setTimeout(flush, QUIET_MS);
  };
  const flush = () => {
    const change: Change = {
      files: [...new Set(pending.files)],
      removed: [...new Set(pending.removed)],
      everything: pending.everything,
    };
    Object.assign(pending, { files: [], removed: [], everything: false });
    running = running
      .then(() => options.onChange(change))
      .catch((error: unknown) => {
        console.error(
          `briefdeck: rebuild failed: ${printable(error instanceof Error ? error.message : String(error))}`,
        );
      });
  };

  watcher.on('add', (file) => record('change', file));
  watcher.on('change', (file) => record('change', file));
  watcher.on('unlink', (file) => record('unlink', file));

  return {
    ready: new Promise((resolve) => watcher.once('ready', () => resolve())),
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
