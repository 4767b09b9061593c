import { closeDeps, createDeps, startDeps } from './deps.js';
import { exitIfMigrationsBehind, loadConfigOrExit, onShutdown } from './boot.js';
import { startJobs } from './jobs/run.js';
import { addressOf, serveMetrics } from './metrics-server.js';
import { modules } from './modules.js';
import { createRegistry } from './registry.js';

/**
 * The worker process: runs every module's jobs and cron schedules, apart from the API so the two
 * scale separately. On SIGTERM it stops fetching, lets running jobs finish (up to 25 s) and exits;
 * a job still running then expires and is retried by another worker.
 */
async function start() {
  const config = loadConfigOrExit();
  const deps = createDeps(config, { role: 'worker', registry: createRegistry(modules) });
  await exitIfMigrationsBehind(deps);
  await startDeps(deps);
  await startJobs(deps, modules);
  // The worker's own counters (pushes, SLA breaches, reconciliation) on a port beside the API's.
  const metrics = await serveMetrics(deps.metrics, config.metrics.host, config.metrics.workerPort, {
    required: config.env === 'production',
    onUnavailable: (err) => deps.logger.warn({ err: err.message }, 'metrics not served'),
  });
  deps.logger.info({ pid: process.pid, metrics: addressOf(metrics) }, 'worker ready');
  onShutdown(async (signal) => {
    deps.logger.info({ signal }, 'worker stopping: finishing running jobs');
    metrics?.close();
    await deps.jobs.stop({ graceful: true, timeoutMs: 25_000 });
    await closeDeps(deps);
  }, 30_000);
}

void start();
