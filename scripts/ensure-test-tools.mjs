// Run before `npm test` (pretest, after the compile): the tests print with the
// system Chromium (/usr/bin/chromium), read PDFs back with poppler (pdftotext,
// pdfinfo, pdffonts, pdftoppm, pdfimages) and qpdf, and count processes with
// pgrep. On a fresh Debian/Ubuntu machine, as root, this installs what is
// missing with one apt-get (saying so), through the module `briefdeck browser
// --ensure` installs Chromium with; elsewhere it says what to install and
// stops, rather than letting tests fail one by one.
import { aptGetInstall, canAptGet, missingPackages } from '../dist/pdf/system-packages.js';

const missing = missingPackages({ chromium: 'chromium', pdftotext: 'poppler-utils', qpdf: 'qpdf', pgrep: 'procps' });
if (missing.length === 0) process.exit(0);

if (canAptGet()) {
  console.log(`briefdeck tests: installing ${missing.join(', ')} with apt-get (to print PDFs and read them back)`);
  if (aptGetInstall(missing)) process.exit(0);
}
console.error(
  `briefdeck tests need ${missing.join(', ')}: install them, e.g. sudo apt-get install ${missing.join(' ')}`,
);
process.exit(1);
