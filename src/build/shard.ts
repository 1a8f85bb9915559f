import { createHash } from 'node:crypto';
import { readSlug } from '../content/parse.js';
import type { Shard } from '../output/shard-record.js';

/**
 * The shard (1 to `count`) a briefing belongs to: the first 32 bits of the SHA-256 of its slug,
 * modulo `count`. By the slug, not by the file's place in the list, so that adding or removing a
 * briefing moves no other one to another shard (its deck stays in the same job's artifact), and
 * two files with one slug meet in one shard, where the clash is reported as in any build.
 */
export function shardOf(slug: string, count: number): number {
  return (createHash('sha256').update(slug).digest().readUInt32BE(0) % count) + 1;
}

/** The content files of `shard`, in their order; each file's slug is read from its front matter (readSlug). */
export async function filesOfShard(files: string[], shard: Shard): Promise<string[]> {
  const mine: string[] = [];
  // One file at a time: thousands of files opened at once would run out of file descriptors.
  for (const file of files) if (shardOf(await readSlug(file), shard.count) === shard.index) mine.push(file);
  return mine;
}
