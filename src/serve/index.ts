import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { DeckBuilder, deckRecord, recordPrints, type BuilderOptions, type BuiltDeck } from '../build/briefing.js';
import { startBrowser } from '../build/batch.js';
import { CONFIG_NAMES, loadConfig } from '../config.js';
import { discoverContent, findContentFiles } from '../content/discover.js';
import { BUILTIN_TEMPLATES } from '../deck/template/registry.js';
import { BriefdeckError, formatWarning } from '../errors.js';
import { removeSupersededDecks } from '../output/deck-info.js';
import { writeIndexPage } from '../output/index-page.js';
import { checkOutputFolder, removeFolder } from '../output/write-deck.js';
import { printJobFor } from '../pdf/job.js';
import type { DeckPrinter } from '../pdf/print.js';
import type { PrintSession } from '../pdf/session.js';
import { listen, resolveUnder, sendFile, sendText } from './http.js';
import { watchSources, type Watcher } from './watch.js';
import { packagePath } from '../paths.js';

const LIVE_SCRIPT = packagePath('runtime', 'live.js');

export interface ServeOptions extends BuilderOptions {
  /** Content files or folders to serve and watch. */
  paths: string[];
  /** Port to try first (0: any free port). */
  port: number;
  /** Browser for PDFs printed on request. */
  browser?: string;
  /** Where progress lines go (one per rebuild). */
  log: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Current build errors, as shown in the overlay. */
  errors(): string[];
  close(): Promise<void>;
}

