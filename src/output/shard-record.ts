import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ShardError } from '../errors.js';
import { describeFileError, readRegularFile } from '../files.js';
import { type Infer, integer, list, object, oneOf } from '../validate.js';
import { DeckInfoSchema, type DeckInfo, parseRecord } from './deck-info.js';
import { writeFileAtomic } from '../atomic-write.js';
import { removeFile } from './write-deck.js';

/** Shard `index` of `count` (both from 1): the part of the briefings one job of a CI matrix builds. */
export interface Shard {
  index: number;
  count: number;
}

/** More shards than a CI matrix can run (GitHub Actions: 256 jobs a workflow) is a typo. */
export const MAX_SHARDS = 1000;

/** `K/N` (`2/8`) → shard K of N; undefined for anything else (0/3, 4/3, a/b, 1/0). */
export function parseShard(value: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return count >= 1 && count <= MAX_SHARDS && index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * What one `build --shard K/N` wrote, for `briefdeck index` to merge: a file of its own beside the
 * decks, named by the shard, so that the artifacts of every shard can be downloaded into one folder
 * without overwriting each other, and a missing or doubled shard can be told. The decks are the
 * records their deck.json holds (no absolute path: see sourceFor), so the merged page is made from
 * what each shard built in that run, not from whatever deck folders an artifact happens to hold.
 */
const ShardRecordSchema = object(
  {
    briefdeck: oneOf(['shard record']),
    shard: object({ index: integer({ min: 1 }), count: integer({ min: 1 }) }),
    decks: list(DeckInfoSchema),
    /** Briefings of this shard that were not built (an error): not on any index page. */
    failed: integer({ min: 0 }),
  },
  { unknown: 'ignore' }, // (fields of a later version)
);

export type ShardRecord = Infer<typeof ShardRecordSchema>;

/** `briefdeck-shard-2-of-8.json`. */
export function shardRecordName(shard: Shard): string {
  return `briefdeck-shard-${shard.index}-of-${shard.count}.json`;
}

const RECORD_NAME = /^briefdeck-shard-\d+-of-\d+\.json$/;

/** Our records are a few hundred bytes a deck; a bigger file is not one, and is not read into memory. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export async function writeShardRecord(
  outDir: string,
  shard: Shard,
  decks: DeckInfo[],
  options: { failed: number },
): Promise<string> {
  const file = path.join(outDir, shardRecordName(shard));
  const record: ShardRecord = {
    briefdeck: 'shard record',
    shard: { index: shard.index, count: shard.count },
    decks: [...decks].sort((a, b) => a.slug.localeCompare(b.slug)),
    failed: options.failed,
  };
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

export async function removeShardRecord(outDir: string, shard: Shard): Promise<void> {
  await removeFile(path.join(outDir, shardRecordName(shard)));
}

/** The shard records in `dir` (none: an empty list); throws a ShardError naming a record that cannot be read. */
export async function readShardRecords(dir: string): Promise<Array<{ file: string; record: ShardRecord }>> {
  const entries = await readdir(dir).catch((error: unknown) => {
    const { what, hint } = describeFileError(error, 'folder');
    throw new ShardError(`${dir} ${what}`, hint, undefined, { cause: error });
  });
  const names = entries.filter((name) => RECORD_NAME.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { file, record: await readShardRecord(file) };
    }),
  );
}

async function readShardRecord(file: string): Promise<ShardRecord> {
  const broken = (what: string) =>
    new ShardError(what, 'build that shard again (briefdeck build --shard K/N) to rewrite it', { file });
  // (a FIFO or a huge file under a record's name is one clear error, not a hang: files.ts)
  const bytes = await readRegularFile(file, { as: ShardError, noun: 'shard record', maxBytes: MAX_RECORD_BYTES });
  let record: ShardRecord;
  try {
    record = parseRecord(bytes.toString('utf8'), ShardRecordSchema, 'shard record');
  } catch (error) {
    throw broken((error as Error).message);
  }
  if (record.shard.index > record.shard.count || path.basename(file) !== shardRecordName(record.shard))
    throw broken(`records shard ${record.shard.index}/${record.shard.count}, not the one its name says`);
  return record;
}
