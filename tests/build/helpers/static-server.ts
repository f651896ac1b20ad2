import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Absolute URL of a site path given relative to the base (`papers/x/`). */
  url(path?: string): string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /**
   * Headers added to every answer, as some hosts do: `astro preview` sends `Vary: Origin`, which
   * the service worker must cope with.
   */
  headers?: Record<string, string>;
}

/**
 * Serves a built `dist/` on 127.0.0.1 the way a static host serves a site under `basePath`:
 * directories answer with their index.html, a directory without its trailing slash redirects,
 * anything outside the base or missing gets 404.html with status 404.
 */
export async function serveStatic(root: string, basePath = '/', { headers = {} }: StaticServerOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = pathname.startsWith(basePath) ? resolveFile(root, pathname.slice(basePath.length)) : undefined;
    if (file === 'redirect') {
      response.writeHead(301, { Location: `${pathname}/` }).end();
      return;
    }
    const status = file ? 200 : 404;
    const body = file ?? join(root, '404.html');
    if (!existsSync(body)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(status, { 'Content-Type': contentTypes[extname(body)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(body).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '') => `${origin}${basePath}${path.replace(/^\/+/, '')}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function resolveFile(root: string, relativePath: string): string | 'redirect' | undefined {
  const path = normalize(join(root, relativePath));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (!existsSync(path)) return undefined;
  if (statSync(path).isDirectory()) {
    if (!relativePath.endsWith('/') && relativePath !== '') return 'redirect';
    const index = join(path, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return path;
}
