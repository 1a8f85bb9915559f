#!/usr/bin/env node
// Evaluates `briefdeck draft` against hand-labelled articles, per field, on two sets:
//   tune  test/fixtures/articles/           the set the drafter was developed against
//   test  test/fixtures/articles-heldout/   written after the drafter, never used while tuning
// Run with `npm run eval:draft` (compiles first); `-- --set tune|test` for one set, `--verbose` for
// every decision, `--build` to also build every draft to PDF and count the slides that overflow. Labels: `<name>.expected.json` beside each article (see docs/draft.md).
//
// Matching: a drafted recommendation matches a labelled one when one contains the other after
// normalisation (case, punctuation, whitespace; this absorbs the allowed deletions), when the
// drafted text is a word sub-sequence of the label (a shortened bullet), or when their word-level
// F1 is at least 0.8. Words are Intl.Segmenter words, so Arabic and Chinese count too.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { l as rougeL } from 'js-rouge';

const root = fileURLToPath(new URL('..', import.meta.url));
const SETS = {
  tune: path.join(root, 'test', 'fixtures', 'articles'),
  test: path.join(root, 'test', 'fixtures', 'articles-heldout'),
};
const { draftBriefing } = await import(path.join(root, 'dist', 'draft', 'index.js'));
const { parseBriefing } = await import(path.join(root, 'dist', 'content', 'parse.js'));

const argValue = (flag) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const verbose = process.argv.includes('--verbose');
const only = argValue('--set');
const build = process.argv.includes('--build');

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
/** Lower-cased words (Intl word segments), the unit of every count below. */
export function words(text) {
  return [...segmenter.segment(String(text).normalize('NFKC').toLowerCase())]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);
}
const normal = (text) => words(text).join(' ');

function f1(a, b) {
  const wa = words(a);
  const wb = words(b);
  const counts = new Map();
  for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wa)
    if (counts.get(w) > 0) {
      shared++;
      counts.set(w, counts.get(w) - 1);
    }
  return shared ? (2 * shared) / (wa.length + wb.length) : 0;
}

/** True when every word of `short` occurs in `long`, in order. */
function isSubsequence(short, long) {
  const ws = words(short);
  const wl = words(long);
  let at = 0;
  for (const w of wl) if (at < ws.length && ws[at] === w) at++;
  return ws.length > 0 && at === ws.length;
}

export function matches(drafted, expected) {
  const d = normal(drafted);
  const e = normal(expected);
  return d.includes(e) || e.includes(d) || isSubsequence(drafted, expected) || f1(drafted, expected) >= 0.8;
}

/** Greedy one-to-one matching; returns the number of matched pairs. */
function matched(drafted, expected) {
  const free = [...expected];
  let hits = 0;
  for (const d of drafted) {
    const at = free.findIndex((e) => matches(d, e));
    if (at >= 0) {
      hits++;
      free.splice(at, 1);
    }
  }
  return hits;
}

/**
 * ROUGE-L F1 (summary-level, as js-rouge computes it). js-rouge splits words on spaces, so text
 * in scripts without spaces (Chinese, Japanese) gets a space between characters first.
 */
const spaced = (text) => text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' $& ');
function rouge(candidate, reference) {
  if (!candidate.trim() || !reference.trim()) return 0;
  return rougeL(spaced(candidate), spaced(reference), { caseSensitive: false });
}

const sameText = (a, b) => a != null && b != null && normal(a) === normal(b) && normal(a) !== '';

/** Every piece of text the draft shows or records, with where it is (for junk and duplicates). */
function draftTexts(result, briefing) {
  const texts = [];
  const add = (where, text) => text && texts.push({ where, text: String(text) });
  add('title', result.draft.title);
  // An image credit goes to source.credit on purpose (attribution, shown on the sources slide),
  // like the disclaimer in source.note: neither is leaked junk.
  for (const [key, value] of Object.entries(briefing.meta.source ?? {}))
    if (key !== 'note' && key !== 'credit') add(`source.${key}`, value);
  for (const k of result.draft.keywords) add('keyword', k);
  for (const b of result.draft.bottomLine ?? []) add('bottom line', b.text);
  for (const b of result.draft.summary) add('summary', b.text);
  for (const g of result.draft.implications) {
    add('heading', g.heading);
    for (const b of g.bullets) add('implication', b.text);
  }
  for (const r of result.draft.recommendations) add('recommendation', r.text);
  if (result.draft.quote) {
    add('quote', result.draft.quote.text);
    add('quote', result.draft.quote.attribution);
  }
  return texts;
}

