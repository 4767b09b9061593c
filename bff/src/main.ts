import type { Server } from 'node:http';
import { closeDeps, createDeps, startDeps } from './deps.js';
import { createApp, createModuleRegistry } from './app.js';
import { exitIfMigrationsBehind, loadConfigOrExit, onShutdown } from './boot.js';
import { addressOf, serveMetrics } from './metrics-server.js';

/** The API process: the only file that listens. Background work runs in worker.ts. */
async function start() {
  const config = loadConfigOrExit();
  const deps = createDeps(config, { registry: createModuleRegistry() });
  if (deps.redisMode === 'memory') {
    deps.logger.warn(
      'REDIS_URL=memory:// — in-process Redis fallback: sessions and token locks are not shared between instances and vanish on restart; development only',
    );
  }
  await exitIfMigrationsBehind(deps);
  await startDeps(deps);
  const { host: metricsHost, port: metricsPort } = config.metrics;
  const metrics = await serveMetrics(deps.metrics, metricsHost, metricsPort, {
    required: config.env === 'production',
    onUnavailable: (err) => deps.logger.warn({ err: err.message }, 'metrics not served'),
  });
  const server: Server = createApp(deps).listen(config.port, config.host, () => {
    deps.logger.info({ port: config.port, host: config.host, metrics: addressOf(metrics) }, 'BFF listening');
  });
  // Stop taking connections, let requests in flight finish, then close the stores.
  onShutdown(async (signal) => {
    deps.logger.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    metrics?.close();
    await closeDeps(deps);
  }, 10_000);
}

void start();
