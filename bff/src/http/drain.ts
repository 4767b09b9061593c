import { createServer, type RequestListener, type Server } from 'node:http';
import { ERROR_STATUS } from '../errors.js';

/** How long no new connection must have come before a draining instance stops listening. */
const QUIET_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The API's listener with a graceful stop for a rolling restart behind nginx (docs/production.md,
 * Scale out). nginx never passes a POST it has sent to an instance on to another one (a payment or a
 * ballot is not resent), so a stopping instance must not drop a connection nginx may be writing to:
 * - `server.close()` at once would close the idle kept-alive connections nginx holds, and reset the
 *   connections waiting to be accepted: a POST on either gets a 502.
 * - So while draining, every answer carries `Connection: close` (nginx does not keep such a
 *   connection), and a GET or HEAD is answered 503 at once: nginx passes it to the other instance
 *   (`proxy_next_upstream http_503`) and counts a failure, which takes this one out of its rotation
 *   for `fail_timeout` (`max_fails=1`). Requests nginx sends anyway — POSTs before any GET came — are
 *   served as usual.
 * - It stops listening after `ms` (longer than nginx's upstream `keepalive_timeout`, so nginx has
 *   closed the connections it held idle) and once no new connection has come for a second (nginx
 *   sends nothing new here), or after twice `ms` at most. Requests in flight then finish.
 */
export function drainableServer(handler: RequestListener): { server: Server; drain: (ms: number) => Promise<void> } {
  let draining = false;
  let lastConnectionAt = 0;
  const server = createServer((req, res) => {
    if (draining) {
      res.setHeader('connection', 'close');
      if (req.method === 'GET' || req.method === 'HEAD') {
        res.writeHead(ERROR_STATUS.SHUTTING_DOWN, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ code: 'SHUTTING_DOWN', message: '服务正在重启，请稍后重试' }));
        return;
      }
    }
    handler(req, res);
  });
  server.on('connection', () => (lastConnectionAt = Date.now()));
  return {
    server,
    async drain(ms: number) {
      draining = true;
      const started = Date.now();
      if (ms > 0)
        while (Date.now() - started < ms || (Date.now() - lastConnectionAt < QUIET_MS && Date.now() - started < 2 * ms))
          await sleep(100);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
