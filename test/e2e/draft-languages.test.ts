import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

// The CLI runs from dist/ (compiled by `npm test`'s pretest, or `npm run -s compile`).
const LANGUAGES = path.join(FIXTURES, 'draft-languages');

describe('briefdeck draft in another language, then build', () => {
  it('drafts the Arabic article and builds the draft as it is, with Arabic labels', async () => {
    const cwd = await tempDir('briefdeck-draft-lang-');
    const drafted = await runCli(['draft', path.join(LANGUAGES, 'ar-water.txt'), '-o', 'ar.md'], { cwd });
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toMatch(/^drafted ar\.md: .*\b1 recommendations?\b/);
    const built = await runCli(['build', 'ar.md', '--no-pdf', '-o', 'out'], { cwd });
    expect(built.code).toBe(0);
    const html = await readFile(path.join(cwd, 'out', 'ar', 'index.html'), 'utf8');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('التوصيات');
    expect(html).toContain('يجب على الحكومات أن تستثمر في تحلية المياه');
  });

  it('refuses a Hindi article in one line, exit 1, nothing written', async () => {
    const cwd = await tempDir('briefdeck-draft-lang-');
    const result = await runCli(['draft', path.join(LANGUAGES, 'hi-monsoon.txt'), '-o', 'hi.md'], { cwd });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /hi-monsoon\.txt: the article is in Hindi \(hi\), which briefdeck cannot draft from \(it drafts from English, .*\) — /,
    );
    expect(result.stdout).toBe('');
  });
});
