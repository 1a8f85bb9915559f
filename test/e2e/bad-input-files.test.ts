// Files that are not what they seem, through the CLI as users run it (dist/bin/main.js): named pipes,
// devices, folders and links where files are expected, unreadable folders, output folders that cannot
// be or must not be written, names in other scripts. Each case states its outcome: ONE line
// `<file>: <what> — <hint>` with its exit code, no stack trace, nothing hanging, and the earlier good
// deck left byte-identical; or the decks that must be built.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, SAMPLE, tempDir, type CliResult } from '../helpers.js';

const FM = (title = 'Probe briefing') => `---\ntitle: ${title}\ndate: 2026-01-15\nauthor: Test Author\n---\n`;
const GOOD = `${FM()}\n## Summary\n\nThe bottom line.\n\n- First point.\n\n## Implications\n\n- An implication.\n\n## Recommendations\n\n1. Do this.\n`;
const mkfifo = (file: string) => expect(spawnSync('mkfifo', [file]).status).toBe(0);

/** The single stderr line of a run (and there is exactly one). */
function oneLine(run: CliResult): string {
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  return lines[0]!;
}

let work: string;
beforeAll(async () => {
  work = await tempDir('briefdeck-files-');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh folder inside the work folder. */
async function folder(name: string): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('content that is not a regular file', () => {
  it('a FIFO named .md is one clear line (it used to hang forever), and the earlier deck stays byte-identical', async () => {
    const dir = await folder('fifo');
    const file = path.join(dir, 'brief.md');
    const out = path.join(dir, 'out');
    await writeFile(file, GOOD);
    expect((await runCli(['build', file, '--out', out, '--no-pdf'])).code).toBe(0);
    const before = await readFile(path.join(out, 'brief', 'index.html'));
    await rm(file);
    mkfifo(file);
    const run = await runCli(['build', file, '--out', out, '--no-pdf']);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `${file}: is a named pipe (FIFO), not a file — give the content file itself (briefdeck reads only regular files)`,
    );
    expect(await readFile(path.join(out, 'brief', 'index.html'))).toEqual(before);
  });

  it("a FIFO named .md in a folder is skipped with one line; the folder's other briefings are built", async () => {
    const dir = await folder('fifo-in-folder');
    await writeFile(path.join(dir, 'good.md'), GOOD);
    mkfifo(path.join(dir, 'pipe.md'));
    const run = await runCli(['build', dir, '--out', path.join(work, 'fifo-in-folder-out'), '--no-pdf']);
    expect(run.code).toBe(0);
    expect(oneLine(run)).toBe(`${path.join(dir, 'pipe.md')}: warning: skipped: a named pipe (FIFO), not a file`);
    expect(existsSync(path.join(work, 'fifo-in-folder-out', 'good', 'index.html'))).toBe(true);
  });

  it.each(['/dev/zero', '/dev/urandom'])(
    '%s as a content file is one clear line (it used to read forever)',
    async (device) => {
      const run = await runCli(['build', device, '--out', path.join(work, 'device-out'), '--no-pdf']);
      expect(run.code).toBe(1);
      expect(oneLine(run)).toBe(
        `${device}: is a character device, not a file — give the content file itself (briefdeck reads only regular files)`,
      );
    },
  );

  it('a config file over 20 MB is one clear line, not read into memory', async () => {
    const dir = await folder('huge-config');
    await writeFile(path.join(dir, 'briefdeck.config.yaml'), `# ${'x'.repeat(21 * 1024 * 1024)}\n`);
    await writeFile(path.join(dir, 'brief.md'), GOOD);
    const run = await runCli(['build', 'brief.md', '--out', 'out', '--no-pdf'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      'briefdeck.config.yaml: is larger than 20 MB — a config file this large is not what briefdeck expects: check that this is the right file',
    );
  });

  it('a config file that is a FIFO is one clear line', async () => {
    const dir = await folder('fifo-config');
    const config = path.join(dir, 'briefdeck.config.yaml');
    mkfifo(config);
    await writeFile(path.join(dir, 'brief.md'), GOOD);
    const run = await runCli(['build', 'brief.md', '--out', 'out', '--no-pdf'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      'briefdeck.config.yaml: is a named pipe (FIFO), not a file — give the config file itself (briefdeck reads only regular files)',
    );
  });

  it('a template partial that is a FIFO is one clear line naming it', async () => {
    const dir = await folder('fifo-template');
    const partials = path.join(dir, 'templates', 'piped', 'partials');
    await mkdir(partials, { recursive: true });
    await writeFile(path.join(dir, 'templates', 'piped', 'template.json'), '{ "extends": "default" }');
    mkfifo(path.join(partials, 'footer.hbs'));
    await writeFile(path.join(dir, 'brief.md'), GOOD);
    const run = await runCli([
      'build',
      path.join(dir, 'brief.md'),
      '--out',
      path.join(dir, 'out'),
      '--no-pdf',
      '--templates',
      path.join(dir, 'templates'),
      '--template',
      'piped',
    ]);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `${path.join(partials, 'footer.hbs')}: is a named pipe (FIFO), not a file — give the template file itself (briefdeck reads only regular files)`,
    );
  });

  it('`draft` from a FIFO is one clear line', async () => {
    const dir = await folder('fifo-draft');
    mkfifo(path.join(dir, 'article.txt'));
    const run = await runCli(['draft', 'article.txt', '-o', 'brief.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      'article.txt: is a named pipe (FIFO), not a file — give the article (.txt, .md or .html) itself (briefdeck reads only regular files)',
    );
  });

  // `-o /dev/null --force` is the same case (as root, the rename replaced the device with a file); it is
  // tested with a FIFO of the test's own, because code without the check would replace /dev/null.
  it('`draft -o <a FIFO> --force` refuses to replace it with a file', async () => {
    const dir = await folder('draft-fifo-out');
    const article = path.join(dir, 'article.txt');
    await writeFile(
      article,
      'The ministry warned that the plan would fail. Officials should act now. The report said more.\n',
    );
    const target = path.join(dir, 'pipe.md');
    mkfifo(target);
    const run = await runCli(['draft', article, '-o', target, '--force']);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toBe(
      `${target}: is a named pipe (FIFO), not a content file — choose another file with -o <file>`,
    );
    expect(spawnSync('test', ['-p', target]).status).toBe(0);
  });

  it('a symlink loop is named as one, not as "does not exist"', async () => {
    const dir = await folder('loop');
    await symlink('loop.md', path.join(dir, 'loop.md'));
    const run = await runCli(['build', path.join(dir, 'loop.md'), '--out', path.join(dir, 'out'), '--no-pdf']);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `${path.join(dir, 'loop.md')} is a symbolic link loop (ELOOP) — the link leads back to itself: point it at the real file`,
    );
  });
});

describe('Ctrl-C while a worker thread is stuck on the file system', () => {
  // process.exit() waits for libuv's worker threads; one blocked in open() of a FIFO kept the CLI alive
  // until kill -9. The CLI's signal handler (dist/cli/signals.js) is run here with a thread stuck that way.
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s ends the process (shell code %i) and runs its exit handlers', async (signal, shellCode) => {
    const dir = await folder(`stuck-${signal}`);
    const fifo = path.join(dir, 'pipe');
    mkfifo(fifo);
    const marker = path.join(dir, 'exit-handlers-ran');
    const script = `
      import { readFile } from 'node:fs';
      import { writeFileSync } from 'node:fs';
      const { exitOnSignals } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'signals.js'))});
      exitOnSignals();
      process.on('exit', (code) => writeFileSync(${JSON.stringify(marker)}, String(code)));
      readFile(${JSON.stringify(fifo)}, () => {}); // blocks a worker thread in open() until someone writes
      setTimeout(() => console.log('ready'), 100);
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, how) => resolve({ code, signal: how })),
      );
      child.kill(signal);
      const { code, signal: how } = await ended;
      // Ended by the signal's default action (what the shell reports as 128 + its number), or by exit(code).
      expect(code ?? 128 + (how === 'SIGINT' ? 2 : 15)).toBe(shellCode);
      expect(await readFile(marker, 'utf8')).toBe(String(shellCode));
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('unreadable files and folders (EACCES)', () => {
  // The tests run as root, where chmod 000 does not stop reading: the CLI is run as the unprivileged user
  // "nobody" through setpriv. Where neither works (not root and no setpriv), these are skipped, and say so.
  const asRoot = process.getuid?.() === 0;
  const setpriv =
    asRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
  const canTest = !asRoot || setpriv;
  const runUnprivileged = async (args: string[]): Promise<CliResult> => {
    const [command, prefix] = setpriv
      ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]]
      : [process.execPath, []];
    try {
      const { stdout, stderr } = await promisify(execFile)(command, [...prefix, CLI, ...args], {
        cwd: work,
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };
  /** A folder everyone may read and write (mkdtemp makes 0700 folders). */
  const open = async (name: string) => {
    const dir = await folder(name);
    await chmod(work, 0o755);
    await chmod(dir, 0o777);
    return dir;
  };

  it.skipIf(!canTest)(
    'an unreadable sub-folder is one error naming it; the other briefings are built (exit 1)',
    async () => {
      const dir = await open('eacces-folder');
      await writeFile(path.join(dir, 'good.md'), GOOD);
      const locked = path.join(dir, 'private');
      await mkdir(locked);
      await writeFile(path.join(locked, 'secret.md'), GOOD);
      await chmod(locked, 0o000);
      const out = path.join(dir, 'out');
      const run = await runUnprivileged(['build', dir, '--out', out, '--no-pdf']);
      await chmod(locked, 0o755);
      expect(run.code).toBe(1);
      expect(oneLine(run)).toBe(
        `${locked}: the folder cannot be listed: permission denied (EACCES) — give yourself read access to the folder (chmod/chown), or run briefdeck as a user who has it; its briefings were not built`,
      );
      expect(existsSync(path.join(out, 'good', 'index.html'))).toBe(true);
    },
  );

  it.skipIf(!canTest)('an unreadable content file: the hint is words, not a raw Node error', async () => {
    const dir = await open('eacces-file');
    const file = path.join(dir, 'locked.md');
    await writeFile(file, GOOD);
    await chmod(file, 0o000);
    const run = await runUnprivileged(['build', file, '--out', path.join(dir, 'out'), '--no-pdf']);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `${file}: cannot be read: permission denied (EACCES) — give yourself read access to the content file (chmod/chown), or run briefdeck as a user who has it`,
    );
  });

  it.skipIf(!canTest)('an unreadable template.json is not called "not valid JSON"', async () => {
    const dir = await open('eacces-template');
    const template = path.join(dir, 'templates', 'locked');
    await mkdir(template, { recursive: true });
    await chmod(path.join(dir, 'templates'), 0o755);
    await chmod(template, 0o755);
    await writeFile(path.join(template, 'template.json'), '{ "extends": "default" }');
    await chmod(path.join(template, 'template.json'), 0o000);
    await writeFile(path.join(dir, 'brief.md'), GOOD);
    const run = await runUnprivileged([
      'build',
      path.join(dir, 'brief.md'),
      '--out',
      path.join(dir, 'out'),
      '--no-pdf',
      '--templates',
      path.join(dir, 'templates'),
    ]);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `${path.join(template, 'template.json')}: cannot be read: permission denied (EACCES) — give yourself read access to the template file (chmod/chown), or run briefdeck as a user who has it`,
    );
  });
});

describe('output folders and template targets', () => {
  it('`--out ""` is a usage error (it used to write into the working directory)', async () => {
    const dir = await folder('out-empty');
    await writeFile(path.join(dir, 'brief.md'), GOOD);
    const run = await runCli(['build', 'brief.md', '--out', '', '--no-pdf'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: option '-o, --out <dir>' argument '' is invalid\. an empty path: name a file or folder \(run briefdeck --help for usage\)$/m,
    );
    expect(await readdir(dir)).toEqual(['brief.md']);
  });

  it('`--out /proc/x` is one clear line, exit 4 (it used to spin forever in a recursive mkdir)', async () => {
    const run = await runCli(['build', SAMPLE, '--out', '/proc/briefdeck-x', '--no-pdf']);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toBe(
      'cannot write /proc/briefdeck-x/iskp-moscow-plot/ (ENOENT) — a folder cannot be made there (a special file system such as /proc, or a path that vanished): choose another folder with --out',
    );
  });

  it('`template eject default /proc/x` is one clear line, exit 4', async () => {
    const run = await runCli(['template', 'eject', 'default', '/proc/briefdeck-x']);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toBe(
      'cannot write /proc/briefdeck-x/template.json (ENOENT) — a folder cannot be made there (a special file system such as /proc, or a path that vanished): eject into another folder',
    );
  });

  it('`init /proc/x` is one clear line, exit 4 (it used to spin forever in a recursive mkdir)', async () => {
    const run = await runCli(['init', '/proc/briefdeck-x']);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toBe(
      'cannot write /proc/briefdeck-x/package.json (ENOENT) — a folder cannot be made there (a special file system such as /proc, or a path that vanished): run init in another folder',
    );
  });

  // `/` is refused by the same rule as a parent (it contains every content folder); not run here, because
  // code without the rule would write /index.html as root.
  it.each([
    ['the content folder itself', 'same', '.', 'is the content folder .'],
    ['a parent of the content folder', 'parent', '..', 'contains the content folder .'],
  ])(
    '`--out` at %s is refused before anything is written (decks could overwrite or remove sources)',
    async (_name, label, out, what) => {
      const dir = await folder(`out-content-${label}`);
      await writeFile(path.join(dir, 'brief.md'), GOOD);
      const run = await runCli(['build', '.', '--out', out, '--no-pdf'], { cwd: dir });
      expect(run.code).toBe(4);
      expect(oneLine(run)).toBe(
        `the output folder ${out} ${what} — decks could overwrite or remove content there: choose a folder of their own with --out, e.g. --out output`,
      );
      expect(await readdir(dir)).toEqual(['brief.md']);
      expect(existsSync(path.join(dir, '..', 'index.html'))).toBe(false);
    },
  );

  it('`--templates` naming a file is one clear line (it was an internal error)', async () => {
    const run = await runCli([
      'build',
      SAMPLE,
      '--out',
      path.join(work, 'templates-file-out'),
      '--no-pdf',
      '--templates',
      SAMPLE,
    ]);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `templates folder ${SAMPLE} is a regular file, not a folder — check the --templates path or the \`templates:\` entry in briefdeck.config: it names the folder that holds your templates (or one template folder)`,
    );
  });

  it('`template eject` onto an existing file is one clear line and leaves the file alone (it was an internal error)', async () => {
    const file = path.join(await folder('eject-file'), 'house');
    await writeFile(file, 'mine');
    const run = await runCli(['template', 'eject', 'default', file]);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `${file} is a regular file, not a folder — name a new folder for the template, e.g. my-templates/house`,
    );
    expect(await readFile(file, 'utf8')).toBe('mine');
  });

  it('a template font package that is a path is an error about the name, not `npm install ../../etc`', async () => {
    const dir = await folder('font-path');
    const template = path.join(dir, 'templates', 'fonty');
    await mkdir(template, { recursive: true });
    await writeFile(
      path.join(template, 'template.json'),
      JSON.stringify({ extends: 'default', fonts: [{ package: '../../etc', weights: [400] }] }),
    );
    await writeFile(path.join(dir, 'brief.md'), GOOD);
    const run = await runCli([
      'build',
      path.join(dir, 'brief.md'),
      '--out',
      path.join(dir, 'out'),
      '--no-pdf',
      '--templates',
      path.join(dir, 'templates'),
      '--template',
      'fonty',
    ]);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(
      `${path.join(template, 'template.json')}:1: template.json: "fonts.0.package" must be an npm package name such as @fontsource/source-sans-3, not a path — see templates/README.md for the manifest fields`,
    );
  });
});

