#!/usr/bin/env node
// Evaluates `briefdeck draft` against the hand-labelled fixtures in test/fixtures/articles/:
// recommendation and implication precision/recall, and summary ROUGE-L against a hand-written
// reference next to the lead-3 baseline. Run with `npm run eval:draft` (compiles first).
//
// Matching: a drafted bullet matches a labelled sentence when one contains the other after
// normalisation (case, punctuation, whitespace; this absorbs the allowed trims), or when their
// word-level F1 is at least 0.8.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { l as rougeL } from 'js-rouge';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = path.join(root, 'test', 'fixtures', 'articles');
const { draftBriefing } = await import(path.join(root, 'dist', 'draft', 'index.js'));

const normal = (text) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const words = (text) => normal(text).split(' ').filter(Boolean);

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

export function matches(drafted, expected) {
  const d = normal(drafted);
  const e = normal(expected);
  return d.includes(e) || e.includes(d) || f1(drafted, expected) >= 0.8;
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

const rouge = (candidate, reference) => rougeL(candidate, reference, { caseSensitive: false });

const names = (await readdir(dir)).filter((f) => /\.(txt|md|html)$/.test(f)).sort();
const rows = [];
const totals = { rec: { tp: 0, drafted: 0, expected: 0 }, imp: { tp: 0, drafted: 0, expected: 0 } };
for (const name of names) {
  const base = name.replace(/\.(txt|md|html)$/, '');
  const expected = JSON.parse(await readFile(path.join(dir, `${base}.expected.json`), 'utf8'));
  const text = await readFile(path.join(dir, name), 'utf8');
  const result = await draftBriefing(text, { file: name });
  const recs = result.draft.recommendations.map((r) => r.text);
  // A topic sentence used as a group's heading is on the slide too.
  const imps = result.draft.implications.flatMap((g) => [
    ...(g.headingFrom === 'sentence' ? [g.heading] : []),
    ...g.bullets.map((b) => b.text),
  ]);
  const recHits = matched(recs, expected.recommendations);
  const impHits = matched(imps, expected.implications);
  for (const [key, hits, drafted, wanted] of [
    ['rec', recHits, recs.length, expected.recommendations.length],
    ['imp', impHits, imps.length, expected.implications.length],
  ]) {
    totals[key].tp += hits;
    totals[key].drafted += drafted;
    totals[key].expected += wanted;
  }
  const summary = result.draft.summary.map((b) => b.text).join(' ');
  rows.push({
    name,
    rec: [recHits, recs.length, expected.recommendations.length],
    imp: [impHits, imps.length, expected.implications.length],
    summary: rouge(summary, expected.summary),
    lead3: rouge(result.lead3.join(' '), expected.summary),
    warnings: result.warnings.map((w) => w.message),
  });
  if (process.argv.includes('--verbose')) {
    console.log(`\n## ${name}`);
    for (const r of recs) console.log(`  rec ${expected.recommendations.some((e) => matches(r, e)) ? '✓' : '✗'} ${r}`);
    for (const e of expected.recommendations) if (!recs.some((r) => matches(r, e))) console.log(`  rec MISSED ${e}`);
    for (const i of imps) console.log(`  imp ${expected.implications.some((e) => matches(i, e)) ? '✓' : '✗'} ${i}`);
    for (const e of expected.implications) if (!imps.some((i) => matches(i, e))) console.log(`  imp MISSED ${e}`);
    for (const b of result.draft.summary) console.log(`  sum ${b.text}`);
  }
}

const ratio = (num, den) => (den === 0 ? '—' : (num / den).toFixed(2));
const pad = (text, width) => String(text).padEnd(width);
const widths = [28, 10, 10, 7, 7, 10, 9];
const line = (cells) => `| ${cells.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
console.log(line(['fixture', 'rec P', 'rec R', 'impl P', 'impl R', 'summary RL', 'lead-3 RL']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) {
  const [rt, rd, re] = row.rec;
  const [it, id, ie] = row.imp;
  // No recommendations expected and none drafted is a perfect answer, shown as 1.00 (0/0).
  const recP = rd === 0 && re === 0 ? '1.00 (0/0)' : ratio(rt, rd);
  const recR = re === 0 ? (rd === 0 ? '1.00 (0/0)' : '—') : ratio(rt, re);
  console.log(line([row.name, recP, recR, ratio(it, id), ratio(it, ie), row.summary.toFixed(3), row.lead3.toFixed(3)]));
}
const meanSummary = rows.reduce((a, r) => a + r.summary, 0) / rows.length;
const meanLead = rows.reduce((a, r) => a + r.lead3, 0) / rows.length;
const recP = totals.rec.tp / totals.rec.drafted;
const recR = totals.rec.tp / totals.rec.expected;
console.log(
  line([
    'overall (micro)',
    recP.toFixed(2),
    recR.toFixed(2),
    ratio(totals.imp.tp, totals.imp.drafted),
    ratio(totals.imp.tp, totals.imp.expected),
    meanSummary.toFixed(3),
    meanLead.toFixed(3),
  ]),
);
console.log('');
console.log(
  `recommendations: ${totals.rec.tp} of ${totals.rec.drafted} drafted are labelled, ${totals.rec.tp} of ${totals.rec.expected} labelled were drafted`,
);
console.log(
  `implications:    ${totals.imp.tp} of ${totals.imp.drafted} drafted are labelled, ${totals.imp.tp} of ${totals.imp.expected} labelled were drafted`,
);
const checks = [
  [`recommendation recall ≥ 0.95 (${recR.toFixed(2)})`, recR >= 0.95],
  [`recommendation precision ≥ 0.9 (${recP.toFixed(2)})`, recP >= 0.9],
  [`summary beats lead-3 on average (${meanSummary.toFixed(3)} vs ${meanLead.toFixed(3)})`, meanSummary > meanLead],
];
for (const row of rows.filter((r) => r.rec[2] === 0)) {
  checks.push([
    `${row.name}: no recommendations drafted, with a warning`,
    row.rec[1] === 0 && row.warnings.some((w) => /no recommendations/.test(w)),
  ]);
}
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
