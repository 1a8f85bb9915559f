import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { packagePath } from '../paths.js';
import { resolveUnder, sendFile, sendListing, sendText } from './http.js';
import type { CurrentOutput, LiveBuild } from './rebuild.js';

const LIVE_SCRIPT = packagePath('runtime', 'live.js');

/** The pages open in browsers, told over Server-Sent Events when their deck is rebuilt or errors change. */
export class LiveClients {
  private readonly clients = new Set<ServerResponse>();

  add(request: IncomingMessage, response: ServerResponse, errors: string[]): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    this.clients.add(response);
    this.send(response, 'errors', { errors });
    request.on('close', () => this.clients.delete(response));
  }

  broadcast(event: string, data: unknown): void {
    for (const client of this.clients) this.send(client, event, data);
  }

  close(): void {
    for (const client of this.clients) client.end();
  }

  private send(client: ServerResponse, event: string, data: unknown): void {
    client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}

/**
 * Answers one request: the event stream, the live-reload script, or a file of the output folder
 * (never outside it). A deck's output (its PDF, PowerPoint file, slides/ …) is made first when the one
 * there is not of its current HTML (LiveBuild.currentOutput); a folder of them gets a page of its
 * images. The pages of the decks and the index page get the live-reload script (not the single-file
 * deck: that file is sent as it is).
 */
export async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  site: { outDir: string; live: LiveBuild; clients: LiveClients; log: (line: string) => void },
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/__briefdeck/events') return site.clients.add(request, response, site.live.errorLines());
  if (url.pathname === '/__briefdeck/live.js') {
    await sendFile(response, LIVE_SCRIPT);
    return;
  }
  const asked = resolveUnder(site.outDir, url.pathname);
  if (!asked) return sendText(response, 403, 'Forbidden');
  let output: CurrentOutput | undefined;
  try {
    output = await site.live.currentOutput(asked);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    site.log(`error   ${message}`);
    return sendText(response, 500, message);
  }
  if (output && 'folder' in output) return sendListing(response, url.pathname, output.folder);
  const file = !output && url.pathname.endsWith('/') ? path.join(asked, 'index.html') : asked;
  const slug = path.relative(site.outDir, file).split(path.sep)[0] ?? '';
  const inject = (html: string) =>
    html.replace(
      /<\/body>/i,
      `<script src="/__briefdeck/live.js" data-slug="${slug === 'index.html' ? '' : slug}"></script>\n</body>`,
    );
  const live = path.basename(file) === 'index.html' ? inject : undefined;
  if (!(await sendFile(response, file, live, output?.file))) sendText(response, 404, `Not found: ${url.pathname}`);
}
