// Bundles the compiled CLI (dist/cli/main.js) and library API (dist/index.js) into dist/bin/ with esbuild.
// Why: a CLI run spent about 0.3 s just resolving and loading ~400 small module
// files; one bundle loads in a fraction of that (see BENCHMARKS.md). Heavy,
// rarely needed pieces stay lazy: puppeteer-core (PDFs) and chokidar (serve) are
// left external and imported only by the commands that use them; code-splitting
// keeps every other dynamic import() in its own chunk.
// The library is bundled too (its own entry, sharing the CLI's chunks) so that
// pdf-lib, 24 MB installed for the ~1 MB a PDF's metadata and bookmarks use, is
// a devDependency whose code ships in the bundle; the other inlined packages
// stay dependencies, because the library's .d.ts files name their types.
// dist/bin/ sits at the same depth as dist/cli/, so paths such as
// new URL('../../templates/', import.meta.url) still point at the package root.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bin', { recursive: true, force: true }); // chunk names change with their content: no stale ones

await build({
  entryPoints: { main: 'dist/cli/main.js', index: 'dist/index.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [
    'puppeteer-core',
    '@puppeteer/browsers',
    'chokidar',
    'wink-nlp',
    'wink-eng-lite-web-model',
    'linkedom',
    '@mozilla/readability',
    'esbuild',
  ],
  // Bundled CommonJS dependencies call require(); give them one in ESM.
  banner: {
    js: "import { createRequire as __briefdeckRequire } from 'node:module'; const require = __briefdeckRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
