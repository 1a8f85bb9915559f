// npm run bench: what each of briefdeck's output formats costs over its PDF build, and the PDF build
// against the floor (a bare Puppeteer print of the same HTML, bench/floor.mjs), in one run on this
// machine. Whole processes, as a user runs them. BENCH_RUNS rounds (default 5), interleaved
// (bench/rounds.mjs): each round runs every variant once, in a rotating order, each between two PDF
// builds, and a ratio is the median over the rounds of a variant's time against those PDF builds; the
// batches of 20 run in the first 3 rounds only. Reports the median wall time, the peak memory of the
// process tree (node + Chromium, bench/measure.mjs) and the bytes each format wrote (from the build's
// --json report). Prints a Markdown table and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median } from './measure.mjs';
import { perRound, relative, runRounds, spread } from './rounds.mjs';
import { writtenBytes } from './written.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const cli = path.join(root, pkg.bin.briefdeck);
const floor = path.join(root, 'bench', 'floor.mjs');
const sample = path.join(root, 'content', 'iskp-moscow-plot.md');
const rounds = Number(process.env.BENCH_RUNS ?? 5);
const batchRounds = Math.min(3, rounds);
const node = process.execPath;
const started = performance.now();
const loadAtStart = os.loadavg()[0];

const browser = execFileSync(node, [cli, 'browser'], { encoding: 'utf8' }).split(' (')[0].trim();
const work = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-'));
const batchDir = path.join(work, 'batch');
await mkdir(batchDir);
const text = await readFile(sample, 'utf8');
for (let i = 1; i <= 20; i++) {
  const n = String(i).padStart(2, '0');
  await writeFile(path.join(batchDir, `brief-${n}.md`), text.replace(/^title: (.*)$/m, `title: $1 (copy ${n})`));
}

/** Runs the CLI once, untimed: the HTML the floor prints, and a warm compiled-template cache for every round. */
async function prepare(input, name) {
  const out = path.join(work, name);
  const run = await measure(node, [cli, 'build', input, '--json', '--out', out], { cwd: root });
  if (run.code !== 0) throw new Error(`briefdeck build ${input} failed (${run.code}):\n${run.output}`);
  return JSON.parse(run.stdout).decks.map((deck) => deck.html);
}
const [deckHtml] = await prepare(sample, 'prepared');
const batchHtml = await prepare(batchDir, 'prepared-batch');

// Each format alone on top of the PDF build, then all of them together (PNGs at scale 1, the default).
const FORMATS = [
  ['--pptx'],
  ['--handout'],
  ['--single-file'],
  ['--png'],
  ['--png', '--scale', '2'],
  ['--thumbnails'],
  ['--contact-sheet'],
  ['--script'],
];
const ALL = ['--pptx', '--handout', '--single-file', '--png', '--thumbnails', '--contact-sheet', '--script'];
const build = (input, flags) => ({ args: [cli, 'build', input, ...flags, '--json'] });
/** The floor prints each deck to floor.pdf beside its index.html. */
const floorOf = (decks) => ({
  args: [floor, browser, ...decks],
  floorPdfs: decks.map((deck) => deck.replace(/index\.html$/, 'floor.pdf')),
});
const pdfBuild = { name: 'pdf', label: 'PDF build of the sample (HTML + PDF)', ...build(sample, []) };
const variants = [
  { name: 'floor', label: 'floor: bare Puppeteer print of the same HTML', ...floorOf([deckHtml]) },
  { name: 'html', label: 'HTML only (`--no-pdf`)', writes: 'folder', ...build(sample, ['--no-pdf']) },
  // What --pptx adds to a build that needs no browser: loading pptxgenjs, writing and zipping the PPTX.
  {
    name: 'html --pptx',
    label: 'HTML + `--pptx --no-pdf`',
    vs: { name: 'html', label: 'HTML only' },
    formats: ['--pptx'],
    ...build(sample, ['--pptx', '--no-pdf']),
  },
  ...FORMATS.map((flags) => ({
    name: flags.join(' '),
    label: `PDF + \`${flags.join(' ')}\``,
    formats: flags,
    ...build(sample, flags),
  })),
  { name: 'all', label: 'PDF + all of them (`--png` at scale 1)', formats: ALL, ...build(sample, ALL) },
  {
    name: 'batch',
    label: 'batch of 20 decks, HTML + PDF',
    rounds: batchRounds,
    vs: { name: 'floor batch', label: 'the floor' },
    ...build(batchDir, []),
  },
  { name: 'floor batch', label: 'floor: the same 20 decks', rounds: batchRounds, ...floorOf(batchHtml) },
];

const { references, results } = await runRounds(pdfBuild, variants, rounds, async (variant, round) => {
  const out = path.join(work, `run-${round}`);
  const run = await measure(node, variant.floorPdfs ? variant.args : [...variant.args, '--out', out], { cwd: root });
  const ok = run.code === 0;
  process.stderr.write(
    `round ${round + 1}/${rounds} ${variant.name}: ${ok ? `${(run.ms / 1000).toFixed(2)} s` : `failed (${run.code})`}\n`,
  );
  const result = { ok, round, ms: run.ms, peakBytes: run.peakBytes };
  if (!ok) return { ...result, error: run.output.trim().slice(0, 2000) };
  // The files this run wrote: the floor's PDFs, or what the build's --json report lists.
  const written = variant.floorPdfs
    ? {
        pdf: (await Promise.all(variant.floorPdfs.map((file) => stat(file)))).reduce((sum, info) => sum + info.size, 0),
      }
    : await writtenBytes(JSON.parse(run.stdout));
  await rm(out, { recursive: true, force: true });
  return { ...result, written };
});

