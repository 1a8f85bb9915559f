import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Warning } from '../content/model.js';
import { ShardError } from '../errors.js';
import { isInside } from '../files.js';
import { byDate, describesItsHtml } from './deck-info.js';
import { type IndexEntry, writeIndexFile } from './index-page.js';
import { readShardRecords, type ShardRecord, shardRecordName } from './shard-record.js';

export interface MergedIndex {
  indexFile: string;
  decks: number;
  shards: number;
  warnings: Warning[];
}

const REBUILD = 'build every shard from the same content with the same N (briefdeck build --shard K/N), then merge';

/**
 * `briefdeck index <folder>...`: one index page for the decks of every shard, from the shards'
 * records (shard-record.ts), not from the deck folders found. The folders are the shards' output
 * folders (CI artifacts downloaded side by side), or one folder they were all downloaded into.
 * Refused, with one line saying why: a folder without a record, records of different shard counts,
 * a shard missing or given twice, a slug in two shards, and a deck that its record lists but whose
 * folder does not hold the HTML the shard wrote (a partial download). The page is written in
 * `outDir` (default: the one folder given, else the folder that holds them all), each deck linked
 * by its path from there.
 */
export async function mergeShardIndex(folders: string[], options: { outDir?: string } = {}): Promise<MergedIndex> {
  const given = new Map(folders.map((folder) => [path.resolve(folder), folder])); // each folder once
  const dirs = [...given.keys()];
  const records: Array<{ dir: string; file: string; record: ShardRecord }> = [];
  for (const [dir, name] of given) {
    if (!name.trim()) throw new ShardError('an empty path was given', "give the output folders of the shards' builds");
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory())
      throw new ShardError(`${name} is not a folder`, "give the output folders of the shards' builds");
    const found = await readShardRecords(dir);
    if (found.length === 0)
      throw new ShardError(
        'no shard record (briefdeck-shard-K-of-N.json)',
        `build into it with briefdeck build --shard K/N --out ${name}`,
        { file: name },
      );
    records.push(...found.map((found) => ({ dir, ...found })));
  }
  const count = checkShards(records);
  const warnings: Warning[] = [];
  const owners = new Map<string, string>(); // slug → record file
  const entries: IndexEntry[] = [];
  for (const { dir, file, record } of records) {
    if (record.failed > 0)
      warnings.push({
        file,
        message: `${record.failed} briefing${record.failed === 1 ? '' : 's'} of shard ${record.shard.index}/${count} did not build: not on the index page`,
      });
    for (const info of record.decks) {
      const owner = owners.get(info.slug);
      if (owner) throw new ShardError(`the slug "${info.slug}" is in two shard records: ${owner} and ${file}`, REBUILD);
      owners.set(info.slug, file);
      const deckDir = path.join(dir, info.slug);
      await describesItsHtml(info, deckDir).catch((error: Error) => {
        throw new ShardError(
          `the deck "${info.slug}" is not in ${deckDir}: ${error.message}`,
          'download the whole artifact of that shard, or build the shard again',
          { file },
        );
      });
      entries.push({ info, dir: deckDir });
    }
  }
  // As given when there is one folder (the page's path is printed as build prints its own).
  const outDir = options.outDir ?? (given.size === 1 ? [...given.values()][0]! : commonFolder(dirs));
  const indexFile = await writeIndexFile(
    outDir,
    entries.sort((a, b) => byDate(a.info, b.info)),
  );
  return { indexFile, decks: entries.length, shards: count, warnings };
}

/** The shard count they share; throws unless every shard 1…N is there exactly once. */
function checkShards(records: Array<{ file: string; record: ShardRecord }>): number {
  const first = records[0]!;
  const count = first.record.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, record } of records) {
    if (record.shard.count !== count)
      throw new ShardError(
        `shard records of different counts: ${first.file} is one of ${count}, ${file} one of ${record.shard.count}`,
        REBUILD,
      );
    const other = byIndex.get(record.shard.index);
    if (other)
      throw new ShardError(
        `shard ${record.shard.index}/${count} is there twice: ${other} and ${file}`,
        'give each shard once (an output folder reused for another run keeps its record)',
      );
    byIndex.set(record.shard.index, file);
  }
  for (let index = 1; index <= count; index++)
    if (!byIndex.has(index))
      throw new ShardError(
        `shard ${index}/${count} is missing: no ${shardRecordName({ index, count })} in the folders given`,
        `give the output folder of every shard (briefdeck build --shard ${index}/${count})`,
      );
  return count;
}

/** The deepest folder that holds every one of `dirs` (absolute). */
function commonFolder(dirs: string[]): string {
  let common = dirs[0]!;
  while (!dirs.every((dir) => isInside(common, dir))) common = path.dirname(common);
  return common;
}
