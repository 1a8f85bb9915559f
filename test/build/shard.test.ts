// Which shard a briefing goes to, and the K/N syntax: pure functions, no files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../../src/build/shard.js';
import { sourceFor } from '../../src/output/deck-info.js';
import { parseShard } from '../../src/output/shard-record.js';

describe('parseShard', () => {
  it('takes K/N with 1 <= K <= N', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('1000/1000')).toEqual({ index: 1000, count: 1000 });
  });
  for (const bad of ['0/3', '4/3', 'a/b', '1/0', '', '3', '1/3/5', '-1/3', '1.5/3', '1/1001', ' / '])
    it(`refuses "${bad}"`, () => expect(parseShard(bad)).toBeUndefined());
});

describe('shardOf', () => {
  const slugs = Array.from({ length: 3000 }, (_, i) => `briefing-${i}`);

  it('puts every slug in one shard from 1 to N, the same each time', () => {
    for (const slug of slugs.slice(0, 200)) {
      const shard = shardOf(slug, 7);
      expect(shard).toBeGreaterThanOrEqual(1);
      expect(shard).toBeLessThanOrEqual(7);
      expect(shardOf(slug, 7)).toBe(shard);
    }
    expect(shardOf('any', 1)).toBe(1);
  });

  it('spreads slugs about evenly (each of 3 shards gets 30–37% of 3000)', () => {
    const counts = [0, 0, 0];
    for (const slug of slugs) counts[shardOf(slug, 3) - 1]!++;
    for (const count of counts) {
      expect(count).toBeGreaterThan(900);
      expect(count).toBeLessThan(1110);
    }
  });
});

describe('sourceFor (deck.json `source`)', () => {
  const project = path.resolve('/work/project');
  const deck = path.join(project, 'output', 'brief');

  it('a content file beside the output folder: its path from the deck folder', () => {
    expect(sourceFor(deck, path.join(project, 'content', 'brief.md'), '/elsewhere')).toBe('../../content/brief.md');
  });

  it('a file inside the working directory, the output folder too: its path from the deck folder', () => {
    const nested = path.join(project, 'build', 'decks', 'brief');
    expect(sourceFor(nested, path.join(project, 'content', 'brief.md'), project)).toBe('../../../content/brief.md');
  });

  it('a file from elsewhere: its name only, no folder above the project', () => {
    expect(sourceFor(deck, path.resolve('/home/someone/private/brief.md'), project)).toBe('brief.md');
    expect(sourceFor(path.resolve('/tmp/out/brief'), path.join(project, 'content', 'brief.md'), project)).toBe(
      'brief.md',
    );
  });
});
