import { createServer, type Server } from 'node:http';
import client from 'prom-client';
import type { Metrics } from './metrics.js';

/** Where a metrics listener ended up (port 0 asks for any free port), for the start-up log line. */
export const addressOf = (server: Server | null) => {
  const a = server?.address();
  return a && typeof a === 'object' ? `${a.address}:${a.port}` : 'off';
};

/**
 * /metrics on a listener of its own (METRICS_HOST:METRICS_PORT, loopback by default), never on the
 * public port: the figures describe the system to whoever can read them. Adds the process's default
 * metrics (CPU, memory, event loop lag, GC), which only a serving process needs.
 */
export async function serveMetrics(
  metrics: Metrics,
  host: string,
  port: number,
  opts: { required: boolean; onUnavailable?: (err: Error) => void },
): Promise<Server | null> {
  client.collectDefaultMetrics({ register: metrics.registry, prefix: 'wyt_' });
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`),
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (err) {
    // Production fails loudly; a development machine running two stacks carries on without.
    if (opts.required) throw err;
    opts.onUnavailable?.(err as Error);
    return null;
  }
  return server;
}
