#!/usr/bin/env node
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { build } from '../build.js';
import { loadConfig } from '../config.js';
import { describe as describeOption } from '../deck/options.js';
import { TemplateRegistry } from '../deck/template.js';
import type { Warning } from '../content/model.js';
import { BriefdeckError } from '../errors.js';
import { formatBytes, formatSeconds } from './format.js';

const program = new Command('briefdeck')
  .description('Turn briefing content (summary, implications, recommendations) into a reveal.js deck and a PDF.')
  .version((createRequire(import.meta.url)('../../package.json') as { version: string }).version)
  .option('--debug', 'show stack traces and causes of errors')
  .showHelpAfterError('(run briefdeck --help for usage)')
  .exitOverride();

program
  .command('build')
  .description('build every .md briefing under the given files/folders into <out>/<slug>/ (HTML deck and PDF)')
  .argument('[paths...]', 'content files or folders', ['content'])
  .option('-o, --out <dir>', 'output folder', 'output')
  .option('--no-pdf', 'build the HTML decks only (no browser needed)')
  .option('-t, --template <name>', 'template for every deck, instead of each file\'s `template:`')
  .option('--templates <dir>', 'a folder of your templates (or one template folder); repeat for more', collect, [])
  .option('-c, --config <file>', 'project config file (default: briefdeck.config.{yaml,yml,json} here)')
  .addOption(new Option('--browser <path>', 'Chrome/Chromium executable for PDFs').env('BRIEFDECK_BROWSER'))
  .action(async (paths: string[], opts: { out: string; pdf: boolean; template?: string; templates: string[]; config?: string; browser?: string }) => {
    const started = performance.now();
    const result = await build({
      paths,
      outDir: opts.out,
      pdf: opts.pdf,
      template: opts.template,
      templates: opts.templates,
      config: opts.config,
      browser: opts.browser,
      onProgress: (event) => {
        if (event.type === 'html') console.log(`built   ${event.htmlFile} (${event.slides} slides)`);
        else console.log(`printed ${event.pdf.pdfFile} (${event.pdf.pages} pages, ${formatBytes(event.pdf.bytes)}) ${formatSeconds(event.ms)}`);
      },
    });
    if (result.indexFile) console.log(`index   ${result.indexFile}`);
    result.warnings.forEach(printWarning);
    result.errors.forEach(printError);
    const decks = result.decks.length;
    console.log(`${decks} deck${decks === 1 ? '' : 's'} built in ${formatSeconds(performance.now() - started)}${result.errors.length ? `, ${result.errors.length} failed` : ''}`);
    if (result.errors.length) process.exitCode = result.errors[0]!.exitCode;
  });

program
  .command('serve')
  .description('preview briefings on localhost: rebuilds on every save and reloads the open page on the same slide')
  .argument('[paths...]', 'content files or folders', ['content'])
  .option('-p, --port <number>', 'port (the next free one if taken)', (value) => parsePort(value), 8000)
  .option('--open', 'open the index page in the default browser')
  .option('-o, --out <dir>', 'output folder (the same files build writes)', 'output')
  .option('-t, --template <name>', 'template for every deck, instead of each file\'s `template:`')
  .option('--templates <dir>', 'a folder of your templates (or one template folder); repeat for more', collect, [])
  .option('-c, --config <file>', 'project config file (default: briefdeck.config.{yaml,yml,json} here)')
  .addOption(new Option('--browser <path>', 'Chrome/Chromium for PDFs printed on request').env('BRIEFDECK_BROWSER'))
  .action(async (paths: string[], opts: { port: number; open?: boolean; out: string; template?: string; templates: string[]; config?: string; browser?: string }) => {
    const { serve } = await import('../serve/index.js');
    const server = await serve({ paths, port: opts.port, outDir: opts.out, template: opts.template, templates: opts.templates, config: opts.config, browser: opts.browser, log: (line) => console.log(line) });
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
  });

