import net from 'node:net';

/**
 * A loopback TCP relay to a real server that a test can cut and restore: the way to take PostgreSQL or
 * Redis "down" for one BFF without touching the shared services.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  await open();
  return {
    get port() {
      return port;
    },
    /** Drops every connection and refuses new ones, as a crashed server would. */
    async cut() {
      const closing = new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      for (const s of sockets) s.destroy();
      await closing;
      server = null;
    },
    restore: open,
    close() {
      return this.cut();
    },
  };
}
