// How well `shorten` (src/draft/compress.ts) brings long sentences under the bullet limit, on the
// tuning fixtures (test/fixtures/articles/; never the held-out set). For every sentence of every
// article: is it over 25 words, and does it fit after shortening? `--verbose` prints each changed
// sentence before and after, with what was removed, so a reader can check that it stays grammatical.
//
//   npm run -s compile && node scripts/eval-shorten.mjs [--verbose]

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shorten } from '../dist/draft/compress.js';
import { draftBriefing } from '../dist/draft/index.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'articles');
const verbose = process.argv.includes('--verbose');
const MAX = 25;

const rows = [];
for (const file of readdirSync(dir)
  .filter((f) => /\.(txt|md|html)$/.test(f))
  .sort()) {
  const expected = JSON.parse(readFileSync(path.join(dir, file.replace(/\.\w+$/, '.expected.json')), 'utf8'));
  const language = expected.language ?? 'en';
  const { sentences } = await draftBriefing(readFileSync(path.join(dir, file), 'utf8'), { file });
  const row = { file, language, sentences: sentences.length, long: 0, fit: 0, leaning: 0 };
  for (const s of sentences) {
    const whole = shorten(s, { maxWords: Number.MAX_SAFE_INTEGER, language });
    const out = shorten(s, { maxWords: MAX, language });
    if (whole.words > MAX) {
      row.long++;
      if (out.fits) row.fit++;
    }
    if (out.leans) row.leaning++;
    if (verbose && out.removed.length > 0) {
      const flags = `${whole.words}→${out.words}${out.fits ? '' : ' does not fit'}${out.leans ? ', leans on the one before' : ''}`;
      console.log(`${file} [${flags}]\n  ${s.text}\n  → ${out.text}\n  removed: ${JSON.stringify(out.removed)}\n`);
    }
  }
  rows.push(row);
}

const share = (a, b) => (b ? (a / b).toFixed(2) : '·');
console.log(`| article | lang | sentences | over ${MAX} words | fit after shortening | share | leaning |`);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.file} | ${r.language} | ${r.sentences} | ${r.long} | ${r.fit} | ${share(r.fit, r.long)} | ${r.leaning} |`,
  );
const sum = (key, list = rows) => list.reduce((n, r) => n + r[key], 0);
const english = rows.filter((r) => r.language === 'en');
console.log(
  `| **all** | | ${sum('sentences')} | ${sum('long')} | ${sum('fit')} | **${share(sum('fit'), sum('long'))}** | ${sum('leaning')} |`,
);
console.log(
  `| **English** | | ${sum('sentences', english)} | ${sum('long', english)} | ${sum('fit', english)} | **${share(sum('fit', english), sum('long', english))}** | ${sum('leaning', english)} |`,
);
