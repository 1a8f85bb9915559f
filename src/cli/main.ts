#!/usr/bin/env node
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
// Each command imports what it needs when it runs, so that `draft` or `--help` do not load the build stack.
import type { BuildOptions, BuildResult, DeckResult } from '../build/batch.js';
import { defaultConcurrency } from '../build/concurrency.js';
import { OUTPUT_STAGES, outputOf, outputStage, type OutputEvent } from '../build/outputs.js';
import type { Warning } from '../content/model.js';
import type { TemplateRegistry } from '../deck/template/registry.js';
import type { PrintLayout } from '../pdf/print.js';
import type { Shard } from '../output/shard-record.js';
import { BriefdeckError, batchExitCode, EXIT_CODES, formatWarning, PdfError, printable } from '../errors.js';
import { MAX_TIMER_MS } from '../timers.js';
import { formatBytes, formatSeconds } from './format.js';
import { addFormatFlags, formatsOf, withPaperSizes, type FormatFlags } from './format-flags.js';
import { addProjectCommands } from './project-commands.js';
import { addIndexCommand, refuseShard, shardOption } from './shard.js';
import { exitOnSignals } from './signals.js';

/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer wait fires at once and failed every PDF. */
const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);
/** Each deck printed at once is a tab of the browser (tens of MB); more tabs than cores are slower anyway (BENCHMARKS.md). */
const MAX_CONCURRENCY = 64;

const program = new Command('briefdeck')
  .description('Turn briefing content (summary, implications, recommendations) into a reveal.js deck and a PDF.')
  .version((createRequire(import.meta.url)('../../package.json') as { version: string }).version)
  .option('--debug', 'show stack traces and causes of errors')
  // Usage errors in one line, like every other error: commander's message and where to look.
  .configureOutput({
    outputError: (message, write) =>
      write(`${message.trim().replace(/\s*\n\s*/g, ' ')} (run briefdeck --help for usage)\n`),
  })
  .exitOverride();

const buildCommand = program
  .command('build')
  .description('build every .md briefing under the given files/folders into <out>/<slug>/ (HTML deck and PDF)')
  .argument('[paths...]', 'content files or folders', ['content'])
  .option('-o, --out <dir>', 'output folder', nonEmptyPath, 'output')
  .option('-t, --template <name>', "template for every deck, instead of each file's `template:`")
  .addOption(templatesOption())
  .addOption(configOption())
  .option(
    '--browser <path>',
    'Chrome/Chromium executable for PDFs (default: $BRIEFDECK_BROWSER, else found automatically)',
    nonEmptyPath,
  )
  .option(
    '-j, --concurrency <n>',
    `decks printed at once, in tabs of one browser (default here: ${defaultConcurrency()}, from the cores; at most ${MAX_CONCURRENCY})`,
    (value) => parseWhole(value, MAX_CONCURRENCY),
  );
addFormatFlags(buildCommand)
  .option('--notes-pages', "put each slide's speaker notes on a page after it in the PDF")
  .option(
    '--strict',
    'content that overflows its slide, and option colours below WCAG AA contrast, are errors (exit 1), not warnings',
  )
  .option(
    '--timeout <seconds>',
    `longest wait for one deck to print (at most ${MAX_TIMEOUT_SECONDS}); a slower deck is retried once in a fresh tab`,
    (value) => parseWhole(value, MAX_TIMEOUT_SECONDS),
    60,
  )
  .addOption(
    new Option(
      '--print-layout <layout>',
      "static: same pages as reveal's print view, faster; reveal: reveal.js's own print view",
    )
      .choices(['static', 'reveal'])
      .default('static'),
  )
  .option('--json', 'print a machine-readable report on stdout instead of progress lines')
  .option('-f, --force', 'write and print every deck, also those whose folder is up to date (unchanged since built)')
  .addOption(shardOption())
  .addOption(
    new Option(
      '-w, --watch',
      'after the build, rebuild the HTML and PDF of a briefing when it, its images, the templates or the config change (Ctrl-C to stop)',
    ).conflicts(['json', 'shard']),
  )
  .action(async (paths: string[], opts: BuildFlags, command: Command) => {
    const started = performance.now();
    const formats = await formatsOf(opts, command, opts.config);
    const live = !opts.json;
    // Ctrl-C or kill: the exit handlers run (the browser is killed, temporary files removed), then the process ends (signals.ts).
    exitOnSignals();
    const options: BuildOptions = {
      paths,
      outDir: opts.out,
      ...formats,
      template: opts.template,
      templates: opts.templates,
      config: opts.config,
      browser: opts.browser,
      concurrency: opts.concurrency,
      notesPages: opts.notesPages,
      strict: opts.strict,
      timeout: opts.timeout * 1000,
      printLayout: opts.printLayout,
      shard: opts.shard,
      force: opts.force,
      handleSignals: false,
      onProgress: (event) => {
        if (!live) return;
        if (event.type === 'html') console.log(`built   ${event.htmlFile} (${event.slides} slides)`);
        else if (event.type === 'pdf')
          console.log(
            `[${event.index}/${event.total}] ${event.pdf.pdfFile} (${event.pdf.pages} pages, ${formatBytes(event.pdf.bytes)}) ${formatSeconds(event.ms)}`,
          );
        else console.log(outputLine(event));
      },
    };
    if (opts.watch) {
      const { watchBuild } = await import('../build/watch.js');
      const watching = await watchBuild({ ...options, log: (line) => console.log(printable(line)) });
      reportBuild(watching.first, performance.now() - started, opts);
      console.log(`watching ${paths.join(' ')} (Ctrl-C to stop)`);
      // Runs until Ctrl-C or kill: exitOnSignals ends the process (130, 143), its exit handlers the browser.
      return new Promise<never>(() => undefined);
    }
    const { build } = await import('../build/batch.js');
    const result = await build(options);
    reportBuild(result, performance.now() - started, opts);
    if (result.errors.length) process.exitCode = batchExitCode(result.errors);
  });

