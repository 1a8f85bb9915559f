// Run before `npm test` (pretest, after the compile): the tests read PDFs back
// with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm, pdfimages) and qpdf,
// and count processes with pgrep. On a fresh Debian/Ubuntu machine, as root
// (CI: .ci/run, containers), this installs what is missing with one apt-get,
// saying so, through the module `briefdeck browser --ensure` installs Chromium
// with; there the system Chromium is installed too (the browser the tests print
// with, started by its path in browser-install.test.ts). Elsewhere it says what
// to install and stops, rather than letting tests fail one by one; the browser
// is then whichever briefdeck finds (a clone's npm install ran `browser --ensure`).
import { aptGetInstall, canAptGet, missingPackages } from '../dist/pdf/system-packages.js';

const tools = { pdftotext: 'poppler-utils', qpdf: 'qpdf', pgrep: 'procps' };
const apt = canAptGet();
// LibreOffice Impress opens the PPTX in test/e2e/pptx-libreoffice.test.ts; installed where apt-get can, else that test is skipped (it says so).
const missing = missingPackages(apt ? { chromium: 'chromium', soffice: 'libreoffice-impress-nogui', ...tools } : tools);
if (missing.length === 0) process.exit(0);

if (apt) {
  console.log(`briefdeck tests: installing ${missing.join(', ')} with apt-get (to print PDFs and read them back)`);
  if (aptGetInstall(missing)) process.exit(0);
}
console.error(
  `briefdeck tests need ${missing.join(', ')}: install them, e.g. sudo apt-get install ${missing.join(' ')}`,
);
process.exit(1);