/** Source sentences used by more than one section (bottom line, summary, implications, recommendations, quote). */
function duplicates(draft) {
  const sections = new Map();
  const use = (section, bullet) => {
    for (const s of bullet?.sources?.length ? bullet.sources : bullet?.source ? [bullet.source] : []) {
      const set = sections.get(s.id) ?? new Set();
      set.add(section);
      sections.set(s.id, set);
    }
  };
  for (const b of draft.bottomLine ?? []) use('bottom line', b);
  for (const b of draft.summary) use('summary', b);
  for (const g of draft.implications) {
    if (g.headingSource) use('implications', { source: g.headingSource });
    for (const b of g.bullets) use('implications', b);
  }
  for (const r of draft.recommendations) use('recommendations', r);
  if (draft.quote) for (const s of draft.quote.sources) use('quote', { source: s });
  return [...sections.values()].filter((set) => set.size > 1).length;
}

function leakedJunk(junk, texts) {
  const leaked = [];
  for (const line of junk ?? []) {
    const j = normal(line);
    if (!j) continue;
    // A one-word line ("Share", "Advertisement") leaks only when it is a whole drafted text.
    const hit = texts.find((t) => {
      const n = normal(t.text);
      return j.includes(' ') ? ` ${n} `.includes(` ${j} `) : n === j;
    });
    if (hit) leaked.push(`${line} → ${hit.where}`);
  }
  return leaked;
}

async function evaluate(dir) {
  const names = (await readdir(dir).catch(() => []))
    .filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'README.md')
    .sort();
  const rows = [];
  for (const name of names) {
    const base = name.replace(/\.(txt|md|html)$/, '');
    const expected = JSON.parse(await readFile(path.join(dir, `${base}.expected.json`), 'utf8'));
    const text = await readFile(path.join(dir, name), 'utf8');
    const row = { name, language: expected.language ?? 'en' };
    rows.push(row);
    let result;
    try {
      result = await draftBriefing(text, { file: name });
    } catch (error) {
      row.error = error.message;
      continue;
    }
    row.markdown = result.markdown;
    const { briefing } = parseBriefing(result.markdown, path.join(dir, `${base}.draft.md`));
    const meta = result.article.meta;
    const sourceTitle = briefing.meta.source?.title;
    const expect = (field) => (field in expected ? expected[field] : expected.source?.[field]);
    // `title: null` means the article has no headline: right when the drafter says so and does
    // not fall back on the file name.
    row.title =
      expected.title === null
        ? !meta.title && normal(sourceTitle ?? '') !== normal(base)
        : sameText(meta.title, expected.title);
    for (const field of ['author', 'date']) {
      const want = expect(field);
      if (want === undefined) continue;
      row[field] = want === null ? !meta[field] : sameText(meta[field], want);
    }
    const recs = result.draft.recommendations.map((r) => r.text);
    row.rec = {
      tp: matched(recs, expected.recommendations),
      drafted: recs.length,
      expected: expected.recommendations.length,
    };
    const texts = draftTexts(result, briefing);
    row.junk = leakedJunk(expected.junk, texts);
    row.duplicates = duplicates(result.draft);
    const bullets = [
      ...result.draft.summary,
      ...result.draft.implications.flatMap((g) => g.bullets),
      ...result.draft.recommendations,
    ];
    row.longBullets = bullets.filter((b) => words(b.text).length > 25).map((b) => b.text);
    row.longHeadings = result.draft.implications.map((g) => g.heading).filter((h) => h && words(h).length > 8);
    // The summary slide: its bottom line, then its bullets.
    const summary = [...(result.draft.bottomLine ?? []), ...result.draft.summary].map((b) => b.text).join(' ');
    const bottomLine = (result.draft.bottomLine ?? []).map((b) => b.text).join(' ');
    const lead = result.lead3;
    row.summaryRL = rouge(summary, expected.summary ?? '');
    row.lead3RL = rouge(lead.join(' '), expected.summary ?? '');
    if (expected.bottomLine) {
      row.bottomLineRL = rouge(bottomLine, expected.bottomLine);
      row.lead1RL = rouge(lead.slice(0, 1).join(' '), expected.bottomLine);
    }
    if (verbose) {
      console.log(`\n## ${name}`);
      console.log(`  title  ${row.title ? '✓' : '✗'} ${meta.title ?? '(none)'}  |  expected ${expected.title}`);
      for (const field of ['author', 'date'])
        if (field in row)
          console.log(
            `  ${field.padEnd(6)} ${row[field] ? '✓' : '✗'} ${meta[field] ?? '(none)'}  |  expected ${expect(field)}`,
          );
      for (const b of result.draft.bottomLine ?? []) console.log(`  bottom line: ${b.text}`);
      for (const b of result.draft.summary) console.log(`  sum  ${b.text}`);
      for (const g of result.draft.implications) {
        if (g.heading) console.log(`  ### ${g.heading}`);
        for (const b of g.bullets) console.log(`  imp  ${b.text}`);
      }
      for (const r of recs)
        console.log(`  rec ${expected.recommendations.some((e) => matches(r, e)) ? '✓' : '✗'} ${r}`);
      for (const e of expected.recommendations) if (!recs.some((r) => matches(r, e))) console.log(`  rec MISSED ${e}`);
      for (const j of row.junk) console.log(`  JUNK ${j}`);
      for (const b of row.longBullets) console.log(`  LONG ${b}`);
    }
  }
  if (build) await countOverflows(rows);
  return rows;
}

