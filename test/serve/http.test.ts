// serve's HTTP pieces on a real local server (in this process: no browser, no child process).
import { type FileHandle, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefdeckError } from '../../src/errors.js';
import { listen, resolveUnder, sendFile, sendListing, sendText } from '../../src/serve/http.js';
import { tempDir } from '../helpers.js';

describe('resolveUnder', () => {
  const root = path.resolve('/srv/output');
  it('maps URL paths to files inside the root, decoding them', () => {
    expect(resolveUnder(root, '/brief/index.html')).toBe(path.join(root, 'brief', 'index.html'));
    expect(resolveUnder(root, '/%D8%AA%D9%87%D8%AF%DB%8C%D8%AF/a%20b.pdf')).toBe(path.join(root, 'تهدید', 'a b.pdf'));
    expect(resolveUnder(root, '/')).toBe(root);
  });
  it('never leaves the root, however `..` is spelled', () => {
    for (const attempt of [
      '/../etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc',
      '/a/../../b',
      '/%2F..%2F..',
    ]) {
      const file = resolveUnder(root, attempt);
      expect(file === undefined || file === root || file.startsWith(root + path.sep), `${attempt} -> ${file}`).toBe(
        true,
      );
    }
  });
  it("refuses hidden names: briefdeck's own files (a deck's manifest, files being written, staging folders)", () => {
    expect(resolveUnder(root, '/brief/.briefdeck-manifest.json')).toBeUndefined();
    expect(resolveUnder(root, '/.brief.123.tmp/index.html')).toBeUndefined();
    expect(resolveUnder(root, '/brief/%2Eindex.html.1.tmp')).toBeUndefined();
  });
  it('refuses a path that is not valid percent-encoding', () => {
    expect(resolveUnder(root, '/%E0%A4%A')).toBeUndefined();
    expect(resolveUnder(root, '/%zz')).toBeUndefined();
  });
});

describe('sendFile and sendText', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(path.join(dir, 'deck'));
    await writeFile(path.join(dir, 'deck', 'index.html'), '<html><body>Deck</body></html>');
    await writeFile(path.join(dir, 'deck', 'logo.SVG'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(dir, 'deck', 'data.bin'), Buffer.from([0, 1, 2, 255]));
    // Like serve: a file, or a 404 in plain text; HTML passes through the transform.
    server = createServer((request, response) => {
      const file = path.join(dir, decodeURIComponent(request.url ?? '/'));
      void sendFile(response, file, (html) => html.replace('</body>', '<script src="/live.js"></script></body>')).then(
        (sent) => (sent ? undefined : sendText(response, 404, `Not found: ${request.url}`)),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('sends HTML through the transform, never cached, not sniffed, with its length', async () => {
    const response = await fetch(`${base}/deck/index.html`);
    const body = await response.text();
    expect(body).toBe('<html><body>Deck<script src="/live.js"></script></body></html>');
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-length': String(Buffer.byteLength(body)),
    });
  });

  it('sends an SVG (by its extension, any case) with a policy that runs no script', async () => {
    const response = await fetch(`${base}/deck/logo.SVG`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
  });

  it('sends other files byte for byte, as octet-stream when the type is unknown', async () => {
    const response = await fetch(`${base}/deck/data.bin`);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('sends nothing for a folder or a missing file (the caller answers 404)', async () => {
    for (const url of ['/deck', '/deck/missing.html']) {
      const response = await fetch(`${base}${url}`);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe(`Not found: ${url}`);
    }
  });
});

describe('sendFile of an opened file, and sendListing', () => {
  it('closes the file it was given when the client goes away half-way', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'big.pdf');
    await writeFile(file, Buffer.alloc(32 * 1024 * 1024, 1)); // far more than the sockets buffer
    let handle: FileHandle | undefined;
    const server = createServer((_request, response) => {
      void open(file).then((opened) => {
        handle = opened;
        return sendFile(response, file, undefined, opened);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const request = httpGet({ host: '127.0.0.1', port, path: '/big.pdf' }, (response) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', (error: NodeJS.ErrnoException) =>
          error.code === 'ECONNRESET' ? resolve() : reject(error),
        );
      });
      // Bounded wait for the server to see the socket close; a FileHandle's fd is -1 once closed.
      for (let waited = 0; handle?.fd !== -1 && waited < 5000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(handle?.fd).toBe(-1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a folder of images is a page linking each, under a policy that loads only its images', async () => {
    const server = createServer((request, response) => sendListing(response, request.url ?? '/', ['01.png', '02.png']));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/brief/slides`);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; img-src 'self'");
      const html = await response.text();
      expect([...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual([
        '/brief/slides/01.png',
        '/brief/slides/01.png',
        '/brief/slides/02.png',
        '/brief/slides/02.png',
      ]);
      expect(html).toContain('<img src="/brief/slides/02.png" width="320" alt="02.png">');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('listen', () => {
  const ok = (_request: unknown, response: import('node:http').ServerResponse) => sendText(response, 200, 'ok');

  it('listens on 127.0.0.1 only, on the port asked for', async () => {
    const { server, port } = await listen(ok, 0, () => undefined);
    try {
      expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    } finally {
      server.close();
    }
  });

  it('takes the next free port when the asked one is in use, and says so', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    const log: string[] = [];
    try {
      const { server, port } = await listen(ok, busy, (line) => log.push(line));
      server.close();
      expect(port).toBeGreaterThan(busy);
      expect(log).toEqual([`port ${busy} is in use; serving on ${port} instead`]);
    } finally {
      blocker.close();
    }
  });

  it('says which ports it tried when none is free', async () => {
    // Twenty ports in a row, all taken: find a run of them that can be held.
    const held: Server[] = [];
    const hold = (port: number) =>
      new Promise<Server | undefined>((resolve) => {
        const server = createServer();
        server.once('error', () => resolve(undefined));
        server.listen(port, '127.0.0.1', () => resolve(server));
      });
    let base = 0;
    for (let candidate = 41000; candidate < 60000 && held.length < 20; candidate += 20) {
      for (const server of held.splice(0)) server.close();
      base = candidate;
      for (let port = candidate; port < candidate + 20; port++) {
        const server = await hold(port);
        if (!server) break;
        held.push(server);
      }
    }
    try {
      expect(held).toHaveLength(20);
      const error = await listen(ok, base, () => undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BriefdeckError);
      expect((error as Error).message).toBe(
        `ports ${base} to ${base + 19} are all in use — choose another with --port`,
      );
    } finally {
      for (const server of held) server.close();
    }
  });
});
