import { open, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { ServeError } from '../errors.js';
import { isReallyInside } from '../files.js';
import { escapeHtml } from '../html-text.js';
import { mediaTypeOf } from '../media-types.js';

/**
 * Maps a URL path to a file inside `root`, or undefined when it would leave it or names a hidden file
 * or folder: those are briefdeck's own (a deck's manifest, files being written, staging folders), not content.
 */
export function resolveUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (
    path
      .relative(root, file)
      .split(path.sep)
      .some((part) => part.startsWith('.') && part !== '..')
  )
    return undefined;
  return isReallyInside(root, file) ? file : undefined; // also refuses a link in the output folder that leads out of it
}

/**
 * An SVG from content shows in a deck as <img>, where it cannot run script;
 * opened by its own URL it is a document, so it gets a policy that lets it
 * draw and nothing more. (Decks carry their own policy in a <meta>.)
 */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Sends a file (`opened`: the one already opened for it); HTML goes through `transformHtml` (to add the
 * live-reload script). False, having sent nothing, when there is no such file.
 */
export async function sendFile(
  response: ServerResponse,
  file: string,
  transformHtml?: (html: string) => string,
  opened?: FileHandle,
): Promise<boolean> {
  const handle = opened ?? (await open(file).catch(() => undefined));
  const info = await handle?.stat();
  if (!handle || !info?.isFile()) {
    await handle?.close();
    return false;
  }
  const known = mediaTypeOf(path.extname(file).toLowerCase());
  // Text is UTF-8: the build writes nothing else.
  const type = known
    ? /^text\/|^application\/json$/.test(known)
      ? `${known}; charset=utf-8`
      : known
    : 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (type === 'image/svg+xml') headers['content-security-policy'] = SVG_POLICY;
  if (type.startsWith('text/html') && transformHtml) {
    const body = transformHtml(await handle.readFile('utf8').finally(() => handle.close()));
    response.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  } else {
    response.writeHead(200, { ...headers, 'content-length': info.size });
    // Closed when the response is done, also when the client went away half-way (a stream left
    // paused by then would keep its file open until garbage collection).
    const stream = handle.createReadStream({ autoClose: false });
    response.once('close', () => {
      stream.destroy();
      handle.close().catch(() => undefined);
    });
    stream.pipe(response);
  }
  return true;
}

/** The page of a folder of a deck's images (slides/): each image, linked, under a policy that loads nothing else. */
export function sendListing(response: ServerResponse, urlPath: string, names: string[]): void {
  const base = urlPath.endsWith('/') ? urlPath : `${urlPath}/`;
  const items = names.map((name) => {
    const href = escapeHtml(`${base}${encodeURIComponent(name)}`);
    return `<li><a href="${href}">${escapeHtml(name)}</a><br><a href="${href}"><img src="${href}" width="320" alt="${escapeHtml(name)}"></a></li>`;
  });
  const title = escapeHtml(base);
  const body = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<ul>\n${items.join('\n')}\n</ul>\n</body>\n</html>\n`;
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; img-src 'self'",
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/**
 * Listens on 127.0.0.1 (never on other interfaces: this is a preview server),
 * taking the next free port when the asked one is in use.
 */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  port: number,
  log: (line: string) => void,
): Promise<{ server: Server; port: number }> {
  for (let candidate = port; candidate < port + 20; candidate++) {
    const server = createServer(handler);
    const outcome = await new Promise<'ok' | 'busy'>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EADDRINUSE' ? resolve('busy') : reject(error),
      );
      server.listen(candidate, '127.0.0.1', () => resolve('ok'));
    });
    if (outcome === 'ok') {
      if (candidate !== port) log(`port ${port} is in use; serving on ${candidate} instead`);
      const address = server.address();
      return { server, port: typeof address === 'object' && address ? address.port : candidate };
    }
  }
  throw new ServeError(`ports ${port} to ${port + 19} are all in use`, 'choose another with --port');
}
