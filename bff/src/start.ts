import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm start`: the API (main.js) and one worker (worker.js) of the compiled build side by side, as
 * two processes. SIGTERM and SIGINT are passed on to both and this exits when both have; if either
 * dies on its own the other is stopped too, so a supervisor (systemd, a container runtime) restarts
 * the pair instead of running half of it.
 */
const children = new Map<string, ChildProcess>();
let exitCode: number | null = null;

function stopAll(signal: NodeJS.Signals) {
  for (const child of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

for (const file of ['main.js', 'worker.js']) {
  const child = fork(join(import.meta.dirname, file), { stdio: 'inherit' });
  children.set(file, child);
  child.on('exit', (code, signal) => {
    children.delete(file);
    if (exitCode === null) {
      exitCode = code ?? (signal ? 1 : 0);
      stopAll('SIGTERM');
    }
    if (children.size === 0) process.exit(exitCode);
  });
}
process.on('SIGTERM', () => stopAll('SIGTERM'));
process.on('SIGINT', () => stopAll('SIGINT'));