/** Builds every draft (one batch, one browser) and counts the overflow warnings of each deck. */
async function countOverflows(rows) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-draft-'));
  try {
    const drafted = rows.filter((r) => r.markdown);
    for (const r of drafted) await writeFile(path.join(dir, `${r.name.replace(/\.\w+$/, '')}.md`), r.markdown);
    const cli = path.join(root, 'dist', 'bin', 'main.js');
    const stderr = await new Promise((resolve) =>
      execFile(process.execPath, [cli, 'build', '.', '-o', 'output'], { cwd: dir, maxBuffer: 1 << 24 }, (_, __, err) =>
        resolve(err),
      ),
    );
    for (const r of drafted) {
      const file = `${r.name.replace(/\.\w+$/, '')}.md`;
      r.overflows = stderr.split('\n').filter((l) => l.includes(file) && /overflows/.test(l)).length;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ratio = (num, den) => (den === 0 ? '—' : (num / den).toFixed(2));
const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const pad = (text, width) => String(text).padEnd(width);
const mark = (value) => (value === undefined ? '·' : value ? '✓' : '✗');

function report(setName, rows) {
  const widths = [30, 4, 3, 3, 3, 9, 9, 4, 4, 4, 4, 6, 6, 6, 6, 4];
  const line = (cells) => `| ${cells.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
  console.log(`\n### ${setName} set: ${rows.length} articles\n`);
  console.log(
    line([
      'article',
      'lang',
      'ttl',
      'aut',
      'dat',
      'rec P',
      'rec R',
      'junk',
      'dup',
      '>25w',
      '>8w',
      'sum RL',
      'lead3',
      'BL RL',
      'lead1',
    ]),
  );
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  const ok = rows.filter((r) => !r.error);
  for (const r of rows) {
    if (r.error) {
      console.log(line([r.name, r.language, `ERROR: ${r.error}`]));
      continue;
    }
    const { tp, drafted, expected } = r.rec;
    console.log(
      line([
        r.name,
        r.language,
        mark(r.title),
        mark(r.author),
        mark(r.date),
        drafted === 0 && expected === 0 ? '0/0' : `${tp}/${drafted}`,
        expected === 0 ? (drafted === 0 ? '0/0' : '—') : `${tp}/${expected}`,
        r.junk.length,
        r.duplicates,
        r.longBullets.length,
        r.longHeadings.length,
        r.summaryRL.toFixed(3),
        r.lead3RL.toFixed(3),
        r.bottomLineRL?.toFixed(3) ?? '·',
        r.lead1RL?.toFixed(3) ?? '·',
        r.overflows ?? '·',
      ]),
    );
  }
  const sum = (f) => ok.reduce((a, r) => a + f(r), 0);
  const rate = (field) => {
    const scored = rows.filter((r) => r.error || field in r);
    return { hits: scored.filter((r) => r[field] === true).length, of: scored.length };
  };
  const tp = sum((r) => r.rec.tp);
  const drafted = sum((r) => r.rec.drafted);
  const expected = sum((r) => r.rec.expected);
  const fields = Object.fromEntries(['title', 'author', 'date'].map((f) => [f, rate(f)]));
  const metaHits = Object.values(fields).reduce((a, f) => a + f.hits, 0);
  const metaOf = Object.values(fields).reduce((a, f) => a + f.of, 0);
  const totals = {
    recP: drafted ? tp / drafted : 1,
    recR: expected ? tp / expected : 1,
    meta: metaOf ? metaHits / metaOf : 1,
    junk: sum((r) => r.junk.length),
    duplicates: sum((r) => r.duplicates),
    longBullets: sum((r) => r.longBullets.length),
    longHeadings: sum((r) => r.longHeadings.length),
    errors: rows.length - ok.length,
    overflows: build ? sum((r) => r.overflows ?? 0) : undefined,
  };
  const withBL = ok.filter((r) => r.bottomLineRL !== undefined);
  console.log('');
  for (const [f, { hits, of }] of Object.entries(fields)) console.log(`${f} exact: ${hits}/${of} (${ratio(hits, of)})`);
  console.log(`metadata exact (title, author, date together): ${metaHits}/${metaOf} (${totals.meta.toFixed(2)})`);
  console.log(
    `recommendations: precision ${totals.recP.toFixed(3)} (${tp} of ${drafted} drafted are labelled), recall ${totals.recR.toFixed(3)} (${tp} of ${expected} labelled were drafted)`,
  );
  console.log(
    `junk lines leaked: ${totals.junk}; sentences in two sections: ${totals.duplicates}; bullets over 25 words: ${totals.longBullets}; headings over 8 words: ${totals.longHeadings}; articles that failed to draft: ${totals.errors}${build ? `; slides that overflow: ${totals.overflows}` : ''}`,
  );
  console.log(
    `summary ROUGE-L vs reference summary: ${mean(ok.map((r) => r.summaryRL)).toFixed(3)} (lead-3: ${mean(ok.map((r) => r.lead3RL)).toFixed(3)}); bottom line vs reference bottom line: ${mean(withBL.map((r) => r.bottomLineRL)).toFixed(3)} (lead-1: ${mean(withBL.map((r) => r.lead1RL)).toFixed(3)})`,
  );
  return totals;
}

const results = {};
for (const [name, dir] of Object.entries(SETS)) {
  if (only && only !== name) continue;
  const rows = await evaluate(dir);
  if (!rows.length) {
    console.log(`\n### ${name} set: no articles in ${path.relative(root, dir)}`);
    continue;
  }
  results[name] = report(name, rows);
}

// The issue's targets, on the held-out set when it is there (else on the tuning set, said so).
const target = results.test ? 'test' : 'tune';
const t = results[target];
if (t) {
  console.log(`\ntargets (${target} set):`);
  const checks = [
    [`recommendation precision ≥ 0.95 (${t.recP.toFixed(3)})`, t.recP >= 0.95],
    [`recommendation recall ≥ 0.95 (${t.recR.toFixed(3)})`, t.recR >= 0.95],
    [`metadata exact ≥ 0.9 (${t.meta.toFixed(2)})`, t.meta >= 0.9],
    [`no junk line leaked (${t.junk})`, t.junk === 0],
    [`no sentence in two sections (${t.duplicates})`, t.duplicates === 0],
    [`no bullet over 25 words (${t.longBullets})`, t.longBullets === 0],
    [`no heading over 8 words (${t.longHeadings})`, t.longHeadings === 0],
    [`every article drafts (${t.errors} failed)`, t.errors === 0],
    ...(build ? [[`no slide of a drafted deck overflows (${t.overflows})`, t.overflows === 0]] : []),
  ];
  for (const [label, ok] of checks) console.log(`${ok ? 'MET ' : 'MISS'}  ${label}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}
