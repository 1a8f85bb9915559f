import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { plainText } from '../../src/html-text.js';
import { pdfInfo, pdfText, runCli, SAMPLE, squash, tempDir } from '../helpers.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const hasSoffice = !soffice.error && soffice.status === 0;

/**
 * A second implementation opens the PPTX: LibreOffice Impress converts it to
 * PDF headlessly, and pdftotext reads that back. One conversion (seconds) for
 * the whole file; a private profile per run, so parallel runs and a user's
 * own LibreOffice do not share (and lock) one.
 */
// Where soffice is missing the suite shows as skipped, under a name that says what to install.
const title = hasSoffice
  ? 'the PPTX, opened by LibreOffice Impress (soffice)'
  : 'the PPTX, opened by LibreOffice Impress: SKIPPED, soffice not found (apt-get install libreoffice-impress-nogui)';

describe.skipIf(!hasSoffice)(title, async () => {
  const out = await tempDir();
  const pdf = hasSoffice ? await convert(out) : '';
  const briefing = parseBriefing(await readFile(SAMPLE, 'utf8'), SAMPLE).briefing;

  it('has every slide as a page, with the marking on every page', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBe(10);
    for (let page = 1; page <= pages; page += 1) expect(pdfText(pdf, page).match(/TLP:CLEAR/g)).toHaveLength(2);
  });

  it('shows every recommendation', () => {
    const text = squash(pdfText(pdf));
    const recommendations = briefing.sections.find((s) => s.kind === 'recommendations')!;
    expect(recommendations.items).toHaveLength(10);
    for (const item of recommendations.items) expect(text).toContain(squash(plainText(item.html)));
  });
});

async function convert(out: string): Promise<string> {
  expect((await runCli(['build', SAMPLE, '--pptx', '--no-pdf', '-o', out])).code).toBe(0);
  const pptx = path.join(out, 'iskp-moscow-plot', 'iskp-moscow-plot.pptx');
  const converted = path.join(out, 'converted');
  const profile = pathToFileURL(path.join(out, 'soffice-profile')).href;
  spawnSync(
    'soffice',
    ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', converted, pptx],
    { encoding: 'utf8', timeout: 120_000 },
  );
  // soffice exits 0 even when it could not convert: the file is the proof.
  const pdf = path.join(converted, 'iskp-moscow-plot.pdf');
  if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${pptx}`);
  return pdf;
}
