import { closeDeps, createDeps, startDeps } from './deps.js';
import { createApp, createModuleRegistry } from './app.js';
import { exitIfMigrationsBehind, loadConfigOrExit, onShutdown } from './boot.js';
import { addressOf, serveMetrics } from './metrics-server.js';
import { drainableServer } from './http/drain.js';

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
  const { server, drain } = drainableServer(createApp(deps).callback());
  server.listen(config.port, config.host, () => {
    deps.logger.info({ port: config.port, host: config.host, metrics: addressOf(metrics) }, 'BFF listening');
  });
  // Serve on with `Connection: close` until the balancer has let go, stop listening, let requests in
  // flight finish, then close the stores (http/drain.ts).
  onShutdown(async (signal) => {
    deps.logger.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down');
    await drain(config.shutdownDrainMs);
    metrics?.close();
    await closeDeps(deps);
  }, config.shutdownDrainMs + 10_000);
}

void start();
