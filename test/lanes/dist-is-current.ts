// Global setup of the e2e lane (vitest.config.ts). CLI tests run the esbuild bundle in dist/ (as users
// do, package.json "bin") while library tests import src/: a bundle older than src/ would test code that
// is no longer there. `npm test` compiles once before the suite (pretest); a run of single e2e files
// after editing src/ stops here with what to do, instead of failing (or passing) on old code.
import { statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The newest file under `dir` and its modification time. */
async function newest(dir: string): Promise<{ file: string; mtimeMs: number }> {
  let best = { file: dir, mtimeMs: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(file);
    if (mtimeMs > best.mtimeMs) best = { file, mtimeMs };
  }
  return best;
}

export default async function distIsCurrent(): Promise<void> {
  const bundle = path.join(ROOT, 'dist', 'bin', 'main.js');
  const built = statSync(bundle, { throwIfNoEntry: false });
  const source = await newest(path.join(ROOT, 'src'));
  if (built && built.mtimeMs >= source.mtimeMs) return;
  const why = built
    ? `${path.relative(ROOT, bundle)} is older than ${path.relative(ROOT, source.file)}`
    : `${path.relative(ROOT, bundle)} does not exist`;
  throw new Error(
    `e2e tests run the CLI from dist/, and ${why} — run \`npm run -s compile\` first (\`npm test\` does it)`,
  );
}
