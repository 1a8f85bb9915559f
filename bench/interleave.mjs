// node bench/interleave.mjs <before main.js> <after main.js>: two builds of briefdeck (e.g. a copy of
// main's dist/ and this branch's) timed in pairs run back to back, so that the swings of a shared
// machine's load hit both sides alike; prints the median after/before ratio per case (HTML only, the
// sample with its PDF, a batch of 20). BENCH_PAIRS pairs (default 5), alternating which side runs first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [before, after] = process.argv.slice(2);
if (!before || !after) throw new Error('usage: node bench/interleave.mjs <before main.js> <after main.js>');
const sample = fileURLToPath(new URL('../content/iskp-moscow-plot.md', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-interleave-'));
const batch = path.join(work, 'batch');
const text = readFileSync(sample, 'utf8');
mkdirSync(batch);
for (let i = 1; i <= 20; i++)
  writeFileSync(path.join(batch, `brief-${i}.md`), text.replace(/^title: (.*)$/m, `title: $1 (copy ${i})`));
const sides = { before, after };
const cases = { 'HTML only': [sample, '--no-pdf'], 'sample + PDF': [sample], 'batch of 20': [batch] };
const pairs = Number(process.env.BENCH_PAIRS ?? 5);
const times = {};
for (let p = 0; p < pairs; p++)
  for (const [name, args] of Object.entries(cases))
    for (const side of p % 2 ? ['after', 'before'] : ['before', 'after']) {
      const out = path.join(work, `out-${side}`);
      rmSync(out, { recursive: true, force: true });
      const started = performance.now();
      const run = spawnSync(process.execPath, [sides[side], 'build', ...args, '--out', out], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${side} ${name} failed: ${run.stderr}`);
      times[name] ??= { before: [], after: [] };
      times[name][side].push(performance.now() - started);
    }
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log('| case | before (median) | after (median) | after/before (median of pairs) | pairs |');
console.log('|---|---|---|---|---|');
for (const [name, t] of Object.entries(times)) {
  const ratios = t.after.map((ms, i) => ms / t.before[i]);
  console.log(
    `| ${name} | ${s(median(t.before))} | ${s(median(t.after))} | ${median(ratios).toFixed(2)} | ${ratios.map((r) => r.toFixed(2)).join(' ')} |`,
  );
}
rmSync(work, { recursive: true, force: true });