/**
 * The live preview: builds every briefing's HTML, serves the output folder on
 * localhost, watches content, templates and config, rebuilds what changed and
 * tells open pages over Server-Sent Events. PDFs are printed when asked for.
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  await checkOutputFolder(options.outDir, options.paths);
  const outDir = path.resolve(options.outDir);
  const builder = new DeckBuilder({ ...options, outDir });
  const decks = new Map<string, BuiltDeck>(); // by content file
  const errors = new Map<string, BriefdeckError>(); // by content file
  const clients = new Set<ServerResponse>();
  const { log } = options;

  const broadcast = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const errorLines = () => [...errors.values()].map((error) => error.message);

  // Rebuilding a deck and printing its PDF take turns: a PDF printed from the old HTML while the
  // new one is written would land beside it and pass for its PDF (writeDeck removes the old PDFs
  // just before the new HTML goes in).
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = turn.then(task);
    turn = run.catch(() => undefined);
    return run;
  };

  /** Builds the given files; returns the slugs that changed. */
  const rebuild = async (files: string[]): Promise<string[]> => {
    const slugs: string[] = [];
    const rebuilt: BuiltDeck[] = [];
    // "built" is logged once the whole rebuild is done (old folders removed, index page written), so
    // the line means the output folder is in its new state.
    const done: string[] = [];
    for (const file of files) {
      const started = performance.now();
      try {
        const built = await builder.buildHtml(file);
        decks.set(file, built);
        rebuilt.push(built);
        errors.delete(file);
        slugs.push(built.deck.slug);
        for (const warning of built.warnings) log(formatWarning(warning));
        done.push(
          `built   ${built.deck.slug} (${built.deck.slides} slides) in ${Math.round(performance.now() - started)} ms`,
        );
      } catch (error) {
        if (!(error instanceof BriefdeckError)) throw error;
        errors.set(file, error);
        log(`error   ${error.message}`);
      }
    }
    await removeSupersededDecks(
      outDir,
      rebuilt.map((built) => built.deck),
    );
    await writeIndexPage(outDir, {
      decks: [...decks.values()].map(deckRecord),
      pdfOnDemand: true,
      onWarning: (warning) => log(formatWarning(warning)),
    });
    done.forEach(log);
    return slugs;
  };

  const discovered = await discoverContent(options.paths);
  for (const skipped of discovered.skipped) log(`${skipped.file}: warning: ${skipped.message}`);
  for (const error of discovered.errors) log(`error   ${error.message}`);
  let contentFiles = discovered.files;
  await exclusive(() => rebuild(contentFiles));

  // PDFs are printed on request, with one browser started the first time one is asked for (and started
  // again if it dies).
  let session: PrintSession | undefined;
  let printer: DeckPrinter | undefined;
  /** Prints the deck's PDF unless the one there was printed from its current HTML (a rebuild removes it). Runs in its turn. */
  const printPdf = async (built: BuiltDeck): Promise<boolean> => {
    if (existsSync(path.join(built.deck.dir, `${built.deck.slug}.pdf`))) return false;
    const { PrintSession } = await import('../pdf/session.js');
    session ??= new PrintSession(() => startBrowser(options.browser, { handleSignals: false })); // close() ends it
    const current = session;
    try {
      printer ??= await current.newPrinter();
      ({ result: built.deck.pdf, printer } = await current.twice(printer, (tab) => tab.print(printJobFor(built))));
    } catch (error) {
      // A tab that failed twice is not asked again, and a browser that could not start is tried again next time.
      printer = undefined;
      if (
        !(await current.browser().then(
          () => true,
          () => false,
        ))
      )
        session = undefined;
      throw error;
    }
    await recordPrints(built);
    return true;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__briefdeck/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(`event: errors\ndata: ${JSON.stringify({ errors: errorLines() })}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === '/__briefdeck/live.js') {
      await sendFile(response, LIVE_SCRIPT);
      return;
    }
    const file = resolveUnder(outDir, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
    if (!file) return sendText(response, 403, 'Forbidden');
    if (file.endsWith('.pdf')) {
      const started = performance.now();
      // The deck is looked up in its turn: a rebuild just before it may have replaced it.
      const deckOf = () =>
        [...decks.values()].find((deck) => path.resolve(deck.deck.dir, `${deck.deck.slug}.pdf`) === file);
      try {
        const printed = await exclusive(async () => {
          const built = deckOf();
          return built && (await printPdf(built)) ? built : undefined;
        });
        if (printed) log(`printed ${printed.deck.slug}.pdf in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`error   ${message}`);
        return sendText(response, 500, message);
      }
    }
    const slug = path.relative(outDir, file).split(path.sep)[0] ?? '';
    const inject = (html: string) =>
      html.replace(
        /<\/body>/i,
        `<script src="/__briefdeck/live.js" data-slug="${slug === 'index.html' ? '' : slug}"></script>\n</body>`,
      );
    if (!(await sendFile(response, file, inject))) sendText(response, 404, `Not found: ${url.pathname}`);
  };

  const { server, port } = await listen(
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendText(response, 500, String(error));
        else response.end();
      });
    },
    options.port,
    log,
  );

  const config = await loadConfig(options.cwd ?? process.cwd(), options.config).catch(() => undefined);
  const configFiles = options.config
    ? [path.resolve(options.config)]
    : CONFIG_NAMES.map((name) => path.resolve(options.cwd ?? process.cwd(), name));
  const templateDirs = [...(options.templates ?? []), ...(config?.templates ?? []), BUILTIN_TEMPLATES].map((dir) =>
    path.resolve(dir),
  );
  const watcher: Watcher = watchSources({
    content: options.paths.map((p) => path.resolve(p)),
    templates: templateDirs,
    config: configFiles.filter((file) => existsSync(file)),
    ignore: outDir,
    onChange: (change) =>
      exclusive(async () => {
        // Watcher paths are absolute; content files are kept as the user named them (for messages).
        const known = (absolute: string) =>
          [...decks.keys(), ...errors.keys()].find((file) => path.resolve(file) === absolute) ?? absolute;
        let files: string[];
        contentFiles = await findContentFiles(options.paths).catch(() => contentFiles);
        if (change.everything) {
          builder.reload();
          files = contentFiles;
        } else {
          for (const removed of change.removed.map(known)) {
            const slug = builder.slugOf(removed);
            builder.forget(removed);
            decks.delete(removed);
            errors.delete(removed);
            if (slug) await removeFolder(path.join(outDir, slug));
            log(`removed ${removed}`);
          }
          files = contentFiles.filter((file) => change.files.includes(path.resolve(file)));
        }
        const slugs = await rebuild(files);
        broadcast('errors', { errors: errorLines() });
        if (slugs.length || change.removed.length) broadcast('reload', { slugs });
      }),
  });
  await watcher.ready;

  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    errors: errorLines,
    close: async () => {
      await watcher.close();
      for (const client of clients) client.end();
      await closeServer(server);
      await printer?.close();
      await session?.close();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
