import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a loopback port (a free one unless given) and returns the base URL and a closer. */
export function listen(handler: { listen: (port: number, host: string, cb: () => void) => Server }, port = 0) {
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = handler.listen(port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