describe('a browser the user named', () => {
  it('`--browser /bin/true` that fails to start is named with its path, not told to install Chromium', async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(work, 'browser-true'), '--browser', '/bin/true']);
    expect(run.code).toBe(3);
    const line = oneLine(run);
    expect(line).toMatch(
      /^the browser set by --browser failed to start: \/bin\/true: .* — check that it is Chrome or Chromium and runs \(`\/bin\/true --version`\), or unset --browser to let briefdeck find one$/,
    );
    expect(line).not.toMatch(/install Chromium/);
  });

  it('a bad BRIEFDECK_BROWSER is named as BRIEFDECK_BROWSER, not as --browser', async () => {
    const run = await runCli(['build', SAMPLE, '--out', path.join(work, 'browser-env')], {
      env: { BRIEFDECK_BROWSER: '/nonexistent/chrome' },
    });
    expect(run.code).toBe(3);
    expect(oneLine(run)).toBe(
      'the browser set by BRIEFDECK_BROWSER does not exist: /nonexistent/chrome — fix the path, or unset it to let briefdeck find one',
    );
  });
});

describe('which files a build takes, and their slugs', () => {
  it('two file names in Arabic script build two decks with stable slugs (they used to clash as "briefing")', async () => {
    const dir = await folder('arabic-names');
    await writeFile(path.join(dir, 'تقرير.md'), GOOD);
    await writeFile(path.join(dir, 'تحليل.md'), GOOD);
    const out = path.join(dir, 'out');
    const run = await runCli(['build', dir, '--out', out, '--no-pdf']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const slugs = (await readdir(out)).filter((name) => name !== 'index.html').sort();
    expect(slugs).toHaveLength(2);
    for (const slug of slugs) expect(slug).toMatch(/^briefing-[0-9a-f]{6}$/);
    const again = await runCli(['build', dir, '--out', path.join(dir, 'out-2'), '--no-pdf']);
    expect(again.code).toBe(0);
    expect((await readdir(path.join(dir, 'out-2'))).filter((name) => name !== 'index.html').sort()).toEqual(slugs);
  });

  it('the same file named twice is built once, not a slug clash with itself', async () => {
    const dir = await folder('twice');
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content', 'base.md'), GOOD);
    const run = await runCli(['build', 'content/base.md', './content/base.md', '--out', 'out', '--no-pdf'], {
      cwd: dir,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^built /gm)).toHaveLength(1);
  });

  it('a folder build takes what naming the files takes (a symlinked briefing, Upper.MD, .markdown) and names what it skips', async () => {
    const dir = await folder('agree');
    const elsewhere = await folder('agree-elsewhere');
    await writeFile(path.join(elsewhere, 'shared.md'), GOOD);
    await symlink(path.join(elsewhere, 'shared.md'), path.join(dir, 'linked.md'));
    await writeFile(path.join(dir, 'Upper.MD'), GOOD);
    await writeFile(path.join(dir, 'long.markdown'), GOOD);
    await symlink(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'));
    const byFolder = await runCli(['build', dir, '--out', path.join(work, 'agree-folder'), '--no-pdf']);
    expect(byFolder.code).toBe(0);
    expect(oneLine(byFolder)).toBe(
      `${path.join(dir, 'dangling.md')}: warning: skipped: a symbolic link to something that does not exist`,
    );
    const named = ['linked.md', 'Upper.MD', 'long.markdown'].map((name) => path.join(dir, name));
    const byName = await runCli(['build', ...named, '--out', path.join(work, 'agree-named'), '--no-pdf']);
    expect(byName.stderr).toBe('');
    expect(byName.code).toBe(0);
    const decks = async (out: string) => (await readdir(out)).filter((name) => name !== 'index.html').sort();
    expect(await decks(path.join(work, 'agree-folder'))).toEqual(['linked', 'long', 'upper']);
    expect(await decks(path.join(work, 'agree-named'))).toEqual(['linked', 'long', 'upper']);
    // Named directly, the dangling link is an error that says what it is.
    const dangling = await runCli([
      'build',
      path.join(dir, 'dangling.md'),
      '--out',
      path.join(work, 'agree-dangling'),
      '--no-pdf',
    ]);
    expect(dangling.code).toBe(1);
    expect(oneLine(dangling)).toBe(
      `${path.join(dir, 'dangling.md')} is a symbolic link to something that does not exist — fix the link, or give the content file itself`,
    );
  });
});