/** A build's warnings and errors on stderr, then its report: the JSON one, or the index page and a summary line. */
function reportBuild(result: BuildResult, elapsed: number, opts: BuildFlags): void {
  result.warnings.forEach(printWarning);
  result.errors.forEach(printError);
  if (opts.json) console.log(JSON.stringify(jsonReport(result, elapsed), null, 2));
  else {
    if (result.indexFile) console.log(`index   ${result.indexFile}`);
    if (result.shardRecord) console.log(`record  ${result.shardRecord}`);
    // Decks found up to date were neither written nor printed: counted apart, their pages not at all.
    const built = result.decks.filter((d) => !d.upToDate);
    const decks = built.length;
    const upToDate = result.decks.length - decks;
    const pages = built.reduce((sum, d) => sum + (d.pdf?.pages ?? 0), 0);
    console.log(
      `${decks} deck${decks === 1 ? '' : 's'}${pages ? `, ${pages} PDF pages,` : ''} built in ${formatSeconds(elapsed)}${upToDate ? `, ${upToDate} up to date` : ''}${result.errors.length ? `, ${result.errors.length} failed` : ''}${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}`,
    );
  }
}

const serveCommand = program
  .command('serve')
  .description('preview briefings on localhost: rebuilds on every save and reloads the open page on the same slide')
  .argument('[paths...]', 'content files or folders', ['content'])
  .option('-p, --port <number>', 'port (the next free one if taken)', (value) => parsePort(value), 8000)
  .option('--open', 'open the index page in the default browser')
  .option('-o, --out <dir>', 'output folder (the same files build writes)', nonEmptyPath, 'output')
  .option('-t, --template <name>', "template for every deck, instead of each file's `template:`")
  .addOption(templatesOption())
  .addOption(configOption())
  .option(
    '--browser <path>',
    'Chrome/Chromium for PDFs printed on request (default: $BRIEFDECK_BROWSER, else found automatically)',
    nonEmptyPath,
  );
