// `build --shard K/N` and `briefdeck index`, as a CI matrix uses them, with real CLI runs on 40
// briefings made here: the shards are disjoint and cover every briefing, merged they give the index
// page of one unsharded build, adding a briefing moves no other one to another shard, and what
// cannot be merged (a shard missing or doubled, a slug in two shards, a partial artifact) is one line.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeRegExp, FIXTURES, runCli, tempDir } from '../helpers.js';

const BRIEFINGS = 40;
const SHARDS = 3;

interface ShardRecord {
  shard: { index: number; count: number };
  decks: Array<{ slug: string; title: string }>;
  failed: number;
}

let root: string;
let content: string;
let minimal: string;
beforeAll(async () => {
  root = await tempDir('briefdeck-shard-');
  content = path.join(root, 'content');
  await mkdir(content);
  minimal = await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8');
  // Different titles, dates and markings, so that the page's order and text say something; a few
  // with a `slug:` of their own, so that shards go by slug, not file name.
  for (let i = 1; i <= BRIEFINGS; i++) {
    const front = [
      `title: Briefing ${i}`,
      `date: 2026-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`,
      i % 7 === 0 ? `slug: custom-${i}` : '',
    ].join('\n');
    await writeFile(
      path.join(content, `briefing-${String(i).padStart(2, '0')}.md`),
      minimal.replace(/^title: .*\ndate: .*$/m, front).replace('TLP:AMBER', i % 2 ? 'TLP:AMBER' : 'TLP:GREEN'),
    );
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function buildShard(index: number, count: number, out: string, from = content): Promise<ShardRecord> {
  const run = await runCli(['build', from, '--out', out, '--no-pdf', '--shard', `${index}/${count}`]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(`record  ${path.join(out, `briefdeck-shard-${index}-of-${count}.json`)}`);
  return JSON.parse(await readFile(path.join(out, `briefdeck-shard-${index}-of-${count}.json`), 'utf8'));
}

const slugsOf = (record: ShardRecord) => record.decks.map((deck) => deck.slug);
const page = (out: string) => readFile(path.join(out, 'index.html'), 'utf8');
/** The deck folders the page links, in its order (each link's last folder). */
const listed = (html: string) =>
  [...html.matchAll(/<h2 dir="auto"><a href="(?:[^"]*\/)?([^"/]+)\/index\.html">/g)].map((m) => m[1]);
/** What a reader sees: the page without its tags (the links differ when the shards stay in folders of their own). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe(`${BRIEFINGS} briefings in ${SHARDS} shards`, () => {
  let whole: string;
  const records: ShardRecord[] = [];
  beforeAll(async () => {
    whole = path.join(root, 'whole');
    const run = await runCli(['build', content, '--out', whole, '--no-pdf']);
    expect(run.code, run.stderr).toBe(0);
    for (let k = 1; k <= SHARDS; k++)
      records.push(await buildShard(k, SHARDS, path.join(root, 'artifacts', `shard-${k}`)));
  }, 240_000);

  it('are disjoint and cover every briefing, each shard building only its own', async () => {
    const all = records.flatMap(slugsOf);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(listed(await page(whole)).sort());
    expect(all).toHaveLength(BRIEFINGS);
    for (const record of records) {
      expect(record.failed).toBe(0);
      // No shard is empty or takes nearly all (a hash of 40 slugs, not a count of files).
      expect(record.decks.length).toBeGreaterThan(3);
    }
  });

  it('merged from folders side by side (CI artifacts), they give the page of one unsharded build', async () => {
    const folders = records.map((_, i) => path.join(root, 'artifacts', `shard-${i + 1}`));
    const run = await runCli(['index', ...folders]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(
      `index   ${path.join(root, 'artifacts', 'index.html')} (${BRIEFINGS} decks from ${SHARDS} shards)`,
    );
    const merged = await page(path.join(root, 'artifacts'));
    const single = await page(whole);
    expect(listed(merged)).toEqual(listed(single));
    expect(text(merged)).toBe(text(single));
    // Each deck linked in the folder of its shard.
    for (const [i, record] of records.entries())
      for (const slug of slugsOf(record)) expect(merged).toContain(`href="shard-${i + 1}/${slug}/index.html"`);
  });

  it('built into one folder (artifacts downloaded together), merged: byte for byte the unsharded page', async () => {
    const together = path.join(root, 'together');
    for (let k = 1; k <= SHARDS; k++) await buildShard(k, SHARDS, together);
    const run = await runCli(['index', together]);
    expect(run.code, run.stderr).toBe(0);
    expect(await page(together)).toBe(await page(whole));
  });

  it('adding a briefing moves no other one to another shard', async () => {
    const more = path.join(root, 'content-plus-one');
    await cp(content, more, { recursive: true });
    await writeFile(path.join(more, 'added.md'), minimal.replace('Minimal briefing', 'An added briefing'));
    const after: ShardRecord[] = [];
    for (let k = 1; k <= SHARDS; k++)
      after.push(await buildShard(k, SHARDS, path.join(root, 'plus-one', `${k}`), more));
    for (const [i, record] of records.entries())
      expect(slugsOf(after[i]!).filter((slug) => slug !== 'added')).toEqual(slugsOf(record));
    expect(after.flatMap(slugsOf).filter((slug) => slug === 'added')).toHaveLength(1);
  });

  it('refuses, in one line (exit 1), a shard missing, a shard given twice, a slug in two shards, a partial artifact', async () => {
    const artifacts = path.join(root, 'artifacts');
    const shard = (k: number) => path.join(artifacts, `shard-${k}`);
    const expectRefused = (run: { code: number; stderr: string }, message: RegExp) => {
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
    };
    expectRefused(
      await runCli(['index', shard(1), shard(3)]),
      /^shard 2\/3 is missing: no briefdeck-shard-2-of-3\.json in the folders given — /,
    );
    const copy = path.join(root, 'again', 'shard-2');
    await cp(shard(2), copy, { recursive: true });
    expectRefused(
      await runCli(['index', shard(1), shard(2), shard(3), copy]),
      /^shard 2\/3 is there twice: .*shard-2-of-3\.json and .*shard-2-of-3\.json — /,
    );
    expectRefused(
      await runCli(['index', path.join(root, 'whole')]),
      /whole: no shard record \(briefdeck-shard-K-of-N\.json\) — build into it with briefdeck build --shard K\/N/,
    );

    // A slug in two shards: a record written by something else than this rule (another version, an
    // edit), here shard 3's record also claiming a deck of shard 1, whose folder is copied beside it.
    const clash = path.join(root, 'clash');
    await cp(artifacts, clash, { recursive: true });
    const stolen = records[0]!.decks[0]!;
    const record3 = path.join(clash, 'shard-3', `briefdeck-shard-3-of-${SHARDS}.json`);
    const third = JSON.parse(await readFile(record3, 'utf8'));
    third.decks.push(stolen);
    await writeFile(record3, JSON.stringify(third));
    await cp(path.join(clash, 'shard-1', stolen.slug), path.join(clash, 'shard-3', stolen.slug), { recursive: true });
    expectRefused(
      await runCli(['index', ...[1, 2, 3].map((k) => path.join(clash, `shard-${k}`))]),
      new RegExp(
        `^the slug "${stolen.slug}" is in two shard records: .*shard-1-of-3\\.json and .*shard-3-of-3\\.json — `,
      ),
    );

    // A record cut off (a failed upload).
    const cut = path.join(root, 'cut');
    await cp(artifacts, cut, { recursive: true });
    const record2 = path.join(cut, 'shard-2', `briefdeck-shard-2-of-${SHARDS}.json`);
    await writeFile(record2, (await readFile(record2, 'utf8')).slice(0, 40));
    expectRefused(
      await runCli(['index', ...[1, 2, 3].map((k) => path.join(cut, `shard-${k}`))]),
      new RegExp(`^${escapeRegExp(record2)}: not JSON — build that shard again`),
    );

    // A partial download: a deck its record lists is not there.
    const partial = path.join(root, 'partial');
    await cp(artifacts, partial, { recursive: true });
    const missing = records[1]!.decks[0]!.slug;
    await rm(path.join(partial, 'shard-2', missing, 'index.html'));
    expectRefused(
      await runCli(['index', ...[1, 2, 3].map((k) => path.join(partial, `shard-${k}`))]),
      new RegExp(`shard-2-of-3\\.json: the deck "${missing}" is not in .*: its index\\.html does not exist — download`),
    );
  });
});

describe('--shard values', () => {
  for (const value of ['0/3', '4/3', 'a/b', '1/0', '3', '1/3/5', '-1/3'])
    it(`${value}: one usage line, exit 2, nothing built`, async () => {
      const out = path.join(root, 'bad', value.replace(/\W/g, '_'));
      const run = await runCli(['build', content, '--out', out, '--no-pdf', '--shard', value]);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        `error: option '--shard <k/n>' argument '${value}' is invalid. K/N: shard K of N shards, 1 <= K <= N <= 1000, e.g. 2/8 (run briefdeck --help for usage)`,
      ]);
      expect(run.stdout).toBe('');
    });

  it('serve and index refuse it, saying it is for build only', async () => {
    for (const command of [
      ['serve', content],
      ['index', content],
    ]) {
      const run = await runCli([...command, '--shard', '1/2']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^error: --shard is for briefdeck build only: .+ \(run briefdeck --help for usage\)\n$/,
      );
    }
  });
});