const template = program.command('template').description('list the templates, or copy one to edit (eject)');

template
  .command('list')
  .description('show every template (built-in and yours) with its options')
  .option('--templates <dir>', 'a folder of your templates (or one template folder); repeat for more', collect, [])
  .option('-c, --config <file>', 'project config file')
  .action(async (opts: { templates: string[]; config?: string }) => {
    const registry = await registryFor(opts);
    for (const info of await registry.list()) {
      const loaded = await registry.load(info.name);
      const origin = info.builtin ? 'built-in' : info.dir;
      console.log(`${info.name}${info.extends ? ` (extends ${info.extends})` : ''} — ${info.description || 'no description'} [${origin}]`);
      for (const [key, option] of Object.entries(loaded.manifest.options)) {
        const fallback = 'default' in option && option.default !== undefined ? ` = ${JSON.stringify(option.default)}` : '';
        console.log(`    ${key}: ${describeOption(option)}${fallback}${option.description ? `  ${option.description}` : ''}`);
      }
    }
  });

template
  .command('eject')
  .description('copy a template, with everything it inherits, into <dir> to edit freely')
  .argument('<name>', 'template to copy')
  .argument('<dir>', 'new template folder; use it with --templates <dir> --template <dir name>')
  .option('--templates <dir>', 'a folder of your templates (or one template folder); repeat for more', collect, [])
  .option('-c, --config <file>', 'project config file')
  .option('-f, --force', 'write into a folder that is not empty')
  .action(async (name: string, dir: string, opts: { templates: string[]; config?: string; force?: boolean }) => {
    const { ejectTemplate } = await import('../deck/eject.js');
    const written = await ejectTemplate(await registryFor(opts), name, dir, { force: opts.force });
    console.log(`ejected ${name} into ${dir} (${written.length} files). Build with: briefdeck build --templates ${dir} --template ${path.basename(path.resolve(dir))}`);
  });

program
  .command('browser')
  .description('show the browser used for PDFs; with --ensure, get one if there is none (npm install runs this)')
  .option('--ensure', 'try Puppeteer\'s download, then apt-get (as root on Debian), then say what to run; never fails')
  .action(async (opts: { ensure?: boolean }) => {
    if (opts.ensure) {
      const { ensureBrowser } = await import('../pdf/install.js');
      await ensureBrowser((line) => console.log(`briefdeck ${line}`));
      return;
    }
    const { findBrowser, INSTALL_HINT } = await import('../pdf/browser.js');
    const found = await findBrowser(process.env.BRIEFDECK_BROWSER);
    if (found) console.log(`${found.executablePath} (${found.source})`);
    else throw new BriefdeckError('no Chrome or Chromium found', INSTALL_HINT);
  });

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

/** Best effort: the URL is printed anyway. */
function openInBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  spawn(command, args as string[], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

/** Commander collector for repeatable options. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function registryFor(opts: { templates: string[]; config?: string }): Promise<TemplateRegistry> {
  const config = await loadConfig(process.cwd(), opts.config);
  return new TemplateRegistry([...opts.templates, ...config.templates]);
}

function printWarning(warning: Warning): void {
  const where = `${warning.file}${warning.line ? `:${warning.line}` : ''}`;
  console.error(`${where}: warning: ${warning.message}`);
}

function printError(error: BriefdeckError): void {
  console.error(error.message);
  if (debug()) console.error(error.stack, error.cause ?? '');
}

function debug(): boolean {
  return Boolean(program.opts().debug) || process.argv.includes('--debug');
}

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes exit 2 (commander already printed the message).
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof BriefdeckError) {
      printError(error);
      process.exitCode = error.exitCode;
    } else {
      console.error(`briefdeck: internal error: ${error instanceof Error ? error.message : String(error)}${debug() ? '' : ' (run with --debug for details)'}`);
      if (debug()) console.error(error);
      process.exitCode = 70;
    }
  }
}

await main();
