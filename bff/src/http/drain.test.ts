import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainableServer } from './drain.js';

/** A request on a fresh connection that asks to keep it, as nginx's upstream requests do: its status, its Connection header and its body. */
function send(port: number, method: string, path = '/') {
  return new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { connection: 'keep-alive' } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

async function started() {
  const { server, drain } = drainableServer((req, res) => {
    const wait = req.url === '/slow' ? 600 : 0;
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(`served ${req.method}`), wait);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stops.push(() => server.close());
  return { port: (server.address() as AddressInfo).port, server, drain };
}

describe('drainableServer: a stop nginx can route around (docs/production.md, Scale out)', () => {
  it('serves as usual, keeping connections alive, until told to drain', async () => {
    const { port } = await started();
    expect(await send(port, 'GET')).toMatchObject({ status: 200, connection: 'keep-alive', body: 'served GET' });
  });

  it('while draining: GET answered 503 for another instance, POST served, both closing their connection; then refuses, after requests in flight finished', async () => {
    const { port, drain } = await started();
    const inFlight = send(port, 'POST', '/slow');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    const drained = drain(800);
    const get = await send(port, 'GET');
    expect(get).toMatchObject({ status: 503, connection: 'close' });
    expect(JSON.parse(get.body)).toMatchObject({ code: 'SHUTTING_DOWN' });
    expect(await send(port, 'POST')).toMatchObject({ status: 200, connection: 'close', body: 'served POST' });
    await drained;
    // At least the drain time, and a quiet second after the last new connection.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(await inFlight).toMatchObject({ status: 200, body: 'served POST' });
    await expect(send(port, 'GET')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('drain(0) stops listening at once (development)', async () => {
    const { port, drain } = await started();
    const t0 = Date.now();
    await drain(0);
    expect(Date.now() - t0).toBeLessThan(500);
    await expect(send(port, 'GET')).rejects.toThrow(/ECONNREFUSED/);
  });
});
