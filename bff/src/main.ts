import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import { closeDeps, createDeps } from './deps.js';
import { createApp } from './app.js';

function start() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const deps = createDeps(config);
  if (deps.redisMode === 'memory') {
    deps.logger.warn('REDIS_URL=memory:// — in-process Redis fallback: sessions and token locks are not shared between instances and vanish on restart; development only');
  }
  const server: Server = createApp(deps).listen(config.port, config.host, () => {
    deps.logger.info({ port: config.port }, 'BFF listening');
  });
  // Stop taking connections, let requests in flight finish, then close the stores.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(async () => {
      await closeDeps(deps);
      clearTimeout(force);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

start();