// The same formats as build: those without a browser are written on each save, the others when asked for.
addFormatFlags(serveCommand).action(
  async (
    paths: string[],
    opts: FormatFlags & {
      port: number;
      open?: boolean;
      out: string;
      template?: string;
      templates: string[];
      config?: string;
      browser?: string;
    },
    command: Command,
  ) => {
    const formats = await formatsOf(opts, command, opts.config);
    const { serve } = await import('../serve/index.js');
    const server = await serve({
      ...formats,
      paths,
      port: opts.port,
      outDir: opts.out,
      template: opts.template,
      templates: opts.templates,
      config: opts.config,
      browser: opts.browser,
      log: (line) => console.log(printable(line)),
    });
    console.log(`serving ${server.url} (Ctrl-C to stop)`);
    if (opts.open) openInBrowser(server.url);
    await new Promise<void>((resolve) => {
      const stop = () => {
        console.log('stopping');
        server.close().then(resolve, resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
);
refuseShard(serveCommand, 'serve previews and rebuilds every briefing it is given');

const template = program.command('template').description('list the templates, or copy one to edit (eject)');

template
  .command('list')
  .description('show every template (built-in and yours) with its options')
  .addOption(templatesOption())
  .addOption(configOption())
  .action(async (opts: { templates: string[]; config?: string }) => {
    const registry = await registryFor(opts);
    const { describe: describeOption } = await import('../deck/options.js');
    for (const info of await registry.list()) {
      const loaded = await registry.load(info.name);
      const origin = info.builtin ? 'built-in' : info.dir;
      console.log(
        `${info.name}${info.extends ? ` (extends ${info.extends})` : ''} — ${info.description || 'no description'} [${origin}]`,
      );
      for (const [key, option] of Object.entries(loaded.manifest.options)) {
        const fallback =
          'default' in option && option.default !== undefined ? ` = ${JSON.stringify(option.default)}` : '';
        console.log(
          `    ${key}: ${describeOption(option)}${fallback}${option.description ? `  ${option.description}` : ''}`,
        );
      }
    }
  });

template
  .command('eject')
  .description('copy a template, with everything it inherits, into <dir> to edit freely')
  .argument('<name>', 'template to copy')
  .argument('<dir>', 'new template folder; use it with --templates <dir> --template <dir name>')
  .addOption(templatesOption())
  .addOption(configOption())
  .option('-f, --force', 'write into a folder that is not empty')
  .action(async (name: string, dir: string, opts: { templates: string[]; config?: string; force?: boolean }) => {
    const { ejectTemplate } = await import('../deck/eject.js');
    const written = await ejectTemplate(await registryFor(opts), name, dir, { force: opts.force });
    console.log(
      `ejected ${name} into ${dir} (${written.length} files). Build with: briefdeck build --templates ${dir} --template ${path.basename(path.resolve(dir))}`,
    );
  });

program
  .command('draft')
  .description(
    'draft a briefing from an article (.txt, .md, .html, or - for stdin): verbatim sentences, each with its source, marked draft: true',
  )
  .argument('<article>', 'the article file, or - to read it from standard input')
  .option(
    '-o, --out <file>',
    'content file to write (default: content/<slug>.md, the slug from the file name)',
    nonEmptyPath,
  )
  .option('-f, --force', 'overwrite the content file if it exists')
  .action(async (article: string, opts: { out?: string; force?: boolean }) => {
    const { draftFile } = await import('../draft/index.js');
    const result = await draftFile(article, {
      out: opts.out,
      force: opts.force,
      progress: (text) => process.stderr.write(text),
    });
    result.warnings.forEach(printWarning);
    const { draft } = result;
    const implications = draft.implications.reduce((n, g) => n + g.bullets.length, 0);
    console.log(
      `drafted ${result.outFile}: ${draft.bottomLine.length ? 'a bottom line, ' : ''}${count(draft.summary.length, 'summary bullet')}, ${count(implications, 'implication')}, ${count(draft.recommendations.length, 'recommendation')}${draft.quote ? ', a quote' : ''}. ` +
        `Review it (every bullet's note names its source sentence), then: briefdeck build ${result.outFile}`,
    );
  });

addProjectCommands(program);
addIndexCommand(program, nonEmptyPath);

program
  .command('browser')
  .description(
    'show the browser used for PDFs; --install downloads Chrome for Testing; --ensure gets one if there is none',
  )
  .option(
    '--install',
    "download Chrome for Testing (the build Puppeteer drives) into Puppeteer's cache; says what to do instead if the host is unreachable",
  )
  .option(
    '--ensure',
    "use the browser found, else try the download, then apt-get (as root on Debian), then say what to do; never fails (the repo's npm install runs this)",
  )
  .action(async (opts: { install?: boolean; ensure?: boolean }) => {
    if (opts.install || opts.ensure) {
      const { ensureBrowser, installChrome } = await import('../pdf/install.js');
      const log = (line: string) => console.log(`briefdeck ${line}`);
      try {
        if (opts.ensure) await ensureBrowser(log);
        else {
          const installed = await installChrome(log);
          console.log(`${installed.executablePath} (${installed.source})`);
        }
      } catch (error) {
        if (!(error instanceof BriefdeckError)) throw error;
        printError(error);
        process.exitCode = error.exitCode;
      }
      // A download that stalled may leave its socket open until the system times it out: nothing else runs, so stop now.
      process.exit();
    }
    const { findBrowser, INSTALL_HINT } = await import('../pdf/browser.js');
    const found = await findBrowser();
    if (found) console.log(`${found.executablePath} (${found.source})`);
    else throw new PdfError('no Chrome or Chromium found', INSTALL_HINT);
  });

interface BuildFlags extends FormatFlags {
  out: string;
  template?: string;
  templates: string[];
  config?: string;
  browser?: string;
  concurrency?: number;
  notesPages?: boolean;
  strict?: boolean;
  timeout: number;
  printLayout: PrintLayout;
  json?: boolean;
  shard?: Shard;
  watch?: boolean;
  force?: boolean;
}

function parseWhole(value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
}

/** An empty path would quietly mean the working directory (or be ignored): a usage error instead. */
function nonEmptyPath(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('an empty path: name a file or folder');
  return value;
}

/** The progress line of an output stage's file: `pptx    output/x/x.pptx (10 slides, 41.2 KB) 0.2 s`. */
function outputLine(event: OutputEvent): string {
  const stage = outputStage(event.type);
  const output = outputOf(event, stage);
  if (!output) return '';
  const { bytes, count } = stage.size(output);
  return `${stage.label.padEnd(7)} ${stage.files(output)[0]} (${count}, ${formatBytes(bytes)}) ${formatSeconds(event.ms)}`;
}

/** The --json entries of what the output stages wrote: `handout: { file, pages, bytes }`, `pptx: { file, slides, bytes }`. */
function outputEntries(deck: DeckResult): Record<string, unknown> {
  return Object.fromEntries(
    OUTPUT_STAGES.map((stage) => {
      const output = outputOf(deck, stage);
      return [stage.name, output && stage.json(output)];
    }),
  );
}

/** --json: decks, pages, bytes, timings, warnings and errors, for scripts and CI. */
function jsonReport(result: BuildResult, ms: number) {
  return {
    ok: result.errors.length === 0,
    ms: Math.round(ms),
    index: result.indexFile,
    shardRecord: result.shardRecord,
    decks: result.decks.map((deck) => ({
      file: deck.file,
      slug: deck.slug,
      slides: deck.slides,
      // Not written or printed by this build: its folder already held what it would write.
      upToDate: deck.upToDate === true,
      html: deck.htmlFile,
      // Only what this build printed from this HTML: a PDF it did not print is not there (see writeDeck).
      pdf: deck.pdf && {
        file: deck.pdf.pdfFile,
        pages: deck.pdf.pages,
        bytes: deck.pdf.bytes,
        overflows: deck.pdf.overflows,
      },
      ...outputEntries(deck),
    })),
    warnings: result.warnings,
    errors: result.errors.map((error) => ({
      message: error.message,
      file: error.location?.file,
      line: error.location?.line,
    })),
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

/** Best effort: the URL is printed anyway. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  spawn(command, args as string[], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
}

/** --templates and --config mean the same for build, serve and template: defined once. */
function templatesOption(): Option {
  return new Option('--templates <dir>', 'a folder of your templates (or one template folder); repeat for more')
    .argParser((value, previous: string[]) => collect(nonEmptyPath(value), previous))
    .default([], 'none');
}

function configOption(): Option {
  return new Option(
    '-c, --config <file>',
    'project config file (default: briefdeck.config.{yaml,yml,json} here)',
  ).argParser(nonEmptyPath);
}

/** Commander collector for repeatable options. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function registryFor(opts: { templates: string[]; config?: string }): Promise<TemplateRegistry> {
  const [{ loadConfig }, { TemplateRegistry }] = await Promise.all([
    import('../config.js'),
    import('../deck/template/registry.js'),
  ]);
  const config = await loadConfig(process.cwd(), opts.config);
  return new TemplateRegistry([...opts.templates, ...config.templates]);
}

function printWarning(warning: Warning): void {
  console.error(formatWarning(warning));
}

function printError(error: BriefdeckError): void {
  console.error(error.message); // made printable by formatMessage
  if (debug()) console.error(error.stack, error.cause ?? '');
}

function debug(): boolean {
  return Boolean(program.opts().debug) || process.argv.includes('--debug');
}

// `briefdeck template list | head`: a closed pipe is the reader saying "enough", not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_CODES.success.code);
  throw error;
});

async function main(): Promise<void> {
  try {
    await program.parseAsync(withPaperSizes(process.argv));
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes exit 2 (commander already printed the message).
      process.exitCode = error.exitCode === 0 ? EXIT_CODES.success.code : EXIT_CODES.usage.code;
    } else if (error instanceof BriefdeckError) {
      printError(error);
      process.exitCode = error.exitCode;
    } else {
      console.error(
        `briefdeck: internal error: ${printable(error instanceof Error ? error.message : String(error))}${debug() ? '' : ' (run with --debug for details)'}`,
      );
      if (debug()) console.error(error);
      process.exitCode = EXIT_CODES.internal.code;
    }
  }
}

/** "1 implication", "3 implications". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

await main();
