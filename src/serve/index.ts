import type { Server } from 'node:http';
import path from 'node:path';
import { BriefingBuilder, type BuilderOptions } from '../build/briefing.js';
import type { FormatOptions } from '../formats.js';
import { checkOutputFolder } from '../output/write-deck.js';
import { listen, sendText } from './http.js';
import { LiveBuild } from './rebuild.js';
import { answer, LiveClients } from './requests.js';
import { contentToWatch, watchSources } from './watch.js';

/** The formats (FormatOptions, as `build` takes them): the PDF unless `pdf: false`, and any other asked for. */
export interface ServeOptions extends BuilderOptions, FormatOptions {
  /** Content files or folders to serve and watch. */
  paths: string[];
  /** Port to try first (0: any free port). */
  port: number;
  /** Browser for the PDFs (and handouts, slide images …) printed on request. */
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
 * The live preview: builds every briefing's HTML (LiveBuild), serves the output folder on localhost
 * (requests.ts), watches content, templates and config (watch.ts), rebuilds what changed and tells open
 * pages over Server-Sent Events. The formats made without a browser (PowerPoint file …) are written again
 * after each rebuild; the PDF and the other browser ones are made when asked for (rebuild.ts).
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  await checkOutputFolder(options.outDir, options.paths);
  const outDir = path.resolve(options.outDir);
  const { log } = options;
  const builder = new BriefingBuilder({ ...options, outDir });
  const live = new LiveBuild(builder, { ...options, outDir });
  const clients = new LiveClients();
  await live.start();

  const { server, port } = await listen(
    (request, response) => {
      answer(request, response, { outDir, live, clients, log }).catch((error: unknown) => {
        if (!response.headersSent) sendText(response, 500, String(error));
        else response.end();
      });
    },
    options.port,
    log,
  );

  const sources = await builder.sources();
  const watcher = watchSources({
    content: contentToWatch(options.paths),
    ...sources,
    ignore: outDir,
    onChange: async (change) => {
      const slugs = await live.apply(change);
      clients.broadcast('errors', { errors: live.errorLines() });
      if (slugs.length || change.removed.length) clients.broadcast('reload', { slugs });
    },
  });
  await watcher.ready;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    errors: () => live.errorLines(),
    close: async () => {
      await watcher.close();
      clients.close();
      await closeServer(server);
      await live.close();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
