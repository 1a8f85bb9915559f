// Run before `npm test` (pretest): the end-to-end tests read PDFs back with
// poppler (pdftotext, pdfinfo, pdffonts, pdftoppm, pdfimages) and qpdf, and
// count processes with pgrep. On a fresh Debian/Ubuntu machine, as root, this
// installs what is missing with apt-get (saying so); elsewhere it says what to
// install and stops, rather than letting tests fail one by one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const tools = { pdftotext: 'poppler-utils', qpdf: 'qpdf', pgrep: 'procps' };
const onPath = (command) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, command)));
const missing = [
  ...new Set(
    Object.entries(tools)
      .filter(([command]) => !onPath(command))
      .map(([, pkg]) => pkg),
  ),
];
if (missing.length === 0) process.exit(0);

const canApt =
  process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && onPath('apt-get');
if (canApt) {
  console.log(`briefdeck tests: installing ${missing.join(', ')} with apt-get (needed to read PDFs back)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env }).status === 0;
  if (ok) process.exit(0);
}
console.error(
  `briefdeck tests need ${missing.join(', ')}: install them, e.g. sudo apt-get install ${missing.join(' ')}`,
);
process.exit(1);
