// serve's watcher on real folders: what a save, a deletion or a template edit asks the build to do.
import { mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Change, watchSources, type Watcher } from '../../src/serve/watch.js';
import { tempDir } from '../helpers.js';

describe('watchSources', () => {
  let dir: string;
  let content: string;
  let templates: string;
  let config: string;
  let output: string;
  let watcher: Watcher;
  /** Changes in the order onChange got them; `next()` waits for the next one. */
  let changes: Change[];
  let arrived: (() => void) | undefined;
  const next = async (): Promise<Change> => {
    while (changes.length === 0) await new Promise<void>((resolve) => (arrived = resolve));
    return changes.shift()!;
  };

  beforeEach(async () => {
    dir = await tempDir();
    content = path.join(dir, 'content');
    templates = path.join(dir, 'templates');
    output = path.join(content, 'output'); // inside the content: must still never be watched
    config = path.join(dir, 'briefdeck.config.yaml');
    await mkdir(path.join(templates, 'house'), { recursive: true });
    await mkdir(output, { recursive: true });
    await writeFile(path.join(content, 'a.md'), '# a');
    await writeFile(config, 'template: house\n');
    changes = [];
    watcher = watchSources({
      content: [content],
      templates: [templates],
      config: [config],
      ignore: output,
      onChange: async (change) => {
        changes.push(change);
        arrived?.();
      },
    });
    await watcher.ready;
  });
  afterEach(async () => {
    await watcher.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a saved or new briefing: rebuild just it; a save in several steps is one change', async () => {
    const a = path.join(content, 'a.md');
    const b = path.join(content, 'b.md');
    await writeFile(a, '# a, edited');
    await writeFile(b, '# b');
    await writeFile(a, '# a, edited again');
    const change = await next();
    expect({ ...change, files: [...change.files].sort() }).toEqual({ files: [a, b], removed: [], everything: false });
  });

  it('a deleted briefing is reported as removed', async () => {
    await unlink(path.join(content, 'a.md'));
    expect(await next()).toEqual({ files: [], removed: [path.join(content, 'a.md')], everything: false });
  });

  it('a template, the config or a non-markdown file: rebuild everything', async () => {
    await writeFile(path.join(templates, 'house', 'theme.css'), 'body{}');
    expect((await next()).everything).toBe(true);
    await writeFile(config, 'template: default\n');
    expect((await next()).everything).toBe(true);
    await writeFile(path.join(content, 'logo.svg'), '<svg/>');
    expect((await next()).everything).toBe(true);
  });

  it('ignores the output folder, hidden files and node_modules', async () => {
    // Written first: if any of them were watched it would come before, or with, the save of a.md.
    await writeFile(path.join(output, 'index.html'), 'built');
    await writeFile(path.join(content, '.a.md.swp'), 'editor swap file');
    await mkdir(path.join(content, 'node_modules'));
    await writeFile(path.join(content, 'node_modules', 'x.md'), '# not content');
    await writeFile(path.join(content, 'a.md'), '# a, edited');
    expect(await next()).toEqual({ files: [path.join(content, 'a.md')], removed: [], everything: false });
  });
});