/** The variant's command as a user would type it, for results.json. */
function shown(variant) {
  const names = [
    [cli, 'briefdeck'],
    [floor, 'bench/floor.mjs'],
    [sample, path.relative(root, sample)],
    [batchDir, '<20 copies of the sample>'],
  ];
  const args = variant.floorPdfs ? [floor, browser, `<${variant.floorPdfs.length} × index.html>`] : variant.args;
  return args.map((arg) => names.find(([full]) => full === arg)?.[1] ?? arg).join(' ');
}

/** What a variant's runs wrote, in bytes (the same in every round; the last successful run's). */
function bytesOf(variant, runs) {
  const written = runs.findLast((run) => run?.ok)?.written;
  if (!written) return { text: '', bytes: undefined };
  if (variant.writes === 'folder') return { text: `${kb(written.folder)} (deck folder)`, bytes: written.folder };
  if (!variant.formats)
    return { text: `${kb(written.pdf)} (PDF${variant.name.includes('batch') ? 's' : ''})`, bytes: written.pdf };
  const names = Object.keys(written.outputs);
  // A flag whose stage is not built on this branch yet writes nothing besides the PDF: say so.
  if (!names.length) return { text: 'nothing (format not built here)', bytes: 0 };
  const bytes = names.reduce((sum, name) => sum + written.outputs[name], 0);
  return { text: `${kb(bytes)} (${names.join(', ')})`, bytes };
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
const kb = (bytes) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
const ratio = (r, of) => (r ? `${r.median.toFixed(2)}× ${of} (${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '');
const plus = (d) => (d ? `${d.median >= 0 ? '+' : '−'}${s(Math.abs(d.median))}` : '');
const defined = (values) => values.filter((value) => value !== undefined);

const runsOf = (name) => results.get(name);

/**
 * What a row is compared with (`vs`, else the PDF builds on either side of each run): the ratio per round
 * and, for a format, the seconds it adds per round. The floors are what the others are compared with.
 */
function comparison(variant, runs) {
  if (variant.floorPdfs) return {};
  if (!variant.vs) {
    const bracketed = runs.filter((run) => relative(run) !== undefined);
    return { vs: 'the PDF build', ratios: bracketed.map(relative), added: bracketed.map((r) => r.ms - r.referenceMs) };
  }
  // Both sides relative to their own PDF builds, so the drift between the two runs cancels too; in seconds,
  // the difference is taken at this run's speed (its PDF builds' mean time).
  const other = runsOf(variant.vs.name);
  const ratios = perRound(runs, other, (x, y) => x / y);
  const added = perRound(runs, other, (x, y, run) => (x - y) * run.referenceMs);
  return { vs: variant.vs.label, ratios, added };
}

/** A row of the table: the runs' median time, peak memory and bytes written, and the comparison. */
function row(variant, runs, { vs, ratios, added } = comparison(variant, runs)) {
  const ok = runs.filter((run) => run?.ok);
  const failed = runs.find((run) => run && !run.ok);
  return {
    name: variant.name,
    label: variant.label,
    command: shown(variant),
    ms: ok.length ? median(ok.map((run) => run.ms)) : undefined,
    runsMs: runs.map((run) => run && Math.round(run.ms)),
    vs,
    ratio: ratios && spread(ratios),
    addedMs: variant.formats && added ? spread(added) : undefined,
    peakBytes: ok.length ? Math.max(...ok.map((run) => run.peakBytes)) : undefined,
    written: bytesOf(variant, runs),
    failed: failed && { output: failed.error },
  };
}

const summary = [
  // The PDF build against the floor: the inverse of the floor's time relative to its PDF builds.
  row(pdfBuild, references, {
    vs: 'the floor',
    ratios: defined(runsOf('floor').map((run) => relative(run) && 1 / relative(run))),
  }),
  ...variants.map((variant) => row(variant, runsOf(variant.name))),
];

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const chromium = execFileSync(browser, ['--version'], { encoding: 'utf8' }).trim();
const lines = [
  `briefdeck ${pkg.version}, node ${process.version}, ${os.cpus().length} cores (${cpu}), ${chromium}; load average ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end; ${Math.round((performance.now() - started) / 1000)} s in all`,
  `${rounds} interleaved rounds (batches: ${batchRounds}), each variant between two PDF builds; ratio = median of the per-round ratios (min–max); adds = median of the per-round differences`,
  '',
  '| measure | median wall | ratio | adds | peak memory | written |',
  '|---|---|---|---|---|---|',
  ...summary.map((r) =>
    r.failed
      ? `| ${r.label} | failed: ${r.failed.output.split('\n')[0]} | | | | |`
      : `| ${r.label} | ${s(r.ms)} | ${ratio(r.ratio, r.vs)} | ${plus(r.addedMs)} | ${mb(r.peakBytes)} | ${r.written.text} |`,
  ),
];
console.log(lines.join('\n'));
await writeFile(
  path.join(root, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine: { cpu, cores: os.cpus().length, node: process.version, chromium, load: [loadAtStart, os.loadavg()[0]] }, rounds, batchRounds, variants: summary }, null, 2)}\n`,
);
await rm(work, { recursive: true, force: true });
if (summary.some((r) => r.failed)) process.exitCode = 1;
