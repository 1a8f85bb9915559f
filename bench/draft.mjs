#!/usr/bin/env node
// Times `briefdeck draft` as a user runs it (whole process, wall clock) on the seed article and on a
// ~200 KB article made by concatenating the text and markdown fixtures, next to `briefdeck --version`
// (the CLI's start-up floor). Run after compiling: `npm run compile && node bench/draft.mjs`.
// Not a test: nothing here fails on a slow machine.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.briefdeck); // the bundled CLI users run
const articles = path.join(root, 'test', 'fixtures', 'articles');
const runs = Number(process.env.RUNS ?? 7);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-draft-bench-'));

const parts = readdirSync(articles)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => readFileSync(path.join(articles, f), 'utf8'));
let big = '';
while (Buffer.byteLength(big) < 200 * 1024) big += parts.join('\n\n') + '\n\n';
// Cut at the last paragraph break before 200 KB.
big = big.slice(0, big.lastIndexOf('\n\n', 200 * 1024)) + '\n';
const bigFile = path.join(tmp, 'big-article.txt');
writeFileSync(bigFile, big);

/** CPU seconds (user + system) of the children this process has waited for (Linux; 0 elsewhere). */
function childCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

function time(args) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = childCpu();
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    times.push(performance.now() - start);
    cpu.push((childCpu() - cpuStart) * 1000);
    if (result.status !== 0) throw new Error(`briefdeck ${args.join(' ')} failed: ${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    min: times[0],
    median: times[Math.floor(times.length / 2)],
    max: times[times.length - 1],
    cpu: cpu[Math.floor(cpu.length / 2)],
  };
}

const cases = [
  ['briefdeck --version (start-up floor)', ['--version']],
  [
    'draft seed-article.txt (8 KB)',
    ['draft', path.join(articles, 'seed-article.txt'), '-o', path.join(tmp, 'seed.md'), '--force'],
  ],
  [
    'draft chip-export-controls.html (9 KB)',
    ['draft', path.join(articles, 'chip-export-controls.html'), '-o', path.join(tmp, 'chip.md'), '--force'],
  ],
  [
    `draft big-article.txt (${Math.round(Buffer.byteLength(big) / 1024)} KB)`,
    ['draft', bigFile, '-o', path.join(tmp, 'big.md'), '--force'],
  ],
];
console.log(
  `${runs} runs each, whole process, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`,
);
// On a busy machine wall time is mostly waiting; CPU time (user + system) is what the work costs.
console.log('| command | wall min | wall median | wall max | CPU median |');
console.log('|---|---|---|---|---|');
for (const [label, args] of cases) {
  const t = time(args);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`| ${label} | ${s(t.min)} | ${s(t.median)} | ${s(t.max)} | ${s(t.cpu)} |`);
}
rmSync(tmp, { recursive: true, force: true });
