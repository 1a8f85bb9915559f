// npm run bench: briefdeck against the floor (a bare Puppeteer print of the same
// HTML, bench/floor.mjs), in one run on this machine. Whole processes, wall time
// (median of BENCH_RUNS, default 5; the 20-deck batch: median of 3), peak memory
// of the process tree (node + Chromium), PDF bytes. Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const cli = path.join(root, pkg.bin.briefdeck);
const sample = path.join(root, 'content', 'iskp-moscow-plot.md');
const slug = 'iskp-moscow-plot';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const batchRuns = Math.min(3, runs);
const node = process.execPath;

const browser = execFileSync(node, [cli, 'browser'], { encoding: 'utf8' }).split(' (')[0].trim();
const work = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-'));
const batchDir = path.join(work, 'batch');
await mkdir(batchDir);
const text = await readFile(sample, 'utf8');
for (let i = 1; i <= 20; i++) {
  const n = String(i).padStart(2, '0');
  await writeFile(path.join(batchDir, `brief-${n}.md`), text.replace(/^title: (.*)$/m, `title: $1 (copy ${n})`));
}

async function repeat(count, label, makeArgs, command = node) {
  const results = [];
  for (let i = 0; i < count; i++) {
    const result = await measure(command, makeArgs(i), { cwd: root });
    if (result.code !== 0) throw new Error(`${label} failed (${result.code}):\n${result.output}`);
    results.push(result);
    process.stderr.write(`${label} ${i + 1}/${count}: ${(result.ms / 1000).toFixed(2)} s\n`);
  }
  return {
    ms: median(results.map((r) => r.ms)),
    peakBytes: Math.max(...results.map((r) => r.peakBytes)),
    all: results.map((r) => Math.round(r.ms)),
  };
}

const out = (name, i) => path.join(work, `${name}-${i}`);
const htmlOnly = await repeat(runs, 'html-only', (i) => [cli, 'build', sample, '--no-pdf', '--out', out('html', i)]);
// What --pptx adds to a build that needs no browser: loading pptxgenjs, writing and zipping the PPTX.
const htmlPptx = await repeat(runs, 'html + pptx', (i) => [
  cli,
  'build',
  sample,
  '--pptx',
  '--no-pdf',
  '--out',
  out('pptx', i),
]);
const single = await repeat(runs, 'single deck', (i) => [cli, 'build', sample, '--out', out('single', i)]);
const batch = await repeat(batchRuns, 'batch of 20', (i) => [cli, 'build', batchDir, '--out', out('batch', i)]);
const deckHtml = path.join(out('single', 0), slug, 'index.html');
const batchHtml = Array.from({ length: 20 }, (_, i) =>
  path.join(out('batch', 0), `brief-${String(i + 1).padStart(2, '0')}`, 'index.html'),
);
const floorSingle = await repeat(runs, 'floor, 1 deck', () => [
  path.join(root, 'bench', 'floor.mjs'),
  browser,
  deckHtml,
]);
const floorBatch = await repeat(batchRuns, 'floor, 20 decks', () => [
  path.join(root, 'bench', 'floor.mjs'),
  browser,
  ...batchHtml,
]);
const pdfBytes = (await stat(path.join(out('single', 0), slug, `${slug}.pdf`))).size;
const floorBytes = (await stat(deckHtml.replace(/index\.html$/, 'floor.pdf'))).size;
const pptxBytes = (await stat(path.join(out('pptx', 0), slug, `${slug}.pptx`))).size;

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
const rows = [
  ['HTML-only build of the sample (whole process)', s(htmlOnly.ms), '', '', mb(htmlOnly.peakBytes)],
  [
    'Sample: HTML + PPTX, --pptx --no-pdf (whole process)',
    s(htmlPptx.ms),
    '',
    `+${s(htmlPptx.ms - htmlOnly.ms)} over HTML only`,
    mb(htmlPptx.peakBytes),
  ],
  [
    'Sample: HTML + PDF (whole process)',
    s(single.ms),
    s(floorSingle.ms),
    `${(single.ms / floorSingle.ms).toFixed(2)}× the floor`,
    mb(single.peakBytes),
  ],
  [
    'Batch of 20 decks: HTML + PDF (whole process)',
    s(batch.ms),
    s(floorBatch.ms),
    `${(floorBatch.ms / batch.ms).toFixed(2)}× faster than the floor`,
    mb(batch.peakBytes),
  ],
  ['PDF size of the sample', `${Math.round(pdfBytes / 1024)} KB`, `${Math.round(floorBytes / 1024)} KB`, '', ''],
  ['PPTX size of the sample', `${Math.round(pptxBytes / 1024)} KB`, '', '', ''],
];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  `briefdeck ${pkg.version}, node ${process.version}, ${os.cpus().length} cores (${cpu}), ${execFileSync(browser, ['--version'], { encoding: 'utf8' }).trim()}`,
  `median of ${runs} runs (batch: ${batchRuns}); floor = bench/floor.mjs (bare Puppeteer, reveal print view, one tab)`,
  '',
  '| measure | briefdeck | floor | ratio | peak memory (briefdeck) |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
console.log(lines.join('\n'));
await writeFile(
  path.join(root, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), runs, htmlOnly, htmlPptx, single, batch, floorSingle, floorBatch, pdfBytes, floorBytes, pptxBytes }, null, 2)}\n`,
);
await rm(work, { recursive: true, force: true });
