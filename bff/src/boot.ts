import { ConfigError, loadConfig, type Config } from './config.js';
import type { Deps } from './deps.js';
import { migrationsBehindMessage, pendingMigrations } from './migrations.js';

/** The configuration, or the list of what is wrong and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}

/**
 * Refuses to run against a database that lacks a migration this build expects (exit 78, naming the
 * command to run): the code would fail on a missing column at the first request that reads it.
 */
export async function exitIfMigrationsBehind(deps: Deps): Promise<void> {
  const pending = await pendingMigrations(deps.sql);
  if (pending.length === 0) return;
  process.stderr.write(`${migrationsBehindMessage(pending)}\n`);
  process.exit(78); // nothing started yet: no job queue, no listener to drain
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits; a stop that hangs is cut after `forceMs`. */
export function onShutdown(stop: (signal: string) => Promise<void>, forceMs: number): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), forceMs).unref();
    stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => handle('SIGTERM'));
  process.on('SIGINT', () => handle('SIGINT'));
}
