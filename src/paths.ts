import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * briefdeck's own folder (where runtime/, templates/ and package.json are), found by walking up from this
 * module to briefdeck's package.json. The module runs from src/ (tests), dist/ (library) or dist/bin/ (the
 * CLI bundle) at different depths, so a fixed '../../' would break whenever a module or the bundle moves.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside briefdeck's own folder. */
export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === 'briefdeck') return dir;
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
    if (path.dirname(dir) === dir) throw new Error(`briefdeck's package.json not found above ${from}`);
  }
}
