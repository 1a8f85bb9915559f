// Option colours below WCAG AA contrast (issue 11, item 8), through the CLI as users run it: a warning
// naming the option, its file and line, with --no-pdf (no browser); with --strict one error line,
// exit 1, and the earlier good deck of the same briefing left byte-identical.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, escapeRegExp } from '../helpers.js';

// FM() is 5 lines plus one per extra line: `options:` on line 5, the first option on line 6.
const FM = (options = '') =>
  `---\ntitle: Probe briefing\ndate: 2026-01-15\nauthor: Test Author\n${options ? `options:\n${options}` : ''}---\n`;
const BODY =
  '\n## Summary\n\nThe bottom line.\n\n- First point.\n\n## Implications\n\n- An implication.\n\n## Recommendations\n\n1. Do this.\n';
const NAVY = '  accent: "#1f4e79"\n';
/** The issue's case: a navy accent on the dark template. */
const DARK_NAVY =
  'option "accent" #1f4e79 on the dark template\'s background #16243a has contrast 1.79:1, below WCAG AA 4.5:1 for text (bottom-line label; also too low for kickers, recommendation numbers) — choose a lighter colour, e.g. #708ea9';

let root: string;
let n = 0;
/** A fresh project folder with the content file in `src/`; the output goes to `out/`. */
async function workspace(content: string) {
  const dir = path.join(root, String(++n));
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const source = path.join(dir, 'src', 'probe.md');
  await writeFile(source, content);
  return { dir, source, out: path.join(dir, 'out'), deck: path.join(dir, 'out', 'probe', 'index.html') };
}
const build = (source: string, out: string, extra: string[], cwd?: string) =>
  runCli(['build', source, '--out', out, '--no-pdf', ...extra], { cwd });

beforeAll(async () => {
  root = await tempDir('briefdeck-bad-contrast-');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('option colours below WCAG AA contrast', () => {
  it('warn with --no-pdf, at the line of the option in front matter; the deck is built', async () => {
    const { source, out, deck } = await workspace(FM('  footer: Ours\n' + NAVY) + BODY);
    const run = await build(source, out, ['-t', 'dark']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trimEnd().split('\n')).toEqual([`${source}:7: warning: ${DARK_NAVY}`]);
    expect(run.stdout).toMatch(/1 deck built in .*, 1 warning/);
    expect(await readFile(deck, 'utf8')).toContain('--accent: #1f4e79');
  });

  it('are checked on the light templates too, and a passing colour gives no warning', async () => {
    const { source, out } = await workspace(FM('  accent: "#f2a65a"\n') + BODY);
    const light = await build(source, out, ['-t', 'print']);
    expect(light.code).toBe(0);
    expect(light.stderr.trimEnd()).toMatch(
      new RegExp(
        `^${escapeRegExp(source)}:6: warning: option "accent" #f2a65a on the print template's background #ffffff has contrast 2\\.\\d\\d:1, below WCAG AA 4\\.5:1 for text \\(bottom-line label; also too low for kickers\\) — choose a darker colour, e\\.g\\. #[0-9a-f]{6}$`,
      ),
    );
    const dark = await build(source, out, ['-t', 'dark']);
    expect(dark.code).toBe(0);
    expect(dark.stderr).toBe('');
  });

  it('with --strict are one error line, exit 1, and the earlier deck stays byte-identical', async () => {
    const { source, out, deck } = await workspace(FM() + BODY);
    const good = await build(source, out, ['-t', 'dark', '--strict']);
    expect(good.code, good.stderr).toBe(0);
    const before = await readFile(deck);
    await writeFile(source, FM(NAVY) + BODY);
    const bad = await build(source, out, ['-t', 'dark', '--strict']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trimEnd().split('\n')).toEqual([`${source}:6: ${DARK_NAVY}`]);
    expect((await readFile(deck)).equals(before)).toBe(true);
  });

  it('set in the config file are reported at the config file and line', async () => {
    const { dir, source, out } = await workspace(FM() + BODY);
    await writeFile(path.join(dir, 'briefdeck.config.yaml'), `template: dark\noptions:\n${NAVY}`);
    const run = await build(source, out, [], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split('\n')).toEqual([`briefdeck.config.yaml:3: warning: ${DARK_NAVY}`]);
    const strict = await build(source, path.join(dir, 'strict-out'), ['--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr.trimEnd().split('\n')).toEqual([`briefdeck.config.yaml:3: ${DARK_NAVY}`]);
    expect(existsSync(path.join(dir, 'strict-out', 'probe'))).toBe(false);
  });

  it('a template whose pairs name no colour option is one error line naming its template.json; nothing is written', async () => {
    const { dir, source, out } = await workspace(FM() + BODY);
    const templates = path.join(dir, 'templates');
    await mkdir(path.join(templates, 'typo'), { recursive: true });
    await writeFile(
      path.join(templates, 'typo', 'template.json'),
      JSON.stringify({ extends: 'default', contrast: [{ text: 'acent', on: '#ffffff', where: 'kickers' }] }),
    );
    const run = await build(source, out, ['--templates', templates, '-t', 'typo']);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${path.join(templates, 'typo', 'template.json')}: template.json: "contrast.0.text" "acent" is neither an option of this template nor a colour — name a colour option, or write #rrggbb, #rgb, #rrggbbaa or rgb(r, g, b)`,
    ]);
    expect(existsSync(out)).toBe(false);
  });
});
