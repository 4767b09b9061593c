import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function proxy(req: IncomingMessage, res: ServerResponse, target: string) {
  const url = new URL(req.url ?? '/', target);
  const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ code: 'BFF_UNREACHABLE', message: '服务暂时无法访问，请稍后再试' }));
  });
  req.pipe(upstream);
}

/**
 * For the browser tests: serves the built H5 app (and the built console under /console/) and forwards /api, /files and /healthz to the BFF (and /sim
 * to the WeChat simulator, for the development login), so the app talks to one origin, as behind
 * Taro's dev server in `npm run dev`.
 */
export function createH5Server(opts: { root: string; bffUrl: string; simUrl?: string; consoleRoot?: string }): Server {
  return createServer((req, res) => {
    let path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (path.startsWith('/api/') || path.startsWith('/files/') || path === '/healthz')
      return proxy(req, res, opts.bffUrl);
    if (path.startsWith('/sim/') && opts.simUrl) return proxy(req, res, opts.simUrl);
    // The office console (docs/console.md) is a second root under /console/, so resident pages never load it.
    let root = opts.root;
    if (opts.consoleRoot && (path === '/console' || path.startsWith('/console/'))) {
      root = opts.consoleRoot;
      path = path.slice('/console'.length) || '/';
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    const inside = file.startsWith(normalize(root));
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    if (!existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end(root === opts.root ? 'H5 尚未构建完成，请稍候刷新' : '办公台尚未构建完成，请稍候刷新');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    createReadStream(target).pipe(res);
  });
}
